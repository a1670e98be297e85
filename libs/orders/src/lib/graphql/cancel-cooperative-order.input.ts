import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class CancelCooperativeOrderInput {
  @Field(() => UuidScalar) orderId: string;
  @Field() reason: string;
}
