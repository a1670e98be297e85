import { Field, Float, ObjectType } from '@nestjs/graphql';
import { LocalizedLabelsModel } from '@kooperant/identity';

@ObjectType('VatTreatment', {
  description:
    "How VAT applies to an awarded leg, from the two firms' countries and VAT numbers. Informational, not invoicing.",
})
export class VatTreatmentModel {
  @Field({ description: 'domestic, reverse_charge, intra_community_supply or undetermined.' }) kind: string;
  @Field(() => Float, { nullable: true }) ratePercent: number | null;
  @Field(() => String, { nullable: true, description: 'supplier or customer: who accounts for the VAT.' }) chargedBy:
    string | null;
  @Field(() => LocalizedLabelsModel, { description: 'The note for the invoice, in three languages.' })
  notes: LocalizedLabelsModel;
  @Field(() => String, { nullable: true }) supplierVatNumber: string | null;
  @Field(() => String, { nullable: true }) customerVatNumber: string | null;
  @Field(() => [String]) warnings: string[];
}
