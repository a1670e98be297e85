import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LocalizedLabelsModel } from '@kooperant/identity';
import { TaxonomyKindCode } from './catalogue.enums';
import { LocalizedSynonymsModel } from './localized-synonyms.model';

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
