import { Field, ID, InputType } from '@nestjs/graphql';
import { QuoteLegInput } from './quote-leg.input';

@InputType({ description: 'A new version of a quote; the legs replace those of the current version.' })
export class ReviseQuoteInput {
  @Field(() => ID) quoteId: string;
  @Field() validUntil: Date;
  @Field({ nullable: true }) notes?: string;
  @Field(() => [QuoteLegInput]) legs: QuoteLegInput[];
}
