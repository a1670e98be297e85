import { Field, InputType } from '@nestjs/graphql';
import { QuoteLegInput } from './quote-leg.input';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class SubmitQuoteInput {
  @Field({ description: 'Required: a replay returns the first quote.' }) idempotencyKey: string;
  @Field(() => UuidScalar) orderId: string;
  @Field(() => UuidScalar, { description: 'The quoting firm (one of yours).' }) firmId: string;
  @Field() validUntil: Date;
  @Field({ nullable: true }) notes?: string;
  @Field(() => [QuoteLegInput]) legs: QuoteLegInput[];
}
