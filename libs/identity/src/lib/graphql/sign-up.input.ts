import { Field, InputType } from '@nestjs/graphql';
import { LocaleCode } from './enums';

@InputType()
export class SignUpInput {
  @Field() email: string;
  @Field() password: string;
  @Field() displayName: string;
  @Field(() => LocaleCode) locale: LocaleCode;
  @Field({ nullable: true, description: 'IANA zone; defaults to Europe/Warsaw or Europe/Vilnius by language.' })
  timeZone?: string;
}
