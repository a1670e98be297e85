import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CurrencyCode } from '@kooperant/catalogue';

@ObjectType('ConvertedAmount', {
  description: 'A price in the order currency, naming the rate, its source and its date.',
})
export class ConvertedAmountModel {
  @Field(() => Float, { description: 'Integer minor units; rounded half away from zero.' }) amountMinor: number;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field({ description: '1 unit of the quoted currency in the order currency.' }) rate: string;
  @Field({ description: 'NBP or ECB.' }) source: string;
  @Field({ description: 'YYYY-MM-DD of the rate table.' }) effectiveDate: string;
}
