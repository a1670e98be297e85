import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LocaleCode } from './enums';

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => LocaleCode) locale: LocaleCode;
  @Field() timeZone: string;
}
