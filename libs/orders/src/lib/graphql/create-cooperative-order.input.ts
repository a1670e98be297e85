import { Field, Float, InputType } from '@nestjs/graphql';
import { LocaleCode } from '@kooperant/identity';
import { CurrencyCode } from '@kooperant/catalogue';
import { OrderVisibilityCode } from './orders.enums';
import { DeliveryAddressInput } from './delivery-address.input';
import { WorkPackageInput } from './work-package.input';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class CreateCooperativeOrderInput {
  @Field({
    description: 'Required: a replay with the same key returns the first order; with other input it is an error.',
  })
  idempotencyKey: string;
  @Field(() => UuidScalar) buyerFirmId: string;
  @Field(() => UuidScalar, { nullable: true, description: 'Defaults to the first cluster that verified the buyer.' })
  clusterId?: string;
  @Field(() => LocaleCode) language: LocaleCode;
  @Field() title: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => DeliveryAddressInput) delivery: DeliveryAddressInput;
  @Field() deliveryDate: Date;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => Float, { nullable: true, description: 'Integer minor units.' }) budgetMinor?: number;
  @Field(() => OrderVisibilityCode) visibility: OrderVisibilityCode;
  @Field() quoteDeadline: Date;
  @Field(() => [UuidScalar], { nullable: true }) invitedFirmIds?: string[];
  @Field(() => [WorkPackageInput]) workPackages: WorkPackageInput[];
}
