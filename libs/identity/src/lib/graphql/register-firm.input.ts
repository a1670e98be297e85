import { Field, Float, InputType } from '@nestjs/graphql';
import { CountryCode, FirmSizeClass } from './enums';

import { NaceCodeInput } from './nace-code.input';

@InputType()
export class RegisterFirmInput {
  @Field({ nullable: true, description: 'Replaying a key returns the firm the first call registered.' })
  idempotencyKey?: string;
  @Field() name: string;
  @Field(() => CountryCode) country: CountryCode;
  @Field({ nullable: true }) nip?: string;
  @Field({ nullable: true }) regon?: string;
  @Field({ nullable: true }) krs?: string;
  @Field({ nullable: true }) companyCode?: string;
  @Field({ nullable: true }) vatNumber?: string;
  @Field() street: string;
  @Field() city: string;
  @Field() postcode: string;
  @Field(() => Float) lat: number;
  @Field(() => Float) lng: number;
  @Field(() => [String], { nullable: true }) languages?: string[];
  @Field(() => FirmSizeClass) sizeClass: FirmSizeClass;
  @Field(() => [NaceCodeInput], { nullable: true }) naceCodes?: NaceCodeInput[];
  @Field(() => [String], { nullable: true }) certificationCodes?: string[];
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true }) website?: string;
}
