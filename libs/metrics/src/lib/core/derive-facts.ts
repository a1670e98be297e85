import type { Fact, MetricsDimensions } from './fact';
import { deriveOrderFacts } from './derive-order-facts';
import { inEventOrder, type MetricEvent } from './metric-event';

/** An offer's facts: each publication, and each time a published offer was refreshed. Both make its firm active. */
export function deriveOfferFacts(events: readonly MetricEvent[]): Fact[] {
  const facts: Fact[] = [];
  for (const e of inEventOrder(events)) {
    const offerId = e.payload['offerId'];
    const firmId = e.payload['firmId'];
    if (typeof offerId !== 'string' || typeof firmId !== 'string' || e.payload['status'] !== 'published') continue;
    const base = { at: e.at, clusterId: null, firmId };
    facts.push({ key: `activity:${e.id}`, kind: 'activity', subject: firmId, ...base });
    if (e.type === 'offer.published')
      facts.push({ key: `offer.published:${e.id}`, kind: 'offer.published', subject: offerId, ...base });
    facts.push({ key: `offer.current:${e.id}`, kind: 'offer.current', subject: offerId, ...base });
  }
  return facts;
}

/** A firm's verified cluster memberships, each from its first verification. */
export function deriveFirmFacts(events: readonly MetricEvent[]): Fact[] {
  const facts = new Map<string, Fact>();
  for (const e of inEventOrder(events)) {
    const { firmId, clusterId } = e.payload;
    if (e.type !== 'firm.verified' || typeof firmId !== 'string' || typeof clusterId !== 'string') continue;
    if (!facts.has(clusterId))
      facts.set(clusterId, {
        key: `membership:${clusterId}`,
        kind: 'membership',
        at: e.at,
        subject: firmId,
        clusterId,
        firmId,
      });
  }
  return [...facts.values()];
}

/**
 * The facts of a pair of firms, from the standing awards between them (either buying): every award after their first
 * is repeat cooperation; their first award is a new pair when one firm is Polish and the other Lithuanian.
 */
export function derivePairFacts(awards: readonly Fact[], ctx: MetricsDimensions): Fact[] {
  const sorted = [...awards]
    .filter((a) => a.kind === 'award')
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  if (!sorted.length) return [];
  const [first, ...later] = sorted;
  const facts: Fact[] = [];
  const [a, b] = [first.firmId, first.otherFirmId ?? ''].sort();
  const countries = new Set([ctx.firmCountry(a), ctx.firmCountry(b)]);
  if (countries.has('PL') && countries.has('LT')) {
    facts.push({
      key: 'pair.new',
      kind: 'pair.new',
      at: first.at,
      subject: `${a}:${b}`,
      clusterId: first.clusterId,
      firmId: first.firmId,
      otherFirmId: first.otherFirmId,
    });
  }
  for (const r of later) {
    facts.push({
      key: `award.repeat:${r.subject}`,
      kind: 'award.repeat',
      at: r.at,
      subject: r.subject,
      clusterId: r.clusterId,
      firmId: r.firmId,
      otherFirmId: r.otherFirmId,
    });
  }
  return facts;
}

/** The facts of a partition (`order:…`, `offer:…`, `firm:…`) from its events; pairs: see derivePairFacts. */
export function derivePartitionFacts(
  partition: string,
  events: readonly MetricEvent[],
  ctx: MetricsDimensions,
): Fact[] {
  if (partition.startsWith('order:')) return deriveOrderFacts(events, ctx);
  if (partition.startsWith('offer:')) return deriveOfferFacts(events);
  if (partition.startsWith('firm:')) return deriveFirmFacts(events);
  throw new Error(`no events make the facts of partition ${partition}`);
}
