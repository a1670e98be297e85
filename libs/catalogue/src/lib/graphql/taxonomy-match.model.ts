import { Field, ObjectType } from '@nestjs/graphql';
import { TaxonomyEntryModel } from './taxonomy-entry.model';

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
