import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { FirmModel, LocaleCode } from '@kooperant/identity';
import { CurrencyCode } from '@kooperant/catalogue';
import { OrderStatusCode, OrderVisibilityCode } from './orders.enums';
import { DeliveryAddressModel } from './delivery-address.model';
import { WorkPackageModel } from './work-package.model';

@ObjectType('CooperativeOrder', { description: "A buyer's order, split into work packages carried out as a chain." })
export class CooperativeOrderModel {
  @Field(() => ID) id: string;
  @Field(() => OrderStatusCode) status: OrderStatusCode;
  @Field(() => LocaleCode) language: LocaleCode;
  @Field() title: string;
  @Field() description: string;
  @Field(() => FirmModel) buyerFirm: FirmModel;
  @Field(() => ID, { description: 'The cluster the order is posted in.' }) clusterId: string;
  @Field(() => DeliveryAddressModel) delivery: DeliveryAddressModel;
  @Field() deliveryDate: Date;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => Float, { nullable: true, description: 'Integer minor units; Float only because GraphQL Int is 32-bit.' })
  budgetMinor: number | null;
  @Field(() => OrderVisibilityCode) visibility: OrderVisibilityCode;
  @Field() quoteDeadline: Date;
  @Field(() => [WorkPackageModel], { description: 'In chain order.' }) workPackages: WorkPackageModel[];
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
}
