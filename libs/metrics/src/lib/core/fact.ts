import type { Currency } from '@kooperant/platform-money';
import type { MetricsCountry } from './periods';

/**
 * What one partition's events establish, one row per counted thing. A KPI counts the distinct subjects of one kind
 * in a cell (scope and period), sums their values, or takes a median: see kpi-definitions.ts.
 */
export const FACT_KINDS = [
  /** A firm did something on the platform (published or refreshed an offer or order, quoted, awarded, handed over). */
  'activity',
  'offer.published',
  /** A published offer was refreshed (re-published or changed while published). */
  'offer.current',
  /** An order was published; `n` is its number of work packages. */
  'order.posted',
  'quote.sent',
  /** An order's first quote; `n` is the minutes from the order's publication to it. */
  'order.first-quote',
  /** A proposed match (package, firm), and the stages it reached; all dated by the proposal (a cohort). */
  'match.proposed',
  'match.endorsed',
  'match.quoted',
  'match.awarded',
  /** A package's standing award, with its value. */
  'award',
  'award.cross-border',
  'award.brokered',
  /** An award no EUR/PLN rate was known for: its value counts only in its own currency. */
  'award.unconverted',
  /** An award between two firms that had cooperated through the platform before. */
  'award.repeat',
  /** The first award between a Polish and a Lithuanian firm. */
  'pair.new',
  'handover',
  'handover.on-time',
  /** A verified cluster membership; no KPI counts it: it attributes firms' facts to clusters. */
  'membership',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  /** Unique within its partition. */
  key: string;
  kind: FactKind;
  at: Date;
  /** What is counted: an offer, order, quote, package, firm id, a `package:firm` match or an `a:b` pair. */
  subject: string;
  /** The order's cluster; null when the fact counts for the clusters its firm is a member of. */
  clusterId: string | null;
  firmId: string;
  /** The other firm of an award (the buyer) or of a pair. */
  otherFirmId?: string | null;
  n?: number | null;
  /** The value as awarded, and in EUR and PLN at the stated rate (null when no rate was known). */
  amountMinor?: number | null;
  currency?: Currency | null;
  eurMinor?: number | null;
  plnMinor?: number | null;
  rate?: StatedRate | null;
}

/** The rate a value was converted at, as stated with the figures: 1 EUR = `rate` PLN, published by `source` on `date`. */
export interface StatedRate {
  source: string;
  date: string;
  rate: string;
}

/** Facts about the world that events do not carry, read by the deriving code. Each is fixed once known. */
export interface MetricsDimensions {
  /** A firm's country (fixed at registration). */
  firmCountry(firmId: string): MetricsCountry | undefined;
  /** A cluster's country (fixed). */
  clusterCountry(clusterId: string): MetricsCountry | undefined;
  /** The EUR/PLN rate of a day (YYYY-MM-DD): NBP's mid rate published on or before it; undefined if none is known. */
  eurPlnRate(day: string): StatedRate | undefined;
}

/** The dimensions, and the firms' verified memberships (from their `membership` facts), each since its verification. */
export interface MetricsContext extends MetricsDimensions {
  memberships(firmId: string): readonly { clusterId: string; since: Date }[];
}

export function contextWith(dims: MetricsDimensions, membershipFacts: readonly Fact[]): MetricsContext {
  const byFirm = new Map<string, { clusterId: string; since: Date }[]>();
  for (const f of membershipFacts) {
    if (f.kind !== 'membership' || !f.clusterId) continue;
    byFirm.set(f.firmId, [...(byFirm.get(f.firmId) ?? []), { clusterId: f.clusterId, since: f.at }]);
  }
  return {
    firmCountry: (id) => dims.firmCountry(id),
    clusterCountry: (id) => dims.clusterCountry(id),
    eurPlnRate: (day) => dims.eurPlnRate(day),
    memberships: (firmId) => byFirm.get(firmId) ?? [],
  };
}
