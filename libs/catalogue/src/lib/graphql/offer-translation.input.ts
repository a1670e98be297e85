import { Field, InputType } from '@nestjs/graphql';
import { LocaleCode } from '@kooperant/identity';

@InputType()
export class OfferTranslationInput {
  @Field(() => LocaleCode) language: LocaleCode;
  @Field() title: string;
  @Field() description: string;
}
