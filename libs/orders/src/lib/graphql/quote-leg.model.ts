import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { FirmModel } from '@kooperant/identity';
import { CurrencyCode } from '@kooperant/catalogue';

@ObjectType('QuoteLeg', { description: 'One package of a quote, priced by the firm that would carry it out.' })
export class QuoteLegModel {
  @Field(() => ID) id: string;
  @Field(() => ID) packageId: string;
  @Field(() => FirmModel) firm: FirmModel;
  @Field(() => Float, { description: 'Integer minor units of `currency`.' }) priceMinor: number;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => Int) leadTimeDays: number;
  @Field() notes: string;
  @Field({ description: 'False while a partner firm has not confirmed its leg of a joint quote.' }) confirmed: boolean;
}
