import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('KpiPoint', { description: "One period of a KPI: the cluster's value and its partner cluster's." })
export class KpiPointModel {
  @Field() period: string;
  @Field(() => Float, { nullable: true }) cluster: number | null;
  @Field(() => Float, { nullable: true }) partner: number | null;
}

/** What every KPI series names: the KPI, its title and unit. */
@ObjectType({ isAbstract: true })
export abstract class KpiSeriesFields {
  @Field({ description: 'The KPI id (docs/kpis.md).' }) kpi: string;
  @Field({ description: 'Its title in the language asked for.' }) title: string;
  @Field({ description: 'count, EUR cents, PLN grosze, minutes or ratio (0..1).' }) unit: string;
}

@ObjectType('KpiSeries')
export class KpiSeriesModel extends KpiSeriesFields {
  @Field(() => [KpiPointModel]) points: KpiPointModel[];
}

@ObjectType('ClusterKpis', { description: 'KPIs of a cluster and its partner cluster, side by side.' })
export class ClusterKpisModel {
  @Field(() => ID) clusterId: string;
  @Field(() => ID, { nullable: true }) partnerClusterId: string | null;
  @Field(() => [String]) periods: string[];
  @Field(() => [KpiSeriesModel]) kpis: KpiSeriesModel[];
}

@ObjectType('KpiValue')
export class KpiValueModel {
  @Field() kpi: string;
  @Field() title: string;
  @Field() unit: string;
  @Field(() => Float, { nullable: true }) value: number | null;
}

@ObjectType('FirmBenefitStatement', {
  description:
    "What a firm got from the platform in a period, in figures: only its own (its members, its clusters' coordinators).",
})
export class FirmBenefitStatementModel {
  @Field(() => ID) firmId: string;
  @Field() period: string;
  @Field(() => [KpiValueModel]) figures: KpiValueModel[];
}

@ObjectType('PairFirm')
export class PairFirmModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() country: string;
}

@ObjectType('CooperatingPair', { description: 'Two firms that cooperated through the platform: awards between them.' })
export class CooperatingPairModel {
  @Field(() => [PairFirmModel]) firms: PairFirmModel[];
  @Field(() => Int) awards: number;
  @Field(() => Float, { nullable: true, description: 'EUR cents of the awards that had a rate.' })
  valueEurMinor: number | null;
  @Field() crossBorder: boolean;
}
