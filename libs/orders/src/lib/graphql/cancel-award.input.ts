import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CancelAwardInput {
  @Field(() => ID) packageId: string;
  @Field() reason: string;
}
