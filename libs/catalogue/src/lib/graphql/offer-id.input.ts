import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class OfferIdInput {
  @Field(() => ID) offerId: string;
}
