import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { CountryCode, FirmRoleCode, FirmSizeClass, NaceRevision } from './enums';

@InputType()
export class NaceCodeInput {
  @Field() code: string;
  @Field(() => NaceRevision) revision: NaceRevision;
}

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

@InputType()
export class UpdateFirmInput {
  @Field(() => ID) firmId: string;
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

@InputType()
export class SetFirmMemberInput {
  @Field(() => ID) firmId: string;
  @Field() email: string;
  @Field(() => FirmRoleCode) role: FirmRoleCode;
}

@InputType()
export class RequestClusterMembershipInput {
  @Field(() => ID) firmId: string;
  @Field(() => ID) clusterId: string;
}

@InputType()
export class DecideClusterMembershipInput {
  @Field(() => ID) membershipId: string;
  @Field({ description: 'true verifies the firm, false rejects the request.' }) verify: boolean;
  @Field({ nullable: true }) note?: string;
}

@InputType()
export class AppointCoordinatorInput {
  @Field(() => ID) clusterId: string;
  @Field() email: string;
}
