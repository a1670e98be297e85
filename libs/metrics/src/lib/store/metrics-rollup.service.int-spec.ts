import { randomUUID } from 'node:crypto';
import { IdentityModule } from '@kooperant/identity';
import { ExchangeRateService } from '@kooperant/orders';
import { insertCluster, registerFirm } from '@kooperant/identity/testing';
import { createTestApp, type TestApp } from '@kooperant/platform-testing';
import { MetricsRollupProcessor } from '../jobs/metrics-rollup.processor';
import { MetricsModule } from '../metrics.module';
import type { MetricsDimensions } from '../core/fact';
import type { MetricEvent } from '../core/metric-event';
import type { MetricsCountry } from '../core/periods';
import { figuresFromEvents } from '../core/recompute';
import { randomCooperation, shuffled, type RandomWorld } from '../../testing/random-cooperation';
import { METRICS_FIGURES } from './metrics-figures.sql';
import { MetricsRollupService } from './metrics-rollup.service';

const DAY_MS = 86_400_000;

describe('MetricsRollupService', () => {
  let app: TestApp;
  let rollup: MetricsRollupService;
  let processor: MetricsRollupProcessor;

  beforeAll(async () => {
    app = await createTestApp([IdentityModule, MetricsModule], [MetricsRollupProcessor]);
    rollup = app.get(MetricsRollupService);
    processor = app.get(MetricsRollupProcessor);
  });

  beforeEach(() => app.reset());

  afterAll(() => app?.close());

  /**
   * Polish and Lithuanian clusters and firms (as many of each), NBP EUR rates on weekdays from February 2025. The more
   * scopes, the fewer facts a cell has, and the quicker each event's cells are aggregated again.
   */
  async function world(clustersEach = 3, firmsEach = 12): Promise<RandomWorld & { dims: MetricsDimensions }> {
    const country = new Map<string, MetricsCountry>();
    const clusters: RandomWorld['clusters'] = [];
    const firms: RandomWorld['firms'] = [];
    for (let i = 0; i < 2 * clustersEach; i++) {
      const c = i % 2 ? 'LT' : 'PL';
      const id = await insertCluster(app.db, c);
      clusters.push({ id, country: c });
      country.set(id, c);
    }
    for (let i = 0; i < 2 * firmsEach; i++) {
      const c = i % 2 ? 'LT' : 'PL';
      const { firmId } = await registerFirm(app, c);
      firms.push({ id: firmId, country: c });
      country.set(firmId, c);
    }
    // Awards in January 2025 have no rate yet: their value counts in their own currency only.
    const rates: { day: string; rate: string }[] = [];
    for (let t = Date.UTC(2025, 1, 1); t < Date.UTC(2027, 0, 1); t += DAY_MS) {
      const d = new Date(t);
      if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
      rates.push({ day: d.toISOString().slice(0, 10), rate: `4.${2000 + ((t / DAY_MS) % 997)}` });
    }
    await app.db.query(
      `INSERT INTO exchange_rate (source, base, quote, rate, effective_date, table_no)
       SELECT 'NBP', 'EUR', 'PLN', r, d::date, 'test' FROM unnest($1::text[], $2::numeric[]) AS x(d, r)`,
      [rates.map((r) => r.day), rates.map((r) => r.rate)],
    );
    const dims: MetricsDimensions = {
      firmCountry: (id) => country.get(id),
      clusterCountry: (id) => country.get(id),
      eurPlnRate: (day) => {
        const r = [...rates].reverse().find((x) => x.day <= day);
        // numeric(18, 8) as PostgreSQL writes it
        return r && { source: 'NBP', date: r.day, rate: `${r.rate}0000` };
      },
    };
    return { clusters, firms, dims };
  }

  async function writeOutbox(events: MetricEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 2_000) {
      const chunk = events.slice(i, i + 2_000);
      await app.db.query(
        `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload, created_at, published_at)
         SELECT id, type, 'test', $3::uuid, payload, at, at
         FROM unnest($1::uuid[], $2::varchar[], $4::jsonb[], $5::timestamptz[]) AS x(id, type, payload, at)`,
        [
          chunk.map((e) => e.id),
          chunk.map((e) => e.type),
          randomUUID(),
          chunk.map((e) => JSON.stringify(e.payload)),
          chunk.map((e) => e.at.toISOString()),
        ],
      );
    }
  }

  /** What the worker does with an event's roll-up job. */
  const rollUp = (e: MetricEvent) => processor.handle({ eventId: e.id });

  /** Every row the roll-up keeps, as sorted text. */
  async function snapshot(): Promise<{ figures: string[]; facts: string[]; cells: string[]; events: number }> {
    const rows = async (sql: string) => ((await app.db.query(sql)) as { row: string }[]).map((r) => r.row);
    const [{ events }] = await app.db.query(`SELECT count(*)::int AS events FROM metrics_event`);
    return {
      figures: await rows(
        `SELECT concat_ws('|', scope_type, scope_id, period, kpi, value::text) AS row FROM ${METRICS_FIGURES} f ORDER BY 1`,
      ),
      facts: await rows(
        `SELECT concat_ws('|', partition, key, kind, at, subject, cluster_id, firm_id, other_firm_id, n, amount_minor,
           currency, eur_minor, pln_minor, rate, rate_source, rate_date) AS row FROM metrics_fact ORDER BY 1`,
      ),
      cells: await rows(
        `SELECT concat_ws('|', scope_type, scope_id, period, partition, key) AS row FROM metrics_fact_cell ORDER BY 1`,
      ),
      events,
    };
  }

  it('rolls up 10,000 random events, late and replayed, to exactly the figures a recomputation from the outbox gives', async () => {
    const w = await world();
    const events = randomCooperation(w, 10_000, 20261126);
    expect(events).toHaveLength(10_000);
    await writeOutbox(events);
    // Delivered in a random order (late events), one in twenty twice (a relay that died before marking them).
    const deliveries = shuffled([...events, ...events.filter((_, i) => i % 20 === 7)], 42);
    // As the worker's jobs come: in waves of 1 to 60 at once, each wave rolled up in one or a few batches.
    for (let i = 0, wave = 1; i < deliveries.length; i += wave, wave = 1 + ((i * 7919) % 60)) {
      await Promise.all(deliveries.slice(i, i + wave).map(rollUp));
    }
    const incremental = await snapshot();
    expect(incremental.events).toBe(10_000);
    expect(incremental.figures.length).toBeGreaterThan(1_000);

    const result = await rollup.recomputeAll();
    const recomputed = await snapshot();

    expect(result.events).toBe(10_000);
    expect(recomputed.facts).toEqual(incremental.facts);
    expect(recomputed.cells).toEqual(incremental.cells);
    expect(recomputed.figures).toEqual(incremental.figures);
    // The database's aggregates are the pure core's: the same figures computed in memory.
    const inMemory = figuresFromEvents(events, w.dims)
      .map((f) => `${f.scopeType}|${f.scopeId}|${f.period}|${f.kpi}|${f.value ?? ''}`)
      .sort();
    const fromDb = recomputed.figures
      .map((row) => {
        const [scope, id, period, kpi, value] = row.split('|');
        return `${scope}|${id}|${period}|${kpi}|${value ? Number(value) : ''}`;
      })
      .sort();
    expect(fromDb).toEqual(inMemory);
  }, 1_200_000);

  it('converts awards again when the rates of their days are imported after them, as a recomputation does', async () => {
    const w = await world(1, 6);
    // June's NBP tables are not imported yet: June's awards are converted at the last rate of May.
    await app.db.query(
      `DELETE FROM exchange_rate WHERE effective_date >= '2025-06-01' AND effective_date < '2025-07-01'`,
    );
    const events = randomCooperation(w, 4_000, 20261127);
    await writeOutbox(events);
    for (let i = 0; i < events.length; i += 100) await Promise.all(events.slice(i, i + 100).map(rollUp));
    const atOldRates = `SELECT count(*)::int AS n FROM metrics_fact
      WHERE kind = 'award' AND at >= '2025-06-03' AND at < '2025-07-01' AND rate_date < '2025-06-01'`;
    const [before] = await app.db.query(atOldRates);
    expect(before.n).toBeGreaterThan(0);

    // They arrive late, in one import of the month, through the import coordinators use.
    const tables = [];
    for (let t = Date.UTC(2025, 5, 2), no = 104; t < Date.UTC(2025, 6, 1); t += DAY_MS) {
      const d = new Date(t);
      if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
      tables.push({
        table: 'A',
        no: `${String(no++).padStart(3, '0')}/A/NBP/2025`,
        effectiveDate: d.toISOString().slice(0, 10),
        rates: [{ currency: 'euro', code: 'EUR', mid: 4.2712 }],
      });
    }
    await app.get(ExchangeRateService).importNbp(JSON.stringify(tables));
    const [imported] = await app.db.query(
      `SELECT id, payload FROM outbox_event WHERE type = 'exchange-rates.imported' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(imported.payload).toMatchObject({ source: 'NBP', inserted: tables.length, firstChangedDate: '2025-06-02' });
    expect(await processor.handle({ eventId: imported.id })).toEqual({ applied: true });

    const [after] = await app.db.query(atOldRates);
    expect(after.n).toBe(0);
    const incremental = await snapshot();
    await rollup.recomputeAll();
    const recomputed = await snapshot();
    expect(recomputed.facts).toEqual(incremental.facts);
    expect(recomputed.cells).toEqual(incremental.cells);
    expect(recomputed.figures).toEqual(incremental.figures);
  }, 180_000);

  it('rolls up the rest of a batch when one of its events fails, and fails only that one', async () => {
    const w = await world(1, 4);
    const events = randomCooperation(w, 200, 11);
    await writeOutbox(events);
    const results = await Promise.allSettled([
      ...events.slice(0, 100).map(rollUp),
      processor.handle({ eventId: 'not-an-id' }),
      ...events.slice(100).map(rollUp),
    ]);

    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[100].status).toBe('rejected');
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM metrics_event`);
    expect(n).toBe(200);
    const incremental = await snapshot();
    await rollup.recomputeAll();
    expect(await snapshot()).toEqual(incremental);
  });

  it('changes nothing when every event is replayed, in another order, nor when recomputed', async () => {
    const w = await world(2, 6);
    const events = randomCooperation(w, 1_500, 7);
    await writeOutbox(events);
    for (const e of events) await rollUp(e);
    const before = await snapshot();

    const applied = [];
    for (const e of shuffled(events, 3)) applied.push(await rollup.apply(e));

    expect(applied.every((a) => a === false)).toBe(true);
    expect(await snapshot()).toEqual(before);
    await rollup.recomputeAll();
    expect(await snapshot()).toEqual(before);
  }, 600_000);
});
