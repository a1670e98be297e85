import type { FactKind } from './core/fact';

/** How a KPI is computed from the facts in one cell (scope and period). */
export type KpiMeasure =
  /** Distinct subjects of the kind. */
  | { op: 'count'; kind: FactKind }
  /** Of the facts of the kind; a missing value counts as 0. */
  | { op: 'sum'; kind: FactKind; field: 'eurMinor' | 'plnMinor' | 'n' }
  /** Of each subject's least `n`: the lower middle value (as PostgreSQL's percentile_disc(0.5)); none without facts. */
  | { op: 'median'; kind: FactKind }
  /** numerator / denominator, rounded half up to 4 decimals; none when the denominator is 0. */
  | { op: 'ratio'; numerator: string; denominator: string };

export interface KpiDefinition {
  id: string;
  title: string;
  unit: 'count' | 'EUR cents' | 'PLN grosze' | 'minutes' | 'ratio';
  measure: KpiMeasure;
  /** The domain events whose facts it reads. */
  events: readonly string[];
  /** What counts, in one or two sentences; docs/kpis.md says the same at more length. */
  definition: string;
}

const AWARD_EVENTS = ['order.published', 'package.awarded', 'package.award-cancelled'] as const;
const BROKERING = ['match.endorsed', 'match.invited', 'match.introduction-requested', 'match.introduction-approved'];

/** A value KPI in EUR (`<id>-eur`) and in PLN (`<id>-pln`), both at the same rate. */
function inEurAndPln(k: Pick<KpiDefinition, 'id' | 'title' | 'events' | 'definition'> & { kind: FactKind }) {
  const { id, title, kind, events, definition } = k;
  return [
    {
      id: `${id}-eur`,
      title: `${title} (EUR)`,
      unit: 'EUR cents',
      measure: { op: 'sum', kind, field: 'eurMinor' },
      events,
      definition,
    },
    {
      id: `${id}-pln`,
      title: `${title} (PLN)`,
      unit: 'PLN grosze',
      measure: { op: 'sum', kind, field: 'plnMinor' },
      events,
      definition,
    },
  ] satisfies KpiDefinition[];
}

/**
 * Every cooperation KPI, defined once. Each is reported per cluster and per firm, per month, quarter and year of the
 * scope's own calendar (see docs/kpis.md, which mirrors this list; a test keeps them together).
 */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'members-active',
    title: 'Members active',
    unit: 'count',
    measure: { op: 'count', kind: 'activity' },
    events: [
      'firm.verified',
      'offer.published',
      'offer.updated',
      'order.published',
      'quote.submitted',
      'package.awarded',
      'package.handed-over',
    ],
    definition:
      'Distinct firms that published or refreshed an offer, published an order, sent a quote, awarded a package or handed one over in the period; for a cluster, while a verified member of it.',
  },
  {
    id: 'offers-published',
    title: 'Offers published',
    unit: 'count',
    measure: { op: 'count', kind: 'offer.published' },
    events: ['offer.published'],
    definition: 'Distinct offers published (or re-published) in the period.',
  },
  {
    id: 'offers-kept-current',
    title: 'Offers kept current',
    unit: 'count',
    measure: { op: 'count', kind: 'offer.current' },
    events: ['offer.published', 'offer.updated'],
    definition:
      'Distinct offers that were published, or changed while published, in the period: live offers someone looked after.',
  },
  {
    id: 'orders-posted',
    title: 'Cooperative orders posted',
    unit: 'count',
    measure: { op: 'count', kind: 'order.posted' },
    events: ['order.published'],
    definition:
      'Cooperative orders published in the period (drafts do not count), in the cluster the order was posted in.',
  },
  {
    id: 'packages-posted',
    title: 'Work packages posted',
    unit: 'count',
    measure: { op: 'sum', kind: 'order.posted', field: 'n' },
    events: ['order.published'],
    definition: 'Work packages of the orders published in the period.',
  },
  {
    id: 'quotes-sent',
    title: 'Quotes sent',
    unit: 'count',
    measure: { op: 'count', kind: 'quote.sent' },
    events: ['order.published', 'quote.submitted'],
    definition:
      'Quotes submitted in the period, each once at its first submission (revisions are not new quotes); for a firm, as lead firm.',
  },
  {
    id: 'first-quote-minutes-median',
    title: 'Median time to a first quote',
    unit: 'minutes',
    measure: { op: 'median', kind: 'order.first-quote' },
    events: ['order.published', 'quote.submitted'],
    definition:
      "Median of the whole minutes from an order's publication to its first quote, over the orders whose first quote came in the period (lower median for an even count).",
  },
  {
    id: 'matches-proposed',
    title: 'Matches proposed',
    unit: 'count',
    measure: { op: 'count', kind: 'match.proposed' },
    events: ['order.published', 'match.proposed'],
    definition: '(Package, firm) matches first proposed by matching in the period: the top of the funnel.',
  },
  {
    id: 'matches-endorsed',
    title: 'Matches endorsed',
    unit: 'count',
    measure: { op: 'count', kind: 'match.endorsed' },
    events: ['order.published', 'match.proposed', 'match.endorsed'],
    definition: 'Of the matches proposed in the period, those a coordinator endorsed (at any time since).',
  },
  {
    id: 'matches-quoted',
    title: 'Matches turned into quotes',
    unit: 'count',
    measure: { op: 'count', kind: 'match.quoted' },
    events: ['order.published', 'match.proposed', 'quote.submitted'],
    definition: 'Of the matches proposed in the period, those whose firm sent a quote (as lead firm) for the order.',
  },
  {
    id: 'matches-awarded',
    title: 'Matches turned into awards',
    unit: 'count',
    measure: { op: 'count', kind: 'match.awarded' },
    events: ['order.published', 'match.proposed', ...AWARD_EVENTS],
    definition: "Of the matches proposed in the period, those whose package now stands awarded to the match's firm.",
  },
  {
    id: 'packages-awarded',
    title: 'Packages awarded',
    unit: 'count',
    measure: { op: 'count', kind: 'award' },
    events: AWARD_EVENTS,
    definition:
      'Packages awarded in the period whose award stands (a cancelled award does not count; a re-award counts when it was made).',
  },
  ...inEurAndPln({
    id: 'value-awarded',
    title: 'Value awarded',
    kind: 'award',
    events: AWARD_EVENTS,
    definition:
      "Value of the standing awards of the period: the awarded leg's price, converted at NBP's EUR mid rate of the award's day.",
  }),
  {
    id: 'awards-unconverted',
    title: 'Awards without a rate',
    unit: 'count',
    measure: { op: 'count', kind: 'award.unconverted' },
    events: AWARD_EVENTS,
    definition:
      'Standing awards for whose day no EUR/PLN rate was known: their value counts only in their own currency.',
  },
  {
    id: 'value-cross-border-eur',
    title: 'Value awarded across the PL–LT border (EUR)',
    unit: 'EUR cents',
    measure: { op: 'sum', kind: 'award.cross-border', field: 'eurMinor' },
    events: AWARD_EVENTS,
    definition: 'Value in EUR of the standing awards whose buyer and supplier are in different countries (PL and LT).',
  },
  {
    id: 'cross-border-share',
    title: 'Share of value awarded across the border',
    unit: 'ratio',
    measure: { op: 'ratio', numerator: 'value-cross-border-eur', denominator: 'value-awarded-eur' },
    events: AWARD_EVENTS,
    definition: 'value-cross-border-eur / value-awarded-eur.',
  },
  {
    id: 'new-pl-lt-pairs',
    title: 'New PL–LT firm pairs',
    unit: 'count',
    measure: { op: 'count', kind: 'pair.new' },
    events: AWARD_EVENTS,
    definition:
      'Pairs of one Polish and one Lithuanian firm whose first standing award between them (either buying) was made in the period.',
  },
  {
    id: 'repeat-awards',
    title: 'Repeat cooperation',
    unit: 'count',
    measure: { op: 'count', kind: 'award.repeat' },
    events: AWARD_EVENTS,
    definition:
      'Standing awards of the period between two firms that had a standing award between them before (either buying).',
  },
  {
    id: 'handovers',
    title: 'Hand-overs',
    unit: 'count',
    measure: { op: 'count', kind: 'handover' },
    events: ['order.published', 'package.handed-over'],
    definition: 'Packages (steps of a chain) handed over in the period; for a firm, by it.',
  },
  {
    id: 'handovers-on-time',
    title: 'Hand-overs on time',
    unit: 'count',
    measure: { op: 'count', kind: 'handover.on-time' },
    events: ['order.published', 'package.handed-over'],
    definition: "Of those, the ones handed over by the package's due date.",
  },
  {
    id: 'on-time-rate',
    title: 'On-time rate of hand-overs',
    unit: 'ratio',
    measure: { op: 'ratio', numerator: 'handovers-on-time', denominator: 'handovers' },
    events: ['order.published', 'package.handed-over'],
    definition: 'handovers-on-time / handovers.',
  },
  ...inEurAndPln({
    id: 'value-brokered',
    title: 'Value brokered by coordinators',
    kind: 'award.brokered',
    events: [...AWARD_EVENTS, ...BROKERING],
    definition:
      'Value of the standing awards whose supplier a coordinator had endorsed, invited or introduced for that package at or before the award.',
  }),
];
