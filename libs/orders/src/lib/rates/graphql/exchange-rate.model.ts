import { Field, ObjectType } from '@nestjs/graphql';
import { RateSourceCode } from './rates.enums';

@ObjectType('ExchangeRate', { description: '1 base = rate quote, as published by source on effectiveDate.' })
export class ExchangeRateModel {
  @Field(() => RateSourceCode) source: RateSourceCode;
  @Field() base: string;
  @Field() quote: string;
  @Field({
    description:
      'Exact decimal. When inverse, 1 / the published rate to 8 places; conversions divide by the published rate.',
  })
  rate: string;
  @Field({ description: 'True when the bank publishes the opposite pair (PLN → EUR from 1 EUR = x PLN).' })
  inverse: boolean;
  @Field({ description: 'YYYY-MM-DD, the date of the bank’s table.' }) effectiveDate: string;
  @Field(() => String, { nullable: true, description: 'NBP table number, e.g. 039/A/NBP/2022.' })
  tableNo: string | null;
}
