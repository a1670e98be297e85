import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class AwardWorkPackageInput {
  @Field({ description: 'Required: a replay returns the first result.' }) idempotencyKey: string;
  @Field(() => UuidScalar) packageId: string;
  @Field(() => UuidScalar) quoteId: string;
}
