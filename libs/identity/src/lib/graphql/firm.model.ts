import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { CountryCode, FirmSizeClass } from './enums';

import { NaceCodeModel } from './nace-code.model';

@ObjectType('Firm', { description: 'A company in the catalogue.' })
export class FirmModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => CountryCode) country: CountryCode;
  @Field(() => String, { nullable: true, description: 'Polish tax id (10 digits).' }) nip: string | null;
  @Field(() => String, { nullable: true }) regon: string | null;
  @Field(() => String, { nullable: true }) krs: string | null;
  @Field(() => String, { nullable: true, description: 'Lithuanian company code (9 digits).' }) companyCode:
    string | null;
  @Field(() => String, { nullable: true, description: 'EU VAT number with country prefix.' }) vatNumber: string | null;
  @Field() street: string;
  @Field() city: string;
  @Field() postcode: string;
  @Field(() => Float) lat: number;
  @Field(() => Float) lng: number;
  @Field(() => [String]) languages: string[];
  @Field(() => FirmSizeClass) sizeClass: FirmSizeClass;
  @Field(() => [NaceCodeModel]) naceCodes: NaceCodeModel[];
  @Field(() => [String]) certificationCodes: string[];
  @Field() description: string;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field() createdAt: Date;
}
