import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class OfferIdInput {
  @Field(() => UuidScalar) offerId: string;
}
