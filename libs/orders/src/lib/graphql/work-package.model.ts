import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { FirmModel } from '@kooperant/identity';
import { QuantityUnit, TaxonomyEntryModel } from '@kooperant/catalogue';
import { VatTreatmentModel } from './vat-treatment.model';
import { WorkPackageStatusCode } from './orders.enums';

@ObjectType('WorkPackage', { description: 'One step of a cooperative order, carried out by one firm.' })
export class WorkPackageModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Unique in the order; other packages name it in `after`.' }) key: string;
  @Field(() => Int, { description: 'Place in the chain: every package comes after those it follows.' })
  position: number;
  @Field() title: string;
  @Field() description: string;
  @Field(() => TaxonomyEntryModel) process: TaxonomyEntryModel;
  @Field(() => TaxonomyEntryModel, { nullable: true }) material: TaxonomyEntryModel | null;
  @Field(() => Int) quantity: number;
  @Field(() => QuantityUnit) quantityUnit: QuantityUnit;
  @Field(() => Float, { nullable: true }) maxPartLengthMm: number | null;
  @Field(() => Float, { nullable: true }) maxPartWidthMm: number | null;
  @Field(() => Float, { nullable: true }) maxPartHeightMm: number | null;
  @Field(() => Float, { nullable: true }) thicknessMm: number | null;
  @Field(() => Float, { nullable: true }) toleranceMm: number | null;
  @Field(() => [TaxonomyEntryModel]) requiredCertifications: TaxonomyEntryModel[];
  @Field() dueDate: Date;
  @Field(() => WorkPackageStatusCode) status: WorkPackageStatusCode;
  @Field(() => [String], { description: 'Keys of the packages this one follows.' }) after: string[];
  @Field(() => ID, { nullable: true, description: 'The firm the package was awarded to.' }) awardedFirmId:
    string | null;
  @Field(() => Date, { nullable: true }) awardedAt: Date | null;
  @Field(() => FirmModel, { nullable: true }) awardedFirm: FirmModel | null;
  @Field(() => VatTreatmentModel, {
    nullable: true,
    description:
      "For an awarded package: VAT between its firm and the buyer (work on the buyer's material: a service).",
  })
  vat: VatTreatmentModel | null;
}
