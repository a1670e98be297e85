import type { MetricsCountry } from './periods';
import type { MetricsDimensions } from './fact';
import type { MetricEvent } from './metric-event';
import type { Figure } from './figures';
import { figuresFromEvents } from './recompute';

// Two partner clusters, two Polish and two Lithuanian firms, and 1 EUR = 4 PLN on every day unless a test says not.
const CLUSTER = { pl: 'cluster-pl', lt: 'cluster-lt' };
const FIRM = { pl1: 'firm-pl1', pl2: 'firm-pl2', lt1: 'firm-lt1', lt2: 'firm-lt2' };
const COUNTRY: Record<string, MetricsCountry> = {
  [CLUSTER.pl]: 'PL',
  [CLUSTER.lt]: 'LT',
  [FIRM.pl1]: 'PL',
  [FIRM.pl2]: 'PL',
  [FIRM.lt1]: 'LT',
  [FIRM.lt2]: 'LT',
};
const dims = (rate: string | null = '4.0000'): MetricsDimensions => ({
  firmCountry: (id) => COUNTRY[id],
  clusterCountry: (id) => COUNTRY[id],
  eurPlnRate: (day) => (rate ? { source: 'NBP', date: day, rate } : undefined),
});

let seq = 0;
const ev = (type: string, at: string, payload: Record<string, unknown>): MetricEvent => ({
  id: `event-${String(++seq).padStart(5, '0')}`,
  type,
  at: new Date(at),
  payload,
});
const published = (orderId: string, at: string, buyer = FIRM.pl1, clusterId = CLUSTER.pl, packageCount = 3) =>
  ev('order.published', at, { orderId, buyerFirmId: buyer, clusterId, status: 'open', packageCount });
const awarded = (
  orderId: string,
  packageId: string,
  firmId: string,
  at: string,
  priceMinor: number,
  currency = 'EUR',
) => ev('package.awarded', at, { orderId, packageId, firmId, quoteId: `q-${packageId}`, priceMinor, currency });
const cancelled = (orderId: string, packageId: string, firmId: string, at: string) =>
  ev('package.award-cancelled', at, { orderId, packageId, firmId, reason: 'changed plans' });
const handedOver = (orderId: string, packageId: string, firmId: string, at: string, onTime: boolean) =>
  ev('package.handed-over', at, { orderId, packageId, firmId, onTime });
const quoted = (orderId: string, quoteId: string, leadFirmId: string, at: string) =>
  ev('quote.submitted', at, { orderId, quoteId, leadFirmId, version: 1 });
const verified = (firmId: string, clusterId: string, at: string) =>
  ev('firm.verified', at, { firmId, clusterId, membershipId: `m-${firmId}-${clusterId}` });

function figure(figures: Figure[], scope: 'cluster' | 'firm', id: string, period: string, kpi: string) {
  return figures.find((f) => f.scopeType === scope && f.scopeId === id && f.period === period && f.kpi === kpi)?.value;
}
const sorted = (figures: Figure[]) =>
  figures.map((f) => `${f.scopeType}|${f.scopeId}|${f.period}|${f.kpi}=${f.value}`).sort();

describe('cooperation KPIs', () => {
  describe('value awarded and the share that crosses the PL–LT border', () => {
    const events = [
      published('o1', '2026-03-02T09:00:00Z'),
      awarded('o1', 'p1', FIRM.lt1, '2026-03-10T10:00:00Z', 100_000, 'EUR'), // 1 000 EUR to Lithuania
      awarded('o1', 'p2', FIRM.pl2, '2026-03-11T10:00:00Z', 400_000, 'PLN'), // 4 000 PLN = 1 000 EUR at home
      awarded('o1', 'p3', FIRM.lt1, '2026-03-12T10:00:00Z', 900_000, 'EUR'),
      cancelled('o1', 'p3', FIRM.lt1, '2026-03-13T10:00:00Z'), // taken back: counts nowhere
    ];

    it("counts standing awards in EUR and PLN at the day's rate, and half of that value crossed the border", () => {
      const f = figuresFromEvents(events, dims());
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'packages-awarded')).toBe(2);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'value-awarded-eur')).toBe(200_000);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'value-awarded-pln')).toBe(800_000);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'value-cross-border-eur')).toBe(100_000);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'cross-border-share')).toBe(0.5);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-Q1', 'cross-border-share')).toBe(0.5);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026', 'value-awarded-eur')).toBe(200_000);
      // Per firm, the value it won: the Lithuanian firm's is all across the border.
      expect(figure(f, 'firm', FIRM.lt1, '2026-03', 'value-awarded-eur')).toBe(100_000);
      expect(figure(f, 'firm', FIRM.lt1, '2026-03', 'cross-border-share')).toBe(1);
      expect(figure(f, 'firm', FIRM.pl2, '2026-03', 'cross-border-share')).toBe(0);
    });

    it('re-awards a cancelled package at the time of the new award', () => {
      const f = figuresFromEvents([...events, awarded('o1', 'p3', FIRM.pl2, '2026-04-01T10:00:00Z', 80_000)], dims());
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'packages-awarded')).toBe(2);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-04', 'packages-awarded')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-04', 'value-awarded-eur')).toBe(80_000);
    });

    it('counts an award of a day without a rate in its own currency only, and says how many', () => {
      const f = figuresFromEvents(events, dims(null));
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'value-awarded-eur')).toBe(100_000);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'value-awarded-pln')).toBe(400_000);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'awards-unconverted')).toBe(2);
    });

    it('converts with the exact published rate, rounding half away from zero once', () => {
      const f = figuresFromEvents(
        [published('o9', '2026-03-02T09:00:00Z'), awarded('o9', 'p1', FIRM.lt1, '2026-03-10T10:00:00Z', 12_345)],
        dims('4.6608'),
      );
      // 123.45 EUR × 4.6608 = 575.375… PLN → 575.38
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'value-awarded-pln')).toBe(57_538);
    });
  });

  describe('new PL–LT pairs and repeat cooperation', () => {
    const events = [
      published('o1', '2026-03-01T08:00:00Z'),
      published('o2', '2026-04-01T08:00:00Z'),
      published('o3', '2026-05-01T08:00:00Z', FIRM.lt1, CLUSTER.lt),
      awarded('o1', 'a', FIRM.lt1, '2026-03-05T10:00:00Z', 1_000), // pl1–lt1: new pair
      awarded('o1', 'b', FIRM.pl2, '2026-03-06T10:00:00Z', 1_000), // pl1–pl2: first, but not across the border
      awarded('o2', 'c', FIRM.lt1, '2026-04-05T10:00:00Z', 1_000), // pl1–lt1 again: repeat
      awarded('o2', 'd', FIRM.pl2, '2026-04-06T10:00:00Z', 1_000), // pl1–pl2 again: repeat
      awarded('o3', 'e', FIRM.pl1, '2026-05-05T10:00:00Z', 1_000), // lt1 buys from pl1: the same pair, repeat
    ];

    it('counts a pair once, in the period of its first award, and every later award between the two as repeat', () => {
      const f = figuresFromEvents(events, dims());
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'new-pl-lt-pairs')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'repeat-awards')).toBe(0);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-04', 'new-pl-lt-pairs')).toBe(0);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-04', 'repeat-awards')).toBe(2);
      expect(figure(f, 'cluster', CLUSTER.lt, '2026-05', 'repeat-awards')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026', 'new-pl-lt-pairs')).toBe(1);
      // Both firms of a pair count it.
      expect(figure(f, 'firm', FIRM.pl1, '2026-03', 'new-pl-lt-pairs')).toBe(1);
      expect(figure(f, 'firm', FIRM.lt1, '2026-03', 'new-pl-lt-pairs')).toBe(1);
      expect(figure(f, 'firm', FIRM.lt1, '2026', 'repeat-awards')).toBe(2);
    });

    it('makes the next standing award the first when the first one is cancelled', () => {
      const f = figuresFromEvents([...events, cancelled('o1', 'a', FIRM.lt1, '2026-03-07T10:00:00Z')], dims());
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'new-pl-lt-pairs')).toBe(0);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-04', 'new-pl-lt-pairs')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-04', 'repeat-awards')).toBe(1);
    });
  });

  describe('on-time hand-overs', () => {
    it('rates hand-overs by their due date, per cluster and per firm, each package once', () => {
      const f = figuresFromEvents(
        [
          published('o1', '2026-06-01T08:00:00Z'),
          handedOver('o1', 'p1', FIRM.lt1, '2026-06-10T10:00:00Z', true),
          handedOver('o1', 'p2', FIRM.lt1, '2026-06-11T10:00:00Z', false),
          handedOver('o1', 'p3', FIRM.pl2, '2026-06-12T10:00:00Z', true),
          handedOver('o1', 'p3', FIRM.pl2, '2026-06-13T10:00:00Z', false), // not a second hand-over of p3
        ],
        dims(),
      );
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-06', 'handovers')).toBe(3);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-06', 'handovers-on-time')).toBe(2);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-06', 'on-time-rate')).toBe(0.6667);
      expect(figure(f, 'firm', FIRM.lt1, '2026-06', 'on-time-rate')).toBe(0.5);
      expect(figure(f, 'firm', FIRM.pl2, '2026-06', 'on-time-rate')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-06', 'value-awarded-eur')).toBe(0);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-06', 'cross-border-share')).toBeNull();
    });
  });

  describe('time zones', () => {
    // 31 March 2026, 21:30 UTC: 23:30 in Warsaw (still March), 00:30 on 1 April in Vilnius.
    const events = [
      published('o1', '2026-03-01T08:00:00Z'),
      published('o2', '2026-03-31T21:30:00Z', FIRM.lt1, CLUSTER.lt),
      awarded('o1', 'p1', FIRM.lt1, '2026-03-31T21:30:00Z', 5_000),
    ];

    it("counts each scope in its own country's calendar: Europe/Warsaw for Polish, Europe/Vilnius for Lithuanian", () => {
      const f = figuresFromEvents(events, dims());
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'packages-awarded')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-Q1', 'packages-awarded')).toBe(1);
      expect(figure(f, 'firm', FIRM.lt1, '2026-04', 'packages-awarded')).toBe(1);
      expect(figure(f, 'firm', FIRM.lt1, '2026-Q2', 'packages-awarded')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.lt, '2026-04', 'orders-posted')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.lt, '2026-03', 'orders-posted')).toBeUndefined();
    });

    it('puts New Year in the year of the local calendar', () => {
      const f = figuresFromEvents([published('o3', '2026-12-31T23:30:00Z')], dims());
      expect(figure(f, 'cluster', CLUSTER.pl, '2027', 'orders-posted')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026', 'orders-posted')).toBeUndefined();
    });
  });

  describe('orders, packages, quotes and the time to a first quote', () => {
    it('counts quotes once at their first submission and takes the lower median of the minutes to a first quote', () => {
      const f = figuresFromEvents(
        [
          published('o1', '2026-02-02T08:00:00Z', FIRM.pl1, CLUSTER.pl, 2),
          published('o2', '2026-02-03T08:00:00Z', FIRM.pl1, CLUSTER.pl, 4),
          published('o3', '2026-02-04T08:00:00Z', FIRM.pl2, CLUSTER.pl, 1),
          published('o4', '2026-02-05T08:00:00Z', FIRM.pl2, CLUSTER.pl, 1),
          quoted('o1', 'q1', FIRM.lt1, '2026-02-02T08:30:00Z'), // 30 min
          quoted('o1', 'q1', FIRM.lt1, '2026-02-02T09:30:00Z'), // the same quote again: not a new one
          quoted('o1', 'q2', FIRM.lt2, '2026-02-02T08:45:00Z'),
          quoted('o2', 'q3', FIRM.lt1, '2026-02-03T09:30:59Z'), // 90 min (whole minutes)
          quoted('o3', 'q4', FIRM.lt1, '2026-02-04T18:00:00Z'), // 600 min
          quoted('o4', 'q5', FIRM.lt2, '2026-02-05T08:20:00Z'), // 20 min
        ],
        dims(),
      );
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-02', 'orders-posted')).toBe(4);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-02', 'packages-posted')).toBe(8);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-02', 'quotes-sent')).toBe(5);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-02', 'first-quote-minutes-median')).toBe(30);
      expect(figure(f, 'firm', FIRM.lt1, '2026-02', 'quotes-sent')).toBe(3);
      expect(figure(f, 'firm', FIRM.pl2, '2026-02', 'first-quote-minutes-median')).toBe(20);
      expect(figure(f, 'firm', FIRM.pl1, '2026-02', 'first-quote-minutes-median')).toBe(30);
    });
  });

  describe('the match funnel and value brokered by coordinators', () => {
    const proposals = ev('match.proposed', '2026-05-02T08:00:00Z', {
      orderId: 'o1',
      proposals: [
        { packageId: 'p1', firmId: FIRM.lt1, rank: 1 },
        { packageId: 'p1', firmId: FIRM.pl2, rank: 2 },
        { packageId: 'p2', firmId: FIRM.lt2, rank: 1 },
      ],
    });
    const match = (type: string, packageId: string, firmId: string, at: string) =>
      ev(type, at, { orderId: 'o1', packageId, firmId, matchId: `m-${packageId}-${firmId}`, clusterId: CLUSTER.pl });

    it('follows proposed matches into endorsements, quotes and awards, dated by the proposal', () => {
      const f = figuresFromEvents(
        [
          published('o1', '2026-05-01T08:00:00Z'),
          proposals,
          match('match.endorsed', 'p1', FIRM.lt1, '2026-05-03T08:00:00Z'),
          match('match.invited', 'p1', FIRM.lt1, '2026-05-03T09:00:00Z'),
          quoted('o1', 'q1', FIRM.lt1, '2026-06-01T08:00:00Z'),
          awarded('o1', 'p1', FIRM.lt1, '2026-06-05T08:00:00Z', 250_000),
          awarded('o1', 'p2', FIRM.pl2, '2026-06-05T08:00:00Z', 40_000), // not a proposed firm for p2
        ],
        dims(),
      );
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-05', 'matches-proposed')).toBe(3);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-05', 'matches-endorsed')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-05', 'matches-quoted')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-05', 'matches-awarded')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-06', 'matches-proposed')).toBe(0);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-06', 'value-brokered-eur')).toBe(250_000);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-06', 'value-brokered-pln')).toBe(1_000_000);
      expect(figure(f, 'firm', FIRM.lt2, '2026-05', 'matches-proposed')).toBe(1);
    });

    it('does not count as brokered an award that came before the endorsement', () => {
      const f = figuresFromEvents(
        [
          published('o1', '2026-05-01T08:00:00Z'),
          proposals,
          awarded('o1', 'p1', FIRM.lt1, '2026-05-03T08:00:00Z', 250_000),
          match('match.endorsed', 'p1', FIRM.lt1, '2026-05-04T08:00:00Z'),
        ],
        dims(),
      );
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-05', 'value-awarded-eur')).toBe(250_000);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-05', 'value-brokered-eur')).toBe(0);
    });
  });

  describe('offers and members active', () => {
    const offer = (type: string, offerId: string, firmId: string, at: string, status = 'published') =>
      ev(type, at, { offerId, firmId, status });

    it("counts a firm's offers and activity for the clusters it was a verified member of at the time", () => {
      const f = figuresFromEvents(
        [
          verified(FIRM.pl2, CLUSTER.pl, '2026-02-15T08:00:00Z'),
          verified(FIRM.lt1, CLUSTER.lt, '2026-01-01T08:00:00Z'),
          offer('offer.published', 'of1', FIRM.pl2, '2026-02-01T08:00:00Z'), // before it was a member
          offer('offer.published', 'of2', FIRM.pl2, '2026-03-01T08:00:00Z'),
          offer('offer.updated', 'of2', FIRM.pl2, '2026-03-02T08:00:00Z'),
          offer('offer.updated', 'of1', FIRM.pl2, '2026-03-03T08:00:00Z'),
          offer('offer.updated', 'of3', FIRM.pl2, '2026-03-04T08:00:00Z', 'draft'), // not live: no
          published('o1', '2026-03-05T08:00:00Z', FIRM.pl1), // pl1 is no verified member
          quoted('o1', 'q1', FIRM.lt1, '2026-03-06T08:00:00Z'),
        ],
        dims(),
      );
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-02', 'offers-published')).toBeUndefined();
      expect(figure(f, 'firm', FIRM.pl2, '2026-02', 'offers-published')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'offers-published')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'offers-kept-current')).toBe(2);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'members-active')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.lt, '2026-03', 'members-active')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-Q1', 'members-active')).toBe(1);
      expect(figure(f, 'cluster', CLUSTER.pl, '2026-03', 'orders-posted')).toBe(1);
    });
  });

  describe('late and replayed events', () => {
    it('gives the same figures whatever the order the events arrive in, and however often each comes', () => {
      const events = [
        verified(FIRM.pl2, CLUSTER.pl, '2026-02-15T08:00:00Z'),
        published('o1', '2026-03-01T08:00:00Z'),
        quoted('o1', 'q1', FIRM.lt1, '2026-03-02T08:00:00Z'),
        awarded('o1', 'a', FIRM.lt1, '2026-03-05T10:00:00Z', 1_000),
        cancelled('o1', 'a', FIRM.lt1, '2026-03-06T10:00:00Z'),
        awarded('o1', 'a', FIRM.pl2, '2026-03-07T10:00:00Z', 3_000),
        handedOver('o1', 'a', FIRM.pl2, '2026-03-20T10:00:00Z', true),
        ev('offer.published', '2026-03-03T08:00:00Z', { offerId: 'of1', firmId: FIRM.pl2, status: 'published' }),
      ];
      const inOrder = sorted(figuresFromEvents(events, dims()));
      const scrambled = [...events].reverse();
      const replayed = [...events, ...events.slice(2, 6), events[0]];
      expect(sorted(figuresFromEvents(scrambled, dims()))).toEqual(inOrder);
      expect(sorted(figuresFromEvents(replayed, dims()))).toEqual(inOrder);
      expect(figure(figuresFromEvents(scrambled, dims()), 'cluster', CLUSTER.pl, '2026-03', 'value-awarded-eur')).toBe(
        3_000,
      );
    });
  });
});
