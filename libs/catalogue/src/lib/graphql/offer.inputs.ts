import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { CountryCode, LocaleCode } from '@kooperant/identity';
import { CurrencyCode, OfferStatusCode, QuantityUnit } from './catalogue.enums';

@InputType()
export class OfferTranslationInput {
  @Field(() => LocaleCode) language: LocaleCode;
  @Field() title: string;
  @Field() description: string;
}

@InputType()
export class OfferCapacityInput {
  @Field(() => Float, { nullable: true }) maxPartLengthMm?: number;
  @Field(() => Float, { nullable: true }) maxPartWidthMm?: number;
  @Field(() => Float, { nullable: true }) maxPartHeightMm?: number;
  @Field(() => Float, { nullable: true }) minThicknessMm?: number;
  @Field(() => Float, { nullable: true }) maxThicknessMm?: number;
  @Field(() => Float, { nullable: true }) toleranceMm?: number;
  @Field(() => Int, { nullable: true }) minBatch?: number;
  @Field(() => Int, { nullable: true }) maxBatch?: number;
  @Field(() => Int, { nullable: true }) monthlyCapacity?: number;
  @Field(() => QuantityUnit, { nullable: true }) capacityUnit?: QuantityUnit;
}

@InputType()
export class IndicativePriceInput {
  @Field(() => Float, { description: 'Integer minor units (grosze, cents).' }) amountMinor: number;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => QuantityUnit) unit: QuantityUnit;
}

@InputType()
export class CreateOfferInput {
  @Field({ nullable: true, description: 'Replaying a key returns the offer the first call created.' })
  idempotencyKey?: string;
  @Field(() => ID) firmId: string;
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

@InputType()
export class UpdateOfferInput {
  @Field(() => ID) offerId: string;
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

@InputType()
export class OfferIdInput {
  @Field(() => ID) offerId: string;
}

@InputType()
export class OfferSearchFilterInput {
  @Field(() => [String], { nullable: true, description: 'Any of these processes, each with its sub-processes.' })
  processCodes?: string[];
  @Field(() => [String], { nullable: true }) materialCodes?: string[];
  @Field(() => [String], { nullable: true, description: 'All of these certifications.' })
  certificationCodes?: string[];
  @Field(() => [CountryCode], { nullable: true, description: "The offering firm's country." })
  firmCountries?: CountryCode[];
  @Field({ nullable: true, description: 'The offer serves this country (ISO code).' }) servesCountry?: string;
  @Field(() => ID, { nullable: true, description: 'The firm is a verified member of this cluster.' })
  clusterId?: string;
  @Field(() => Float, { nullable: true, description: 'Sheet or wall thickness the firm must be able to work, mm.' })
  thicknessMm?: number;
  @Field(() => Float, { nullable: true }) partLengthMm?: number;
  @Field(() => Float, { nullable: true }) partWidthMm?: number;
  @Field(() => Float, { nullable: true }) partHeightMm?: number;
  @Field(() => Int, { nullable: true }) maxLeadTimeDays?: number;
}

@InputType()
export class MyOffersFilterInput {
  @Field(() => ID, { nullable: true }) firmId?: string;
  @Field(() => OfferStatusCode, { nullable: true }) status?: OfferStatusCode;
}
