import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@kooperant/identity';

import { OfferEdgeModel } from './offer-edge.model';

@ObjectType('OfferConnection')
export class OfferConnectionModel {
  @Field(() => [OfferEdgeModel]) edges: OfferEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
