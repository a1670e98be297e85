import { Field, ObjectType } from '@nestjs/graphql';

import { OfferModel } from './offer.model';

@ObjectType('OfferEdge')
export class OfferEdgeModel {
  @Field() cursor: string;
  @Field(() => OfferModel) node: OfferModel;
}
