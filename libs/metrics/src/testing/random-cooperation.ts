import { seededRandom } from '@kooperant/platform-testing/random';
import type { MetricEvent } from '../lib/core/metric-event';
import type { MetricsCountry } from '../lib/core/periods';

/** The clusters and firms random events refer to (they must exist: their countries are read from the database). */
export interface RandomWorld {
  clusters: { id: string; country: MetricsCountry }[];
  firms: { id: string; country: MetricsCountry }[];
}

/** The seeded generator, with whole numbers below n and v4-shaped UUIDs. */
function generator(seed: number) {
  const r = seededRandom(seed);
  const int = (n: number) => r.int(0, n - 1);
  const hex = (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  return {
    chance: r.chance,
    int,
    pick: r.pick,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
  };
}

export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = generator(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const START = Date.UTC(2025, 0, 1);
const SPAN_MS = 2 * 365 * 86_400_000;
const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * `count` random KPI events of two years of cooperation: memberships, offers, and orders with their matches,
 * coordinators' actions, quotes (some before publication or submitted again), awards (some cancelled, some awarded
 * again), hand-overs on time or late, at times around month, quarter and year ends in both time zones.
 */
export function randomCooperation(world: RandomWorld, count: number, seed: number): MetricEvent[] {
  const r = generator(seed);
  const events: MetricEvent[] = [];
  const add = (type: string, at: number, payload: Record<string, unknown>) =>
    events.push({ id: r.uuid(), type, at: new Date(Math.min(at, START + SPAN_MS + 60 * DAY)), payload });
  const someTime = () => START + r.int(SPAN_MS / MINUTE) * MINUTE + r.int(MINUTE);
  const firms = world.firms.map((f) => f.id);

  for (const f of world.firms) {
    const home = world.clusters.filter((c) => c.country === f.country);
    if (r.chance(0.8)) add('firm.verified', someTime(), { firmId: f.id, clusterId: r.pick(home).id });
    if (r.chance(0.2)) add('firm.verified', someTime(), { firmId: f.id, clusterId: r.pick(world.clusters).id });
  }
  for (let i = 0; i < 120; i++) {
    const offerId = r.uuid();
    const firmId = r.pick(firms);
    let t = someTime();
    add('offer.published', t, { offerId, firmId, status: 'published' });
    for (let k = r.int(5); k > 0; k--) {
      t += r.int(40 * DAY);
      add(r.chance(0.3) ? 'offer.published' : 'offer.updated', t, {
        offerId,
        firmId,
        status: r.chance(0.85) ? 'published' : 'draft',
      });
    }
  }
  while (events.length < count) {
    const orderId = r.uuid();
    const buyer = r.pick(firms);
    const clusterId = r.pick(world.clusters).id;
    const t0 = someTime();
    const packages = Array.from({ length: 1 + r.int(4) }, () => r.uuid());
    add('order.published', t0, {
      orderId,
      buyerFirmId: buyer,
      clusterId,
      status: 'open',
      packageCount: packages.length,
    });
    const others = firms.filter((f) => f !== buyer);
    const proposals = packages.flatMap((packageId) =>
      Array.from({ length: 1 + r.int(3) }, () => ({ packageId, firmId: r.pick(others), rank: 1 })),
    );
    add('match.proposed', t0 + 30 * MINUTE, { orderId, proposals });
    for (const p of proposals) {
      const match = { orderId, packageId: p.packageId, firmId: p.firmId, matchId: r.uuid(), clusterId };
      if (r.chance(0.4)) add('match.endorsed', t0 + r.int(5 * DAY), match);
      if (r.chance(0.2))
        add(
          r.pick(['match.invited', 'match.introduction-requested', 'match.introduction-approved']),
          t0 + r.int(8 * DAY),
          match,
        );
    }
    const quoters: string[] = [];
    for (let q = r.int(5); q > 0; q--) {
      const quoteId = r.uuid();
      const lead = r.chance(0.6) ? r.pick(proposals).firmId : r.pick(others);
      quoters.push(lead);
      const at = t0 + (r.chance(0.05) ? -r.int(DAY) : r.int(10 * DAY));
      add('quote.submitted', at, { orderId, quoteId, leadFirmId: lead, version: 1 });
      if (r.chance(0.15))
        add('quote.submitted', at + r.int(3 * DAY), { orderId, quoteId, leadFirmId: lead, version: 2 });
    }
    for (const packageId of packages) {
      if (!r.chance(0.7)) continue;
      const firmId = quoters.length && r.chance(0.8) ? r.pick(quoters) : r.pick(others);
      let at = t0 + DAY + r.int(20 * DAY);
      const award = (f: string) =>
        add('package.awarded', at, {
          orderId,
          packageId,
          firmId: f,
          quoteId: r.uuid(),
          priceMinor: 1_000 + r.int(5_000_000),
          currency: r.pick(['PLN', 'EUR']),
        });
      award(firmId);
      let standing: string | null = firmId;
      if (r.chance(0.15)) {
        at += r.int(5 * DAY);
        add('package.award-cancelled', at, { orderId, packageId, firmId, reason: 'random' });
        standing = null;
        if (r.chance(0.5)) {
          at += r.int(5 * DAY);
          standing = r.pick(others);
          award(standing);
        }
      }
      if (standing && r.chance(0.6))
        add('package.handed-over', at + r.int(30 * DAY), {
          orderId,
          packageId,
          firmId: standing,
          onTime: r.chance(0.7),
        });
    }
  }
  return events.slice(0, count);
}
