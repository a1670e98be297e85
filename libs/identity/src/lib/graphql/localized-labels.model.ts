import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('LocalizedLabels', { description: 'A text in English, Polish and Lithuanian.' })
export class LocalizedLabelsModel {
  @Field() en: string;
  @Field() pl: string;
  @Field() lt: string;
}
