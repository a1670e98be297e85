import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CurrencyCode } from '@kooperant/catalogue';
import { PageInfoModel } from '@kooperant/identity';
import type { FirmActivityKind } from '../firm-activity.service';
import { KpiSeriesFields, PairFirmModel } from './kpi.model';

export enum FirmActivityKindCode {
  offer_published = 'offer_published',
  offer_refreshed = 'offer_refreshed',
  order_published = 'order_published',
  quote_sent = 'quote_sent',
  package_awarded_to_firm = 'package_awarded_to_firm',
  package_awarded_by_firm = 'package_awarded_by_firm',
  handed_over_on_time = 'handed_over_on_time',
  handed_over_late = 'handed_over_late',
  new_cross_border_partner = 'new_cross_border_partner',
}
registerEnumType(FirmActivityKindCode, {
  name: 'FirmActivityKind',
  description: 'What happened in a firm’s cooperation event.',
  valuesMap: {
    offer_published: { description: 'It published an offer (or published it again).' },
    offer_refreshed: { description: 'It changed an offer while published.' },
    order_published: { description: 'It published a cooperative order.' },
    quote_sent: { description: 'It sent a quote (as lead firm); revisions are not listed.' },
    package_awarded_to_firm: { description: 'A buyer awarded it a work package (an award that stands).' },
    package_awarded_by_firm: { description: 'It awarded a work package of its order to another firm.' },
    handed_over_on_time: { description: 'It handed a work package over by its due date.' },
    handed_over_late: { description: 'It handed a work package over after its due date.' },
    new_cross_border_partner: { description: 'Its first award with a firm across the PL–LT border, either way.' },
  },
});

@ObjectType('FirmKpiPoint', { description: "One period of a KPI: the firm's value." })
export class FirmKpiPointModel {
  @Field() period: string;
  @Field(() => Float, { nullable: true }) value: number | null;
}

@ObjectType('FirmKpiSeries')
export class FirmKpiSeriesModel extends KpiSeriesFields {
  @Field(() => [FirmKpiPointModel]) points: FirmKpiPointModel[];
}

@ObjectType('StatedRate', { description: 'The rate a value was converted at: 1 EUR = rate PLN.' })
export class StatedRateModel {
  @Field({ description: 'As the bank’s table gives it.' }) rate: string;
  @Field({ description: 'NBP.' }) source: string;
  @Field({ description: 'YYYY-MM-DD of the rate table.' }) date: string;
}

@ObjectType('AwardValue', { description: "An award's value as awarded, and in EUR and PLN at the stated rate." })
export class AwardValueModel {
  @Field(() => Float, { description: 'Integer minor units; Float only because GraphQL Int is 32-bit.' })
  amountMinor: number;
  @Field(() => CurrencyCode) currency: string;
  @Field(() => Float, { nullable: true, description: 'EUR cents; null when no rate was known (and not in EUR).' })
  eurMinor: number | null;
  @Field(() => Float, { nullable: true, description: 'PLN grosze; null when no rate was known (and not in PLN).' })
  plnMinor: number | null;
  @Field(() => StatedRateModel, { nullable: true }) rate: StatedRateModel | null;
}

@ObjectType('FirmActivityEvent', { description: "One of a firm's cooperation events, as its KPIs counted it." })
export class FirmActivityEventModel {
  @Field(() => FirmActivityKindCode) kind: FirmActivityKind;
  @Field() at: Date;
  @Field(() => ID, { nullable: true }) offerId: string | null;
  @Field(() => ID, { nullable: true }) orderId: string | null;
  @Field(() => ID, { nullable: true }) quoteId: string | null;
  @Field(() => ID, { nullable: true }) workPackageId: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The offer's, order's or work package's title, in the language it was written in.",
  })
  title: string | null;
  @Field(() => String, { nullable: true }) orderTitle: string | null;
  @Field(() => Int, { nullable: true, description: "A published order's number of work packages." })
  packageCount: number | null;
  @Field(() => AwardValueModel, { nullable: true }) value: AwardValueModel | null;
  @Field(() => PairFirmModel, {
    nullable: true,
    description: 'The buyer of a package awarded to the firm, the supplier of one it awarded, or its new partner.',
  })
  otherFirm: PairFirmModel | null;
}

@ObjectType('FirmActivityEventEdge')
export class FirmActivityEventEdgeModel {
  @Field() cursor: string;
  @Field(() => FirmActivityEventModel) node: FirmActivityEventModel;
}

@ObjectType('FirmActivityEventConnection')
export class FirmActivityEventConnectionModel {
  @Field(() => [FirmActivityEventEdgeModel]) edges: FirmActivityEventEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@ObjectType('FirmActivity', {
  description:
    "A firm's KPIs over periods and its cooperation events: for its members, the coordinators of its clusters and of their partner clusters.",
})
export class FirmActivityModel {
  @Field(() => PairFirmModel) firm: PairFirmModel;
  @Field(() => [String]) periods: string[];
  @Field(() => [FirmKpiSeriesModel]) kpis: FirmKpiSeriesModel[];
}
