import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@kooperant/identity';
import { TaxonomyMatchModel } from './taxonomy-match.model';

import { OfferSearchEdgeModel } from './offer-search-edge.model';

@ObjectType('OfferSearchConnection')
export class OfferSearchConnectionModel {
  @Field(() => [OfferSearchEdgeModel]) edges: OfferSearchEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => [TaxonomyMatchModel], { description: 'How the query was understood.' })
  interpretation: TaxonomyMatchModel[];
  @Field({
    description:
      'True when every hit matches every concept of the query; false when none did and the hits match some of them.',
  })
  matchedAllConcepts: boolean;
}
