import { Field, Float, InputType } from '@nestjs/graphql';
import { CurrencyCode, QuantityUnit } from './catalogue.enums';

@InputType()
export class IndicativePriceInput {
  @Field(() => Float, { description: 'Integer minor units (grosze, cents).' }) amountMinor: number;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => QuantityUnit) unit: QuantityUnit;
}
