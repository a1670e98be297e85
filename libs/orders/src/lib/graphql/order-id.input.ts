import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class OrderIdInput {
  @Field(() => UuidScalar) orderId: string;
}
