import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { QuantityUnit } from './catalogue.enums';

@ObjectType('OfferCapacity', { description: 'Technical capacity. Sizes in millimetres; null where not stated.' })
export class OfferCapacityModel {
  @Field(() => Float, { nullable: true }) maxPartLengthMm: number | null;
  @Field(() => Float, { nullable: true }) maxPartWidthMm: number | null;
  @Field(() => Float, { nullable: true }) maxPartHeightMm: number | null;
  @Field(() => Float, { nullable: true }) minThicknessMm: number | null;
  @Field(() => Float, { nullable: true }) maxThicknessMm: number | null;
  @Field(() => Float, { nullable: true }) toleranceMm: number | null;
  @Field(() => Int, { nullable: true }) minBatch: number | null;
  @Field(() => Int, { nullable: true }) maxBatch: number | null;
  @Field(() => Int, { nullable: true }) monthlyCapacity: number | null;
  @Field(() => QuantityUnit, { nullable: true }) capacityUnit: QuantityUnit | null;
}
