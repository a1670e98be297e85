import type { Fact, MetricsContext } from './fact';
import { COUNTRY_ZONE, periodsOf } from './periods';

export type ScopeType = 'cluster' | 'firm';

/** Where a fact counts: one scope (a cluster or a firm) in one period (month, quarter, year) of that scope's calendar. */
export interface Cell {
  scopeType: ScopeType;
  scopeId: string;
  period: string;
}

export const cellKey = (c: Cell) => `${c.scopeType}|${c.scopeId}|${c.period}`;

/** Kinds that count for both firms of the award or pair, not only the supplier. */
const BOTH_FIRMS = new Set<Fact['kind']>(['pair.new', 'award.repeat']);

/**
 * The cells a fact counts in. A cluster counts facts of orders posted in it, and facts without an order (offers,
 * activity) of firms that were its verified members at the time. A firm counts its own facts (and both firms count a
 * pair's). Each scope reads the calendar of its own country: Europe/Warsaw for Polish clusters and firms,
 * Europe/Vilnius for Lithuanian ones.
 */
export function cellsOf(fact: Fact, ctx: MetricsContext): Cell[] {
  if (fact.kind === 'membership') return [];
  const cells: Cell[] = [];
  const put = (scopeType: ScopeType, scopeId: string, country: 'PL' | 'LT' | undefined) => {
    if (!country) return;
    for (const period of periodsOf(fact.at, COUNTRY_ZONE[country])) cells.push({ scopeType, scopeId, period });
  };
  const clusters = fact.clusterId
    ? [fact.clusterId]
    : ctx
        .memberships(fact.firmId)
        .filter((m) => m.since <= fact.at)
        .map((m) => m.clusterId);
  for (const c of new Set(clusters)) put('cluster', c, ctx.clusterCountry(c));
  const firms = BOTH_FIRMS.has(fact.kind) && fact.otherFirmId ? [fact.firmId, fact.otherFirmId] : [fact.firmId];
  for (const f of new Set(firms)) put('firm', f, ctx.firmCountry(f));
  return cells;
}
