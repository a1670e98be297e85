import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ComparedOfferModel } from './compared-offer.model';

@ObjectType('ChainOption', {
  description: 'A complete chain: one leg per package, with total cost and earliest completion.',
})
export class ChainOptionModel {
  @Field({ description: 'cheapest, fastest, or quote (one quote covering every package).' }) kind: string;
  @Field(() => ID, { nullable: true }) quoteId: string | null;
  @Field(() => [ComparedOfferModel]) legs: ComparedOfferModel[];
  @Field(() => Float, {
    nullable: true,
    description: 'In the order currency; null when a price could not be converted.',
  })
  totalMinor: number | null;
  @Field({ description: 'Every step starting when the steps it follows are done.' }) completion: Date;
  @Field(() => Int) borderCrossings: number;
}
