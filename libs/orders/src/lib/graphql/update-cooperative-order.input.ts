import { Field, Float, InputType } from '@nestjs/graphql';
import { LocaleCode } from '@kooperant/identity';
import { CurrencyCode } from '@kooperant/catalogue';
import { OrderVisibilityCode } from './orders.enums';
import { DeliveryAddressInput } from './delivery-address.input';
import { WorkPackageInput } from './work-package.input';
import { UuidScalar } from '@kooperant/identity';

@InputType({ description: 'Changes a draft; given work packages replace all the old ones.' })
export class UpdateCooperativeOrderInput {
  @Field(() => UuidScalar) orderId: string;
  @Field(() => LocaleCode, { nullable: true }) language?: LocaleCode;
  @Field({ nullable: true }) title?: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => DeliveryAddressInput, { nullable: true }) delivery?: DeliveryAddressInput;
  @Field({ nullable: true }) deliveryDate?: Date;
  @Field(() => CurrencyCode, { nullable: true }) currency?: CurrencyCode;
  @Field(() => Float, { nullable: true }) budgetMinor?: number;
  @Field(() => OrderVisibilityCode, { nullable: true }) visibility?: OrderVisibilityCode;
  @Field({ nullable: true }) quoteDeadline?: Date;
  @Field(() => [UuidScalar], { nullable: true }) invitedFirmIds?: string[];
  @Field(() => [WorkPackageInput], { nullable: true }) workPackages?: WorkPackageInput[];
}
