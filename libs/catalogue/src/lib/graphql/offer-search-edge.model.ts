import { Field, ObjectType } from '@nestjs/graphql';
import { TaxonomyMatchModel } from './taxonomy-match.model';

import { OfferModel } from './offer.model';

@ObjectType('OfferSearchEdge')
export class OfferSearchEdgeModel {
  @Field() cursor: string;
  @Field(() => OfferModel) node: OfferModel;
  @Field({ description: 'Relevance; higher is better. 0 when no query text was given.' }) score: number;
  @Field(() => [String], { description: 'Query words this offer matched (lower case, no diacritics).' })
  matchedTerms: string[];
  @Field(() => [TaxonomyMatchModel], { description: 'Taxonomy entries of the query this offer carries.' })
  matchedTaxonomy: TaxonomyMatchModel[];
}
