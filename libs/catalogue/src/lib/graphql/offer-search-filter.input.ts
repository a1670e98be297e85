import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { CountryCode } from '@kooperant/identity';
import { UuidScalar } from '@kooperant/identity';

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
  @Field(() => UuidScalar, { nullable: true, description: 'The firm is a verified member of this cluster.' })
  clusterId?: string;
  @Field(() => Float, { nullable: true, description: 'Sheet or wall thickness the firm must be able to work, mm.' })
  thicknessMm?: number;
  @Field(() => Float, { nullable: true }) partLengthMm?: number;
  @Field(() => Float, { nullable: true }) partWidthMm?: number;
  @Field(() => Float, { nullable: true }) partHeightMm?: number;
  @Field(() => Int, { nullable: true }) maxLeadTimeDays?: number;
}
