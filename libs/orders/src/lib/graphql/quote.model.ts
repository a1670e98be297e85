import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FirmModel } from '@kooperant/identity';
import { QuoteStatusCode } from './quote-status.enum';
import { QuoteLegModel } from './quote-leg.model';

@ObjectType('Quote', {
  description: 'A supplier quote for packages of an order; sealed: other suppliers never see it.',
})
export class QuoteModel {
  @Field(() => ID) id: string;
  @Field(() => ID) orderId: string;
  @Field(() => QuoteStatusCode) status: QuoteStatusCode;
  @Field(() => FirmModel) leadFirm: FirmModel;
  @Field(() => Int, { description: 'Revisions add versions; this is the current one.' }) version: number;
  @Field() validUntil: Date;
  @Field() notes: string;
  @Field(() => [QuoteLegModel]) legs: QuoteLegModel[];
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
}
