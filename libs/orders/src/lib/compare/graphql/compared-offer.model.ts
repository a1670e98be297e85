import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { FirmModel } from '@kooperant/identity';
import { CurrencyCode } from '@kooperant/catalogue';
import { ConvertedAmountModel } from './converted-amount.model';

@ObjectType('ComparedOffer', { description: 'One leg of a quote, with its price also in the order currency.' })
export class ComparedOfferModel {
  @Field(() => ID) quoteId: string;
  @Field(() => ID) legId: string;
  @Field(() => FirmModel) firm: FirmModel;
  @Field(() => Float) priceMinor: number;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => ConvertedAmountModel, {
    nullable: true,
    description: 'Null when quoted in the order currency, or no rate is known.',
  })
  converted: ConvertedAmountModel | null;
  @Field(() => Int) leadTimeDays: number;
  @Field({ description: 'Part of a joint quote led by another firm.' }) joint: boolean;
}
