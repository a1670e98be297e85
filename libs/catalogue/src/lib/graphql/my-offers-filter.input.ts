import { Field, InputType } from '@nestjs/graphql';
import { OfferStatusCode } from './catalogue.enums';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class MyOffersFilterInput {
  @Field(() => UuidScalar, { nullable: true }) firmId?: string;
  @Field(() => OfferStatusCode, { nullable: true }) status?: OfferStatusCode;
}
