import { seededRandom } from '@kooperant/platform-testing/random';

/* A year of cooperation as the outbox holds it: the domain events of the KPIs, with the payloads their emitters write. */

export type Country = 'PL' | 'LT';

/** A firm with its verified memberships (the home cluster's first). */
export interface ActivityFirm {
  id: string;
  country: Country;
  memberships: { clusterId: string; membershipId: string }[];
}

/** An outbox row to be: `at` in ms since the epoch, UTC. */
export interface OutboxRow {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  at: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Fewer orders in August and at Christmas. */
const MONTH_WEIGHT = [0.9, 1, 1.1, 1.1, 1.05, 1, 0.9, 0.7, 1.05, 1.1, 1.1, 0.8];

/** The seeded generator, with UUIDs (v4-shaped) and weighted picks. */
function generator(seed: number) {
  const r = seededRandom(seed);
  const word = () => ((r.next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  return {
    ...r,
    /** Uniform in [lo, hi). */
    between: (lo: number, hi: number) => lo + r.next() * (hi - lo),
    uuid: () => {
      const h = word() + word() + word() + word();
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
    },
  };
}
type Gen = ReturnType<typeof generator>;

/** Weighted picks from a list: busy firms buy and sell far more than most (a long tail). */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    weight: (x: T) => number,
  ) {
    let sum = 0;
    for (const x of items) this.cumulative.push((sum += weight(x)));
  }
  pick(r: Gen): T {
    const target = r.next() * this.cumulative[this.cumulative.length - 1];
    let [lo, hi] = [0, this.cumulative.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
}

export interface ActivityOptions {
  /** The calendar year of the activity (Europe/Warsaw); memberships and offers may start the year before. */
  year: number;
  /** Orders a firm publishes in the year, on average. */
  ordersPerFirm: number;
  seed: number;
}

/**
 * A year of activity of these firms: memberships verified (most before the year), offers published and refreshed,
 * and cooperative orders of one to five packages, each matched (`match.proposed`, a second run for some), some
 * matches endorsed by a coordinator and the firm invited (across the border through an introduction), quotes (some
 * revised), awards in PLN or EUR (some cancelled and awarded again), production started, handed over (some late)
 * and accepted. Payloads as libs/identity, catalogue, orders and matching write them.
 */
export function yearOfActivity(firms: readonly ActivityFirm[], opts: ActivityOptions): OutboxRow[] {
  const r = generator(opts.seed);
  const out: OutboxRow[] = [];
  const add = (type: string, aggregateType: string, aggregateId: string, at: number, payload: object) =>
    out.push({ id: r.uuid(), type, aggregateType, aggregateId, at: Math.round(at), payload: { ...payload } });
  const start = Date.UTC(opts.year - 1, 11, 31, 23); // midnight in Warsaw
  const end = Date.UTC(opts.year, 11, 31, 23);
  /** A working moment (weekday, 7:00 to 17:00 in Warsaw, roughly) of the year, months weighted. */
  const workMoment = (from = start, to = end): number => {
    for (;;) {
      const day = Math.floor(r.between(from, to) / DAY) * DAY;
      const d = new Date(day);
      if ((d.getUTCDay() === 0 || d.getUTCDay() === 6) && r.chance(0.92)) continue;
      if (!r.chance(MONTH_WEIGHT[d.getUTCMonth()] / 1.1)) continue;
      return day + 5 * HOUR + r.between(0, 11 * HOUR);
    }
  };
  const homeCluster = (f: ActivityFirm) => f.memberships[0].clusterId;

  // Memberships: three firms in four were verified before the year, the rest join during it.
  for (const f of firms) {
    for (const [i, m] of f.memberships.entries()) {
      const at = i === 0 && r.chance(0.75) ? r.between(start - 300 * DAY, start - DAY) : workMoment();
      add('firm.verified', 'firm', f.id, at, { firmId: f.id, clusterId: m.clusterId, membershipId: m.membershipId });
    }
  }

  // Offers: 0 to 6 a firm; published (two in five the year before), refreshed every one to four months, some
  // archived and published again; a few edited as drafts.
  for (const f of firms) {
    for (let n = r.int(0, 6); n > 0; n--) {
      const offerId = r.uuid();
      const offer = (type: string, at: number, status = 'published') =>
        add(type, 'offer', offerId, at, { offerId, firmId: f.id, status });
      let t = r.chance(0.4) ? r.between(start - 200 * DAY, start) : workMoment();
      offer('offer.published', t);
      for (;;) {
        t += r.between(30 * DAY, 120 * DAY);
        if (t >= end) break;
        if (r.chance(0.1)) {
          offer('offer.updated', t, 'draft');
          offer('offer.published', t + r.between(HOUR, 5 * DAY));
        } else offer('offer.updated', t);
      }
    }
  }

  // Orders.
  const busy = () => 0.15 + Math.log(1 / (1 - r.next())) ** 2;
  const buyers = new Weighted(firms, busy);
  const suppliersOf = {
    PL: new Weighted(
      firms.filter((f) => f.country === 'PL'),
      busy,
    ),
    LT: new Weighted(
      firms.filter((f) => f.country === 'LT'),
      busy,
    ),
  };
  const orders = Math.round(firms.length * opts.ordersPerFirm);
  for (let o = 0; o < orders; o++) order(r, add, buyers.pick(r), suppliersOf, homeCluster, workMoment());
  return out;
}

type Add = (type: string, aggregateType: string, aggregateId: string, at: number, payload: object) => void;

interface Leg {
  quoteId: string;
  legId: string;
  firm: ActivityFirm;
  at: number;
  priceMinor: number;
  currency: 'PLN' | 'EUR';
}

/** One cooperative order from publication to acceptance, as its events. */
function order(
  r: Gen,
  add: Add,
  buyer: ActivityFirm,
  suppliers: Record<Country, Weighted<ActivityFirm>>,
  homeCluster: (f: ActivityFirm) => string,
  t0: number,
): void {
  const orderId = r.uuid();
  const clusterId = homeCluster(buyer);
  const packages = Array.from({ length: r.pick([1, 1, 2, 2, 3, 3, 4, 5]) }, () => ({
    id: r.uuid(),
    // Indicative value in EUR cents: 300 to 60,000 EUR, log-uniform.
    valueEurMinor: Math.round(30_000 * Math.exp(r.next() * Math.log(200))),
  }));
  const ev = (type: string, at: number, payload: object) => add(type, 'order', orderId, at, { orderId, ...payload });
  ev('order.published', t0, { buyerFirmId: buyer.id, clusterId, status: 'open', packageCount: packages.length });

  // Matching: 4 to 10 firms a package (seven in ten of the buyer's country); a later run proposes a few more.
  const other: Country = buyer.country === 'PL' ? 'LT' : 'PL';
  const proposed = new Map<string, { packageId: string; firm: ActivityFirm }>();
  const propose = (at: number, perPackage: () => number) => {
    const fresh: { packageId: string; firmId: string; rank: number }[] = [];
    for (const p of packages) {
      for (let k = perPackage(), tries = 0; k > 0 && tries < 40; tries++) {
        const firm = suppliers[r.chance(0.7) ? buyer.country : other].pick(r);
        const key = `${p.id}:${firm.id}`;
        if (firm.id === buyer.id || proposed.has(key)) continue;
        proposed.set(key, { packageId: p.id, firm });
        fresh.push({ packageId: p.id, firmId: firm.id, rank: fresh.length + 1 });
        k--;
      }
    }
    if (fresh.length) ev('match.proposed', at, { proposals: fresh });
  };
  propose(t0 + r.between(2 * MINUTE, 10 * MINUTE), () => r.int(4, 10));
  if (r.chance(0.25)) propose(t0 + r.between(DAY, 5 * DAY), () => r.int(0, 2));

  // Coordinators endorse one match in eight and invite most of those; across the border through an introduction.
  const invited = new Set<string>();
  for (const [key, m] of proposed) {
    if (!r.chance(0.12)) continue;
    const firmClusterId = homeCluster(m.firm);
    const match = {
      matchId: r.uuid(),
      packageId: m.packageId,
      firmId: m.firm.id,
      clusterId,
      orderClusterId: clusterId,
      firmClusterId,
      handledByClusterId: clusterId,
    };
    let at = t0 + r.between(2 * HOUR, 3 * DAY);
    ev('match.endorsed', at, { ...match, status: 'endorsed' });
    if (!r.chance(0.7)) continue;
    at += r.between(HOUR, DAY);
    if (m.firm.country !== buyer.country) {
      ev('match.introduction-requested', at, { ...match, status: 'awaiting_approval' });
      at += r.between(4 * HOUR, 2 * DAY);
      ev('match.introduction-approved', at, { ...match, clusterId: firmClusterId, status: 'invited' });
    }
    ev('match.invited', at, { ...match, status: 'invited' });
    invited.add(key);
  }

  // Quotes until the deadline (14 days): invited firms mostly, other proposed firms now and then, a stranger rarely.
  const legsOf = new Map<string, Leg[]>(packages.map((p) => [p.id, []]));
  const quoters = new Map<string, ActivityFirm>();
  for (const [key, m] of proposed) if (r.chance(invited.has(key) ? 0.65 : 0.12)) quoters.set(m.firm.id, m.firm);
  if (r.chance(0.3)) {
    const stranger = suppliers[buyer.country].pick(r);
    if (stranger.id !== buyer.id) quoters.set(stranger.id, stranger);
  }
  for (const firm of quoters.values()) {
    const quoteId = r.uuid();
    const at = t0 + Math.min(13 * DAY, r.between(HOUR, 2 * DAY) + r.between(0, 8 * DAY) * r.next());
    const currency = firm.country === 'PL' && r.chance(0.85) ? 'PLN' : 'EUR';
    let priced = 0;
    for (const p of packages) {
      const proposedHere = proposed.has(`${p.id}:${firm.id}`);
      if (!(proposedHere || packages.length === 1 || r.chance(0.3))) continue;
      const eur = Math.round(p.valueEurMinor * r.between(0.75, 1.35));
      const priceMinor = currency === 'EUR' ? eur : Math.round(eur * 4.27);
      legsOf.get(p.id)?.push({ quoteId, legId: r.uuid(), firm, at, priceMinor, currency });
      priced++;
    }
    if (!priced) continue;
    const quote = { quoteId, orderId, leadFirmId: firm.id };
    add('quote.submitted', 'quote', quoteId, at, { ...quote, version: 1 });
    if (r.chance(0.15))
      add('quote.submitted', 'quote', quoteId, at + r.between(HOUR, 3 * DAY), { ...quote, version: 2 });
  }

  // Awards after the deadline, the cheapest quote mostly; one in twenty cancelled, most of those awarded again.
  for (const p of packages) {
    const legs = legsOf.get(p.id) ?? [];
    if (!legs.length || !r.chance(0.8)) continue;
    const byPrice = [...legs].sort((a, b) => a.priceMinor / rate(a) - b.priceMinor / rate(b));
    const pickLeg = () => (r.chance(0.7) ? byPrice[0] : r.pick(byPrice));
    let leg = pickLeg();
    let at = t0 + 14 * DAY + r.between(HOUR, 7 * DAY);
    const award = (l: Leg) =>
      ev('package.awarded', at, {
        packageId: p.id,
        quoteId: l.quoteId,
        legId: l.legId,
        firmId: l.firm.id,
        priceMinor: l.priceMinor,
        currency: l.currency,
      });
    award(leg);
    if (r.chance(0.05)) {
      at += r.between(DAY, 7 * DAY);
      ev('package.award-cancelled', at, {
        packageId: p.id,
        firmId: leg.firm.id,
        legId: leg.legId,
        reason: 'Dostawca nie potwierdził terminu.',
      });
      if (!r.chance(0.6)) continue;
      at += r.between(DAY, 5 * DAY);
      leg = pickLeg();
      award(leg);
    }
    // Production, hand-over (one in five late) and acceptance.
    const firmId = leg.firm.id;
    const step = { packageId: p.id, firmId };
    if (!r.chance(0.9)) continue;
    at += r.between(HOUR, 5 * DAY);
    ev('package.started', at, { ...step, onTime: true });
    if (!r.chance(0.92)) continue;
    at += r.between(7 * DAY, 50 * DAY);
    ev('package.handed-over', at, { ...step, onTime: r.chance(0.8) });
    if (r.chance(0.9)) ev('package.accepted', at + r.between(HOUR, 3 * DAY), { ...step, onTime: true });
  }
}

/** PLN per unit of the leg's currency, roughly: only to compare prices across currencies. */
const rate = (l: Leg) => (l.currency === 'PLN' ? 4.27 : 1);
