import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LocalizedLabelsModel } from '@kooperant/identity';
import { TaxonomyKindCode } from './catalogue.enums';

@ObjectType('LocalizedSynonyms')
export class LocalizedSynonymsModel {
  @Field(() => [String]) en: string[];
  @Field(() => [String]) pl: string[];
  @Field(() => [String]) lt: string[];
}

@ObjectType('TaxonomyEntry', {
  description: 'A process, material, certification, product or NACE code, in three languages.',
})
export class TaxonomyEntryModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field(() => TaxonomyKindCode) kind: TaxonomyKindCode;
  @Field(() => LocalizedLabelsModel) labels: LocalizedLabelsModel;
  @Field(() => LocalizedSynonymsModel) synonyms: LocalizedSynonymsModel;
  parentId: string | null;
}

@ObjectType('TaxonomyMatch', {
  description: 'How a search query was understood: a taxonomy entry and the words that named it.',
})
export class TaxonomyMatchModel {
  @Field(() => TaxonomyEntryModel) entry: TaxonomyEntryModel;
  @Field({ description: 'The label or synonym that matched, as written.' }) term: string;
  @Field() termLocale: string;
  @Field(() => [String], { description: 'Query words (lower case, without diacritics) that named it.' })
  queryWords: string[];
  @Field() score: number;
}
