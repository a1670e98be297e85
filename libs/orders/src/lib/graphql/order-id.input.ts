import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class OrderIdInput {
  @Field(() => ID) orderId: string;
}
