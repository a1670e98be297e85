import { cellsOf, type Cell } from './cells';
import { derivePairFacts, derivePartitionFacts } from './derive-facts';
import { contextWith, type Fact, type MetricsDimensions } from './fact';
import { computeFigures, type Figure } from './figures';
import { pairPartition, partitionOf, type MetricEvent } from './metric-event';

export interface PlacedFact {
  partition: string;
  fact: Fact;
  cells: Cell[];
}

/**
 * Every fact of a set of events, computed from scratch in memory: firms' memberships first (they place other facts
 * in clusters), then orders and offers, then pairs of firms from the orders' awards. A replayed event (same id)
 * counts once. This is the definition the incremental roll-up in the database must agree with.
 */
export function deriveAll(events: readonly MetricEvent[], dims: MetricsDimensions): PlacedFact[] {
  const byPartition = new Map<string, Map<string, MetricEvent>>();
  for (const e of events) {
    const p = partitionOf(e.type, e.payload);
    if (!p) continue;
    const seen = byPartition.get(p) ?? new Map<string, MetricEvent>();
    if (!seen.has(e.id)) seen.set(e.id, e);
    byPartition.set(p, seen);
  }
  const partitions = [...byPartition.keys()].sort();
  const firmFacts = partitions
    .filter((p) => p.startsWith('firm:'))
    .flatMap((p) =>
      derivePartitionFacts(p, [...(byPartition.get(p)?.values() ?? [])], dims).map((fact) => ({
        partition: p,
        fact,
      })),
    );
  const ctx = contextWith(
    dims,
    firmFacts.map((f) => f.fact),
  );
  const out: PlacedFact[] = firmFacts.map((f) => ({ ...f, cells: cellsOf(f.fact, ctx) }));
  const awardsByPair = new Map<string, Fact[]>();
  for (const p of partitions.filter((x) => !x.startsWith('firm:'))) {
    for (const fact of derivePartitionFacts(p, [...(byPartition.get(p)?.values() ?? [])], ctx)) {
      out.push({ partition: p, fact, cells: cellsOf(fact, ctx) });
      if (fact.kind === 'award' && fact.otherFirmId) {
        const pair = pairPartition(fact.firmId, fact.otherFirmId);
        awardsByPair.set(pair, [...(awardsByPair.get(pair) ?? []), fact]);
      }
    }
  }
  for (const [pair, awards] of [...awardsByPair].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const fact of derivePairFacts(awards, ctx)) out.push({ partition: pair, fact, cells: cellsOf(fact, ctx) });
  }
  return out;
}

/** The KPI figures of a set of events, computed from scratch in memory. */
export function figuresFromEvents(events: readonly MetricEvent[], dims: MetricsDimensions): Figure[] {
  return computeFigures(deriveAll(events, dims).flatMap((p) => p.cells.map((cell) => ({ cell, fact: p.fact }))));
}
