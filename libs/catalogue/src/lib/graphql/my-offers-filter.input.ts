import { Field, ID, InputType } from '@nestjs/graphql';
import { OfferStatusCode } from './catalogue.enums';

@InputType()
export class MyOffersFilterInput {
  @Field(() => ID, { nullable: true }) firmId?: string;
  @Field(() => OfferStatusCode, { nullable: true }) status?: OfferStatusCode;
}
