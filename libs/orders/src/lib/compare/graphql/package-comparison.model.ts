import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ComparedOfferModel } from './compared-offer.model';

@ObjectType('PackageComparison')
export class PackageComparisonModel {
  @Field(() => ID) packageId: string;
  @Field() key: string;
  @Field(() => [ComparedOfferModel], { description: 'Cheapest first, in the order currency.' })
  offers: ComparedOfferModel[];
}
