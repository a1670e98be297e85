import { Field, Float, InputType } from '@nestjs/graphql';
import { FirmSizeClass } from './enums';

import { NaceCodeInput } from './nace-code.input';
import { UuidScalar } from './uuid.scalar';

@InputType()
export class UpdateFirmInput {
  @Field(() => UuidScalar) firmId: string;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) nip?: string;
  @Field({ nullable: true }) regon?: string;
  @Field({ nullable: true }) krs?: string;
  @Field({ nullable: true }) companyCode?: string;
  @Field({ nullable: true }) vatNumber?: string;
  @Field({ nullable: true }) street?: string;
  @Field({ nullable: true }) city?: string;
  @Field({ nullable: true }) postcode?: string;
  @Field(() => Float, { nullable: true }) lat?: number;
  @Field(() => Float, { nullable: true }) lng?: number;
  @Field(() => [String], { nullable: true }) languages?: string[];
  @Field(() => FirmSizeClass, { nullable: true }) sizeClass?: FirmSizeClass;
  @Field(() => [NaceCodeInput], { nullable: true }) naceCodes?: NaceCodeInput[];
  @Field(() => [String], { nullable: true }) certificationCodes?: string[];
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true }) website?: string;
}
