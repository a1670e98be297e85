import { Field, ID, InputType } from '@nestjs/graphql';
import { OrderStatusCode } from './orders.enums';

@InputType()
export class MyOrdersFilterInput {
  @Field(() => ID, { nullable: true }) firmId?: string;
  @Field(() => OrderStatusCode, { nullable: true }) status?: OrderStatusCode;
}
