import { registerEnumType } from '@nestjs/graphql';

export enum CountryCode {
  PL = 'PL',
  LT = 'LT',
}
registerEnumType(CountryCode, { name: 'CountryCode', description: 'Countries whose firms the platform serves.' });

export enum LocaleCode {
  en = 'en',
  pl = 'pl',
  lt = 'lt',
}
registerEnumType(LocaleCode, { name: 'Locale', description: 'Languages of the platform.' });

export enum FirmSizeClass {
  micro = 'micro',
  small = 'small',
  medium = 'medium',
  large = 'large',
}
registerEnumType(FirmSizeClass, { name: 'FirmSizeClass' });

export enum FirmRoleCode {
  admin = 'admin',
  member = 'member',
}
registerEnumType(FirmRoleCode, { name: 'FirmRole' });

export enum MembershipStatusCode {
  pending = 'pending',
  verified = 'verified',
  rejected = 'rejected',
}
registerEnumType(MembershipStatusCode, { name: 'MembershipStatus' });

export enum NaceRevision {
  REV2 = '2',
  REV2_1 = '2.1',
}
registerEnumType(NaceRevision, { name: 'NaceRevision' });
