import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CancelCooperativeOrderInput {
  @Field(() => ID) orderId: string;
  @Field() reason: string;
}
