import { Field, ID, InputType } from '@nestjs/graphql';
import { QuoteLegInput } from './quote-leg.input';

@InputType()
export class SubmitQuoteInput {
  @Field({ description: 'Required: a replay returns the first quote.' }) idempotencyKey: string;
  @Field(() => ID) orderId: string;
  @Field(() => ID, { description: 'The quoting firm (one of yours).' }) firmId: string;
  @Field() validUntil: Date;
  @Field({ nullable: true }) notes?: string;
  @Field(() => [QuoteLegInput]) legs: QuoteLegInput[];
}
