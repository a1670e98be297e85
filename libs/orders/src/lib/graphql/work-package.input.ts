import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { QuantityUnit } from '@kooperant/catalogue';

@InputType()
export class WorkPackageInput {
  @Field({ description: 'Short key unique in the order, e.g. "cut"; other packages name it in `after`.' }) key: string;
  @Field() title: string;
  @Field({ nullable: true }) description?: string;
  @Field({ description: 'A process code of the taxonomy, e.g. process.laser-cutting.' }) processCode: string;
  @Field({ nullable: true }) materialCode?: string;
  @Field(() => Int) quantity: number;
  @Field(() => QuantityUnit) quantityUnit: QuantityUnit;
  @Field(() => Float, { nullable: true }) maxPartLengthMm?: number;
  @Field(() => Float, { nullable: true }) maxPartWidthMm?: number;
  @Field(() => Float, { nullable: true }) maxPartHeightMm?: number;
  @Field(() => Float, { nullable: true }) thicknessMm?: number;
  @Field(() => Float, { nullable: true }) toleranceMm?: number;
  @Field(() => [String], { nullable: true, description: 'e.g. cert.en-1090-exc2' })
  requiredCertificationCodes?: string[];
  @Field() dueDate: Date;
  @Field(() => [String], { nullable: true, description: 'Keys of the packages this one follows.' }) after?: string[];
}
