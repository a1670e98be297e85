import { Field, InputType } from '@nestjs/graphql';
import { OrderStatusCode } from './orders.enums';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class MyOrdersFilterInput {
  @Field(() => UuidScalar, { nullable: true }) firmId?: string;
  @Field(() => OrderStatusCode, { nullable: true }) status?: OrderStatusCode;
}
