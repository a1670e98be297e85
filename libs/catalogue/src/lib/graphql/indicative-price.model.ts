import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CurrencyCode, QuantityUnit } from './catalogue.enums';

@ObjectType('IndicativePrice', { description: 'An indicative price in integer minor units (grosze, cents).' })
export class IndicativePriceModel {
  @Field(() => Float, { description: 'Integer minor units; Float only because GraphQL Int is 32-bit.' })
  amountMinor: number;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => QuantityUnit, { description: 'Per what the price is.' }) unit: QuantityUnit;
}
