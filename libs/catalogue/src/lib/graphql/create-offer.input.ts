import { Field, InputType, Int } from '@nestjs/graphql';
import { LocaleCode } from '@kooperant/identity';

import { IndicativePriceInput } from './indicative-price.input';
import { OfferCapacityInput } from './offer-capacity.input';
import { OfferTranslationInput } from './offer-translation.input';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class CreateOfferInput {
  @Field({ nullable: true, description: 'Replaying a key returns the offer the first call created.' })
  idempotencyKey?: string;
  @Field(() => UuidScalar) firmId: string;
  @Field(() => LocaleCode, { description: 'The language title and description are written in.' }) language: LocaleCode;
  @Field() title: string;
  @Field() description: string;
  @Field(() => [OfferTranslationInput], { nullable: true }) translations?: OfferTranslationInput[];
  @Field(() => [String], { description: 'Process codes from the taxonomy, e.g. process.cnc-milling.' })
  processCodes: string[];
  @Field(() => [String], { nullable: true }) materialCodes?: string[];
  @Field(() => [String], { nullable: true }) certificationCodes?: string[];
  @Field(() => OfferCapacityInput, { nullable: true }) capacity?: OfferCapacityInput;
  @Field(() => Int) leadTimeDays: number;
  @Field(() => IndicativePriceInput, { nullable: true }) price?: IndicativePriceInput;
  @Field(() => [String], { nullable: true, description: "ISO codes; defaults to the firm's country." })
  countriesServed?: string[];
  @Field() validUntil: Date;
}
