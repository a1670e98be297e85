import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CountryCode, FirmModel, LocaleCode } from '@kooperant/identity';
import { OfferStatusCode } from './catalogue.enums';

import { OfferTranslationModel } from './offer-translation.model';

@ObjectType('Offer', { description: "A firm's capability offer." })
export class OfferModel {
  @Field(() => ID) id: string;
  @Field(() => OfferStatusCode) status: OfferStatusCode;
  @Field(() => LocaleCode, { description: 'The language the offer is written in.' }) language: LocaleCode;
  @Field() title: string;
  @Field() description: string;
  @Field(() => [OfferTranslationModel]) translations: OfferTranslationModel[];
  @Field(() => Int) leadTimeDays: number;
  @Field(() => [String]) countriesServed: string[];
  @Field(() => CountryCode) firmCountry: CountryCode;
  @Field(() => FirmModel, { description: 'The firm that offers this.' }) firm: FirmModel;
  @Field() validUntil: Date;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => String, { nullable: true }) archiveReason: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int) version: number;
  firmId: string;
}
