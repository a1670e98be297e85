import { Field, InputType, Int } from '@nestjs/graphql';
import { LocaleCode } from '@kooperant/identity';

import { IndicativePriceInput } from './indicative-price.input';
import { OfferCapacityInput } from './offer-capacity.input';
import { OfferTranslationInput } from './offer-translation.input';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class UpdateOfferInput {
  @Field(() => UuidScalar) offerId: string;
  @Field(() => LocaleCode, { nullable: true }) language?: LocaleCode;
  @Field({ nullable: true }) title?: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => [OfferTranslationInput], { nullable: true }) translations?: OfferTranslationInput[];
  @Field(() => [String], { nullable: true }) processCodes?: string[];
  @Field(() => [String], { nullable: true }) materialCodes?: string[];
  @Field(() => [String], { nullable: true }) certificationCodes?: string[];
  @Field(() => OfferCapacityInput, { nullable: true }) capacity?: OfferCapacityInput;
  @Field(() => Int, { nullable: true }) leadTimeDays?: number;
  @Field(() => IndicativePriceInput, { nullable: true }) price?: IndicativePriceInput;
  @Field(() => [String], { nullable: true }) countriesServed?: string[];
  @Field({ nullable: true }) validUntil?: Date;
}
