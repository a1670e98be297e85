import { Field, Float, InputType } from '@nestjs/graphql';

@InputType()
export class DeliveryAddressInput {
  @Field() street: string;
  @Field() city: string;
  @Field() postcode: string;
  @Field({ description: 'ISO code, e.g. PL or LT.' }) country: string;
  @Field(() => Float) lat: number;
  @Field(() => Float) lng: number;
}
