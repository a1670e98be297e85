import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CurrencyCode } from '@kooperant/catalogue';
import { PackageComparisonModel } from './package-comparison.model';
import { ChainOptionModel } from './chain-option.model';

@ObjectType('QuoteComparison')
export class QuoteComparisonModel {
  @Field(() => ID) orderId: string;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field() rateDate: Date;
  @Field({ description: 'When production is assumed to start: the quote deadline, or now once it has passed.' })
  start: Date;
  @Field(() => [PackageComparisonModel]) packages: PackageComparisonModel[];
  @Field(() => [ChainOptionModel]) chains: ChainOptionModel[];
  @Field(() => [String], { description: 'Keys of packages nobody has quoted.' }) unquoted: string[];
}
