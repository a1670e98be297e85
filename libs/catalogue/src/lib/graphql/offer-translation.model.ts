import { Field, ObjectType } from '@nestjs/graphql';
import { LocaleCode } from '@kooperant/identity';

@ObjectType('OfferTranslation')
export class OfferTranslationModel {
  @Field(() => LocaleCode) language: LocaleCode;
  @Field() title: string;
  @Field() description: string;
}
