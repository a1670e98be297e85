import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('DeliveryAddress')
export class DeliveryAddressModel {
  @Field() street: string;
  @Field() city: string;
  @Field() postcode: string;
  @Field() country: string;
  @Field(() => Float) lat: number;
  @Field(() => Float) lng: number;
}
