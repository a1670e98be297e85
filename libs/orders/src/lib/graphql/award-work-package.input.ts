import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AwardWorkPackageInput {
  @Field({ description: 'Required: a replay returns the first result.' }) idempotencyKey: string;
  @Field(() => ID) packageId: string;
  @Field(() => ID) quoteId: string;
}
