import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { QuantityUnit } from './catalogue.enums';

@InputType()
export class OfferCapacityInput {
  @Field(() => Float, { nullable: true }) maxPartLengthMm?: number;
  @Field(() => Float, { nullable: true }) maxPartWidthMm?: number;
  @Field(() => Float, { nullable: true }) maxPartHeightMm?: number;
  @Field(() => Float, { nullable: true }) minThicknessMm?: number;
  @Field(() => Float, { nullable: true }) maxThicknessMm?: number;
  @Field(() => Float, { nullable: true }) toleranceMm?: number;
  @Field(() => Int, { nullable: true }) minBatch?: number;
  @Field(() => Int, { nullable: true }) maxBatch?: number;
  @Field(() => Int, { nullable: true }) monthlyCapacity?: number;
  @Field(() => QuantityUnit, { nullable: true }) capacityUnit?: QuantityUnit;
}
