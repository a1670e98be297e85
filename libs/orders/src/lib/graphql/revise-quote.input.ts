import { Field, InputType } from '@nestjs/graphql';
import { QuoteLegInput } from './quote-leg.input';
import { UuidScalar } from '@kooperant/identity';

@InputType({ description: 'A new version of a quote; the legs replace those of the current version.' })
export class ReviseQuoteInput {
  @Field(() => UuidScalar) quoteId: string;
  @Field() validUntil: Date;
  @Field({ nullable: true }) notes?: string;
  @Field(() => [QuoteLegInput]) legs: QuoteLegInput[];
}
