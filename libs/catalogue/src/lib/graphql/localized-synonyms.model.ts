import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('LocalizedSynonyms')
export class LocalizedSynonymsModel {
  @Field(() => [String]) en: string[];
  @Field(() => [String]) pl: string[];
  @Field(() => [String]) lt: string[];
}
