import {
  createTestApp,
  removeTestQueues,
  startWorkerProcess,
  testQueueModule,
  TEST_REDIS_URL,
  waitFor,
  waitForDrained,
  type TestApp,
  type WorkerProcess,
} from '@kooperant/platform-testing';
import { QueueRegistry } from '@kooperant/platform-queue';
import { METRIC_EVENT_TYPES, METRICS_FIGURES } from '@kooperant/metrics';
import { prepareDatabase } from './launch';
import { recomputeMetrics } from './metrics-recompute';

const ZONE = { PL: 'Europe/Warsaw', LT: 'Europe/Vilnius' } as const;
type Country = keyof typeof ZONE;

/** The month, quarter and year of a moment on a zone's calendar, as the KPIs name periods (2026-11, 2026-Q4, 2026). */
function periodsIn(at: Date, zone: string): string[] {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' })
    .format(at)
    .split('-');
  return [`${year}-${month}`, `${year}-Q${Math.ceil(Number(month) / 3)}`, year];
}

/**
 * The demo seed makes its events at "now": before seeding, wait out the last minutes of a month (in either country),
 * so that every demo event falls in one month, quarter and year in each cluster's zone.
 */
async function clearOfMonthEnd(minutes = 3): Promise<void> {
  const soon = () => Date.now() + minutes * 60_000;
  const crosses = () =>
    Object.values(ZONE).some((z) => periodsIn(new Date(), z)[0] !== periodsIn(new Date(soon()), z)[0]);
  while (crosses()) await new Promise((r) => setTimeout(r, 5_000));
}

/**
 * Expected figures, counted by hand from the demo seed: apps/cli/src/commands/seed-demo.ts (44 firms, each verified
 * in its country's cluster, then 190 offers), libs/catalogue/src/lib/seed/demo-offers.seed.ts (offers and their status),
 * apps/cli/src/commands/seed-demo-orders.ts (orders, quotes, awards, hand-overs) and libs/orders/src/lib/seed/demo-rates.ts.
 *
 * Orders: Podlaska Fabryka Maszyn (PL) publishes three 3-step chains cut → weld → coat of 40, 12 and 25 frames, each
 * quoted by Hydrocięcie (cut, 310.00 PLN/pc), SuwaLaser (cut), Alytaus suvirinimo centras (LT, weld, 148.00 EUR/pc),
 * Zabłudów (weld) and Kolor-Powłoki (coat, 125.00 PLN/pc), and awarded cut → Hydrocięcie, weld → Alytaus suvirinimo
 * centras, coat → Kolor-Powłoki; then a fourth chain (gates) quoted by SuwaLaser and by a joint weld + coat quote led
 * by Alytaus suvirinimo centras, confirmed by Spalvų dengimas. Sūduvos plieno konstrukcijos (LT) publishes one 3-step
 * order, quoted by SuwaLaser. The pallet order stays a draft; the drive-shaft order is cancelled as a draft. Hand-overs:
 * the 40-frame chain's three steps and the 12-frame chain's cut, all weeks before their due dates.
 *
 * Rates: every award is converted at NBP's EUR mid rate published on or before its day; the demo's last table is
 * 228/A/NBP/2026 of 2026-11-25, 1 EUR = 4.2345 PLN, which is the rate of any award day from 2026-11-25 on.
 * Each award is converted once and rounded half away from zero (minor units):
 *   cut   40 × 310.00 = 12,400.00 PLN → 12,400.00 / 4.2345 = 2,928.3268 → 2,928.33 EUR
 *   cut   12 × 310.00 =  3,720.00 PLN →  3,720.00 / 4.2345 =   878.4981 →   878.50 EUR
 *   cut   25 × 310.00 =  7,750.00 PLN →  7,750.00 / 4.2345 = 1,830.2043 → 1,830.20 EUR
 *   coat  40 × 125.00 =  5,000.00 PLN →  5,000.00 / 4.2345 = 1,180.7770 → 1,180.78 EUR
 *   coat  12 × 125.00 =  1,500.00 PLN →  1,500.00 / 4.2345 =   354.2331 →   354.23 EUR
 *   coat  25 × 125.00 =  3,125.00 PLN →  3,125.00 / 4.2345 =   737.9856 →   737.99 EUR
 *   weld  40 × 148.00 =  5,920.00 EUR →  5,920.00 × 4.2345 = 25,068.24 PLN
 *   weld  12 × 148.00 =  1,776.00 EUR →  1,776.00 × 4.2345 =  7,520.472 →  7,520.47 PLN
 *   weld  25 × 148.00 =  3,700.00 EUR →  3,700.00 × 4.2345 = 15,667.65 PLN
 * EUR: 2,928.33 + 878.50 + 1,830.20 + 1,180.78 + 354.23 + 737.99 = 7,910.03 from PLN awards, + 11,396.00 weld = 19,306.03
 * PLN: 12,400 + 3,720 + 7,750 + 5,000 + 1,500 + 3,125 = 33,495.00, + 25,068.24 + 7,520.47 + 15,667.65 = 81,751.36
 */
const PL_CLUSTER = {
  // All 26 Polish firms publish at least one offer (105 of their 114 offers are published, 9 stay drafts).
  'members-active': 26,
  'offers-published': 105,
  // The seed changes no published offer: the offers kept current are the ones published.
  'offers-kept-current': 105,
  // The three awarded chains and the gates order (the drive-shaft order is cancelled before it is published).
  'orders-posted': 4,
  'packages-posted': 12,
  // 5 quotes on each of the three chains, SuwaLaser's and the joint quote (sent when its partner confirms) on the gates.
  'quotes-sent': 17,
  // Every order's first quote comes within the minute of its publication.
  'first-quote-minutes-median': 0,
  'packages-awarded': 9,
  'value-awarded-eur': 1_930_603,
  'value-awarded-pln': 8_175_136,
  'awards-unconverted': 0,
  // The three welds, awarded to Alytaus suvirinimo centras (LT) by the Polish buyer: 11,396.00 EUR.
  'value-cross-border-eur': 1_139_600,
  // 1,139,600 / 1,930,603 = 0.590282… rounded to 4 decimals.
  'cross-border-share': 0.5903,
  // Podlaska Fabryka Maszyn – Alytaus suvirinimo centras, first awarded with the 40-frame chain's weld.
  'new-pl-lt-pairs': 1,
  // The buyer's second and third award to each of its three suppliers.
  'repeat-awards': 6,
  handovers: 4,
  'handovers-on-time': 4,
  'on-time-rate': 1,
  // No coordinator endorses, invites or introduces anyone in the demo.
  'value-brokered-eur': 0,
  'value-brokered-pln': 0,
  'matches-endorsed': 0,
  // Matches are proposed for the open orders only; none of their packages is awarded.
  'matches-awarded': 0,
};

const LT_CLUSTER = {
  // All 18 Lithuanian firms publish at least one offer (70 of their 76 offers are published).
  'members-active': 18,
  'offers-published': 70,
  'offers-kept-current': 70,
  // Sūduvos plieno konstrukcijos' order; the pallet order stays a draft.
  'orders-posted': 1,
  'packages-posted': 3,
  // SuwaLaser's quote for its laser cutting.
  'quotes-sent': 1,
  'first-quote-minutes-median': 0,
  'packages-awarded': 0,
  'value-awarded-eur': 0,
  'value-awarded-pln': 0,
  'awards-unconverted': 0,
  'value-cross-border-eur': 0,
  'cross-border-share': null,
  'new-pl-lt-pairs': 0,
  'repeat-awards': 0,
  handovers: 0,
  'handovers-on-time': 0,
  'on-time-rate': null,
  'value-brokered-eur': 0,
  'value-brokered-pln': 0,
  'matches-endorsed': 0,
  'matches-awarded': 0,
};

/** Some firms' own figures (a firm counts what it did: as supplier for awards, as buyer for orders). */
const FIRMS: { key: string; country: Country; figures: Record<string, number | null> }[] = [
  {
    key: 'pl-podlaska-fabryka-maszyn',
    country: 'PL',
    figures: {
      'members-active': 1,
      'offers-published': 5,
      'orders-posted': 4,
      'packages-posted': 12,
      'quotes-sent': 0,
      'packages-awarded': 0,
      // A pair's figures count for both of its firms.
      'new-pl-lt-pairs': 1,
      'repeat-awards': 6,
      handovers: 0,
    },
  },
  {
    key: 'lt-alytaus-suvirinimo-centras',
    country: 'LT',
    figures: {
      'offers-published': 5,
      // Three welds and the joint quote it leads on the gates.
      'quotes-sent': 4,
      'packages-awarded': 3,
      'value-awarded-eur': 1_139_600,
      // 2,506,824 + 752,047 + 1,566,765 grosze (see above).
      'value-awarded-pln': 4_825_636,
      'value-cross-border-eur': 1_139_600,
      'cross-border-share': 1,
      'new-pl-lt-pairs': 1,
      'repeat-awards': 2,
      // The 40-frame chain's weld.
      handovers: 1,
      'handovers-on-time': 1,
    },
  },
  {
    key: 'pl-hydrociecie-podlasie',
    country: 'PL',
    figures: {
      'offers-published': 3,
      'quotes-sent': 3,
      'packages-awarded': 3,
      // 292,833 + 87,850 + 183,020 cents.
      'value-awarded-eur': 563_703,
      'value-awarded-pln': 2_387_000,
      'value-cross-border-eur': 0,
      'cross-border-share': 0,
      'new-pl-lt-pairs': 0,
      'repeat-awards': 2,
      // The cuts of the 40- and 12-frame chains.
      handovers: 2,
      'handovers-on-time': 2,
    },
  },
  {
    key: 'pl-kolor-powloki-lapy',
    country: 'PL',
    figures: {
      'quotes-sent': 3,
      'packages-awarded': 3,
      // 118,078 + 35,423 + 73,799 cents.
      'value-awarded-eur': 227_300,
      'value-awarded-pln': 962_500,
      handovers: 1,
    },
  },
  {
    key: 'pl-suwalaser-suwalki',
    country: 'PL',
    // Three chains, the gates and the Lithuanian order; it wins none.
    figures: { 'offers-published': 5, 'quotes-sent': 5, 'packages-awarded': 0, 'value-awarded-eur': 0 },
  },
  {
    key: 'lt-suduvos-plieno-konstrukcijos',
    country: 'LT',
    figures: { 'offers-published': 4, 'orders-posted': 1, 'packages-posted': 3, 'quotes-sent': 0 },
  },
];

/**
 * The product's demo data (`npm start` seeds it with prepareDatabase), rolled up by the real worker process as in
 * production (outbox relay → roll-up job per event), then rebuilt by `metrics:recompute`: the figures must be the
 * ones counted by hand from the seed.
 */
describe('KPIs of the demo data', () => {
  let app: TestApp;
  let worker: WorkerProcess | undefined;
  const { module: queueModule, prefix } = testQueueModule();
  const clusterOf: Record<Country, string> = { PL: '', LT: '' };
  const periodsOf: Record<Country, string[]> = { PL: [], LT: [] };

  const figures = async (scopeType: 'cluster' | 'firm', scopeId: string, period: string) => {
    const rows: { kpi: string; value: string | null }[] = await app.db.query(
      `SELECT kpi, value FROM ${METRICS_FIGURES} f WHERE scope_type = $1 AND scope_id = $2 AND period = $3`,
      [scopeType, scopeId, period],
    );
    return Object.fromEntries(rows.map((r) => [r.kpi, r.value === null ? null : Number(r.value)]));
  };

  /**
   * The match funnel from the worker's own match.proposed events (the seed makes no matches: the worker's matching
   * does): distinct (package, firm) proposals per cluster, and those whose firm sent a quote on the same order.
   */
  async function matchesFromEvents(clusterId: string): Promise<{ proposed: number; quoted: number }> {
    const [row] = await app.db.query(
      `WITH p AS (
         SELECT DISTINCT e.payload->>'orderId' AS order_id, x->>'packageId' AS package_id, x->>'firmId' AS firm_id
         FROM outbox_event e CROSS JOIN jsonb_array_elements(e.payload->'proposals') x WHERE e.type = 'match.proposed')
       SELECT count(*)::int AS proposed,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM outbox_event q WHERE q.type = 'quote.submitted'
                  AND q.payload->>'orderId' = p.order_id AND q.payload->>'leadFirmId' = p.firm_id))::int AS quoted
       FROM p JOIN cooperative_order o ON o.id::text = p.order_id WHERE o.cluster_id = $1`,
      [clusterId],
    );
    return row;
  }

  /** Every expected figure of the clusters and firms, at month, quarter and year. */
  async function expectDemoFigures(): Promise<void> {
    for (const [country, expected] of [
      ['PL', PL_CLUSTER],
      ['LT', LT_CLUSTER],
    ] as const) {
      const m = await matchesFromEvents(clusterOf[country]);
      // Matching proposes partners for both open orders.
      expect(m.proposed).toBeGreaterThan(0);
      for (const period of periodsOf[country]) {
        expect({ country, period, ...(await figures('cluster', clusterOf[country], period)) }).toEqual({
          country,
          period,
          ...expected,
          'matches-proposed': m.proposed,
          'matches-quoted': m.quoted,
        });
      }
    }
    for (const f of FIRMS) {
      const [{ firm_id: firmId }] = await app.db.query(
        `SELECT m.firm_id FROM firm_member m JOIN app_user u ON u.id = m.user_id WHERE u.email = $1`,
        [`${f.key}@firm.kooperant.demo`],
      );
      for (const period of periodsOf[f.country]) {
        expect({ firm: f.key, period, ...(await figures('firm', firmId, period)) }).toMatchObject({
          firm: f.key,
          period,
          ...f.figures,
        });
      }
    }
  }

  beforeAll(async () => {
    app = await createTestApp([queueModule], [], { QUEUE_PREFIX: prefix });
    await clearOfMonthEnd();
    await prepareDatabase(app.config, () => undefined);
    for (const [country, code] of [
      ['PL', 'kom-bialystok'],
      ['LT', 'alytus-metal'],
    ] as const) {
      const [row] = await app.db.query(`SELECT id FROM cluster WHERE code = $1`, [code]);
      clusterOf[country] = row.id;
    }

    worker = startWorkerProcess({
      DATABASE_URL: app.config.databaseUrl as string,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
    });
    await worker.ready();
    const rolledUp = async () => {
      const [{ waiting }] = await app.db.query(
        `SELECT count(*)::int AS waiting FROM outbox_event o
         WHERE o.type = ANY($1::varchar[]) AND NOT EXISTS (SELECT 1 FROM metrics_event m WHERE m.id = o.id)`,
        [METRIC_EVENT_TYPES],
      );
      return waiting === 0;
    };
    // The worker relays the seed's events, matches the open orders (whose match.proposed events come later) and rolls
    // every KPI event up, one job each.
    await waitForDrained(app.db, app.get(QueueRegistry), { ms: 90_000, describe: () => worker?.output() ?? '' });
    await waitFor('every KPI event to be rolled up', rolledUp, { ms: 30_000 });

    // Where the demo events fall: their first and last are in the same periods (see clearOfMonthEnd).
    const [span] = await app.db.query(
      `SELECT min(created_at) AS first, max(created_at) AS last FROM outbox_event WHERE type = ANY($1::varchar[])`,
      [METRIC_EVENT_TYPES],
    );
    for (const country of ['PL', 'LT'] as const) {
      periodsOf[country] = periodsIn(span.first, ZONE[country]);
      expect(periodsIn(span.last, ZONE[country])).toEqual(periodsOf[country]);
    }
  }, 300_000);

  afterAll(async () => {
    await worker?.stop();
    await removeTestQueues(prefix);
    await app?.close();
  });

  it('rolls the demo events up, as the worker does, to the figures counted by hand from the seed', async () => {
    // The expected values are at the demo's last NBP rate (2026-11-25): every award day must be on or after it.
    const days: { day: string }[] = await app.db.query(
      `SELECT DISTINCT to_char(created_at AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD') AS day FROM outbox_event
       WHERE type = 'package.awarded'`,
    );
    expect(days.every((d) => d.day >= '2026-11-25')).toBe(true);
    await expectDemoFigures();
    // Nothing counts in any other period.
    const periods: { period: string }[] = await app.db.query(`SELECT DISTINCT period FROM ${METRICS_FIGURES} f`);
    expect(periods.map((p) => p.period).sort()).toEqual([...new Set([...periodsOf.PL, ...periodsOf.LT])].sort());
  });

  it('gives the same figures after metrics:recompute', async () => {
    await worker?.stop();
    const all = () =>
      app.db.query(
        `SELECT scope_type, scope_id, period, kpi, value FROM ${METRICS_FIGURES} f ORDER BY scope_type, scope_id, period, kpi`,
      );
    const incremental = await all();
    await recomputeMetrics(app.config, () => undefined);
    expect(await all()).toEqual(incremental);
    await expectDemoFigures();
  });
});
