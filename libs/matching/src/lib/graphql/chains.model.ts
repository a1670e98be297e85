import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CountryCode, FirmModel } from '@kooperant/identity';
import { CurrencyCode } from '@kooperant/catalogue';

@ObjectType('ChainProposalStep', { description: 'One package of a proposed chain and the firm proposed for it.' })
export class ChainProposalStepModel {
  @Field(() => ID) packageId: string;
  @Field({ description: "The package's key in the order." }) key: string;
  @Field(() => FirmModel) firm: FirmModel;
  @Field(() => ID, { description: 'The offer the firm was matched on.' }) offerId: string;
  @Field(() => CountryCode) country: CountryCode;
}

@ObjectType('ChainProposal', {
  description: 'Firms for every package of the order, from indicative offers: a chain worth inviting to quote.',
})
export class ChainProposalModel {
  @Field(() => [ChainProposalStepModel], { description: 'In chain order.' }) steps: ChainProposalStepModel[];
  @Field(() => Float, {
    description: 'Sum of the indicative prices, integer minor units of `currency`; Float only because Int is 32-bit.',
  })
  totalPriceMinor: number;
  @Field(() => CurrencyCode, { description: 'The order currency.' }) currency: CurrencyCode;
  @Field({ description: 'Some step had no indicative price and was counted as the dearest priced one.' })
  priceEstimated: boolean;
  @Field({ description: 'When the last step would be done.' }) completion: Date;
  @Field(() => Float, { description: 'Road km between consecutive firms and to the delivery place.' })
  transportKm: number;
  @Field(() => Int, { description: 'Times the work crosses the PL–LT border.' }) borderCrossings: number;
  @Field(() => [CountryCode]) countries: CountryCode[];
  @Field(() => Float, { description: 'Price, days and km weighed into one figure; lower is better.' }) cost: number;
}

@ObjectType('RejectionCount')
export class RejectionCountModel {
  @Field({ description: 'Why offers were refused, e.g. PROCESS, CERTIFICATION, PART_SIZE.' }) reason: string;
  @Field(() => Int) count: number;
}

@ObjectType('NoChain', { description: 'A package no offer fits, so no chain can be proposed; and why not.' })
export class NoChainModel {
  @Field(() => ID) packageId: string;
  @Field() key: string;
  @Field(() => Int, { description: 'Offers considered for the package.' }) considered: number;
  @Field(() => [RejectionCountModel], { description: 'Most frequent reason first.' }) reasons: RejectionCountModel[];
}

@ObjectType('ChainProposals', {
  description: "The chains proposed at the order's last matching (buyer, coordinators).",
})
export class ChainProposalsModel {
  @Field(() => ID) orderId: string;
  @Field(() => Date, { nullable: true, description: 'Null until the matching job has run for the order.' })
  computedAt: Date | null;
  @Field(() => [ChainProposalModel], { description: 'Best first; empty when none was found.' })
  chains: ChainProposalModel[];
  @Field(() => NoChainModel, { nullable: true }) noChain: NoChainModel | null;
}
