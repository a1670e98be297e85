import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DEMO_ACCOUNTS } from '@kooperant/identity';
import { METRIC_EVENT_TYPES, MetricsRollupService } from '@kooperant/metrics';
import { benchEnv, cli, dbUrl, recreateDb } from './harness';
import { dropBenchDb, machineBusyOver, machineCpu, pct, quantiles, round1 } from './measure';
import { yearOfActivity, type ActivityFirm, type Country, type OutboxRow } from './kpi-activity';
import { measureKpiQueries, type QueryRun } from './kpi-queries';
import { platformTimeLimits, rollupContext, statementClock } from './rollup-context';

/**
 * The cooperation KPIs at scale: the demo data and `firms` generated firms (half Polish, half Lithuanian, verified
 * members of the two partner clusters, a few of both), then a year (2025) of their activity written straight into
 * `outbox_event` as relayed rows (seeded, so every run has the same data). Measures, in one run:
 * - a full recomputation (`MetricsRollupService.recomputeAll`, what `cli metrics:recompute` runs) of the year, in a
 *   Nest context of MetricsModule whose connections have no statement or idle-in-transaction time limit: the longest
 *   statement and the longest wait inside the transaction are printed against the platform's limits instead;
 * - after an ANALYZE (as autovacuum would make in time), incremental roll-ups on top: the year's last `INCREMENTAL`
 *   KPI events, held back from the outbox, then written and rolled up one by one with `applyOutboxEvent` (what the
 *   worker's job does per event), for at most `INCREMENTAL_BUDGET_MS`;
 * - the real gateway over loopback at `CONNECTIONS` connections, `seconds` each after a 2-second warm-up:
 *   `{ __typename }` (the baseline), `clusterKpis` (every KPI, 12 months, the partner beside), `firmBenefitStatement`
 *   of random firms (each as a member of that firm), `topCooperatingPairs`, the CSV table and the PDF report.
 * Prints Markdown tables with ratios. Asserts nothing. Drops its database unless BENCH_KEEP_DB is set.
 *   npm run bench -- kpis [firms] [seconds]
 */
const DB = 'kbench_kpis';
const YEAR = 2025;
const ORDERS_PER_FIRM = 6;
const SEED = 2025_11_26;
const INCREMENTAL = 300;
/** At most this long for the incremental roll-ups (each takes longer the more facts its cells hold). */
const INCREMENTAL_BUDGET_MS = 300_000;
const CONNECTIONS = 8;
const OUTBOX_CHUNK = 5_000;

const f1 = (x: number) => (Number.isFinite(x) ? round1(x).toLocaleString('en') : '-');
const int = (x: number) => Math.round(x).toLocaleString('en');

interface World {
  clusters: Record<Country, string>;
  firms: ActivityFirm[];
  /** A user of each firm (its admin), who reads the firm's benefit statement. */
  members: { userId: string; firmId: string }[];
}

/**
 * The dimension rows the KPIs read: the generated firms (from `seed:scale`), a few of them also verified members of
 * the partner cluster, and a user for each firm (with the demo password).
 */
async function prepareWorld(pg: Client): Promise<World> {
  const clusters = Object.fromEntries(
    (await pg.query<{ id: string; country: Country }>(`SELECT id, trim(country) AS country FROM cluster`)).rows.map(
      (c) => [c.country, c.id],
    ),
  ) as Record<Country, string>;
  await pg.query(
    `INSERT INTO cluster_membership (firm_id, cluster_id, status, decided_at)
     SELECT f.id, c.id, 'verified', now() FROM firm f JOIN cluster c ON c.country <> f.country
     WHERE f.name LIKE 'Scale %' AND substring(f.name FROM '[0-9]+$')::int % 33 = 0
     ON CONFLICT DO NOTHING`,
  );
  const { rows } = await pg.query<{ id: string; country: Country; membership_id: string; cluster_id: string }>(
    `SELECT f.id, trim(f.country) AS country, m.id AS membership_id, m.cluster_id
     FROM firm f JOIN cluster_membership m ON m.firm_id = f.id AND m.status = 'verified'
     JOIN cluster c ON c.id = m.cluster_id
     WHERE f.name LIKE 'Scale %' ORDER BY f.name, c.country = f.country DESC`,
  );
  const byId = new Map<string, ActivityFirm>();
  for (const r of rows) {
    const firm = byId.get(r.id) ?? { id: r.id, country: r.country, memberships: [] };
    firm.memberships.push({ clusterId: r.cluster_id, membershipId: r.membership_id });
    byId.set(r.id, firm);
  }
  await pg.query(
    `INSERT INTO app_user (email, password_hash, display_name, locale, time_zone)
     SELECT 'kbench-' || lower(replace(f.name, ' ', '-')) || '@firm.kooperant.bench',
            (SELECT password_hash FROM app_user WHERE email = $1), f.name,
            CASE WHEN f.country = 'PL' THEN 'pl' ELSE 'lt' END,
            CASE WHEN f.country = 'PL' THEN 'Europe/Warsaw' ELSE 'Europe/Vilnius' END
     FROM firm f WHERE f.name LIKE 'Scale %'`,
    [DEMO_ACCOUNTS.plCoordinator.email],
  );
  const members = await pg.query<{ userId: string; firmId: string }>(
    `INSERT INTO firm_member (user_id, firm_id, role)
     SELECT u.id, f.id, 'admin' FROM firm f
     JOIN app_user u ON u.email = 'kbench-' || lower(replace(f.name, ' ', '-')) || '@firm.kooperant.bench'
     WHERE f.name LIKE 'Scale %' RETURNING user_id AS "userId", firm_id AS "firmId"`,
  );
  return { clusters, firms: [...byId.values()], members: members.rows };
}

/** Sample NBP EUR/PLN mid rates (not the bank's figures) for every weekday of the year, a month either side. */
async function insertRates(pg: Client): Promise<number> {
  const { rowCount } = await pg.query(
    `INSERT INTO exchange_rate (source, base, quote, rate, effective_date, table_no)
     SELECT 'NBP', 'EUR', 'PLN', round((4.27 + 0.06 * sin(n / 19.0) + 0.015 * sin(n / 3.0))::numeric, 4), d,
            lpad((row_number() OVER (PARTITION BY extract(year FROM d) ORDER BY d))::text, 3, '0') || '/A/NBP/'
              || extract(year FROM d)
     FROM (SELECT g::date AS d, row_number() OVER (ORDER BY g) AS n
           FROM generate_series($1::date, $2::date, interval '1 day') g WHERE extract(isodow FROM g) < 6) x
     ON CONFLICT (source, base, quote, effective_date) DO NOTHING`,
    [`${YEAR - 1}-12-01`, `${YEAR + 1}-03-31`],
  );
  return rowCount ?? 0;
}

/** Writes events as outbox rows already relayed (published when created), a few thousand rows a statement. */
async function writeOutbox(pg: Client, rows: readonly OutboxRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += OUTBOX_CHUNK) {
    const c = rows.slice(i, i + OUTBOX_CHUNK);
    await pg.query(
      `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload, created_at, published_at)
       SELECT x.id, x.type, x.aggregate_type, x.aggregate_id, x.payload, x.at, x.at
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::jsonb[], $6::timestamptz[])
         AS x(id, type, aggregate_type, aggregate_id, payload, at)`,
      [
        c.map((e) => e.id),
        c.map((e) => e.type),
        c.map((e) => e.aggregateType),
        c.map((e) => e.aggregateId),
        c.map((e) => JSON.stringify(e.payload)),
        c.map((e) => new Date(e.at).toISOString()),
      ],
    );
  }
}

/** Events by type, and what they amount to. */
function volume(events: readonly OutboxRow[]): string {
  const byType = new Map<string, number>();
  for (const e of events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const packages = events
    .filter((e) => e.type === 'order.published')
    .reduce((a, e) => a + Number(e.payload['packageCount']), 0);
  const offers = new Set(events.filter((e) => e.aggregateType === 'offer').map((e) => e.aggregateId)).size;
  const types = [...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${int(n)}`);
  return `${int(events.length)} events: ${int(byType.get('order.published') ?? 0)} orders with ${int(packages)} packages, ${int(offers)} offers; ${types.join(', ')}`;
}

interface Incremental {
  events: number;
  applied: number;
  seconds: number;
  ms: number[];
  byType: Map<string, number[]>;
}

/**
 * Rolls the held-back events up one by one in their order, as the worker does (one job per event), timing each;
 * stops after `budgetMs` (those left are not rolled up).
 */
async function rollUpOneByOne(
  rollup: MetricsRollupService,
  events: readonly OutboxRow[],
  budgetMs: number,
): Promise<Incremental> {
  const ms: number[] = [];
  const byType = new Map<string, number[]>();
  let applied = 0;
  const t0 = performance.now();
  for (const e of events) {
    if (performance.now() - t0 > budgetMs) break;
    const t = performance.now();
    if (await rollup.applyOutboxEvent(e.id)) applied++;
    const took = performance.now() - t;
    ms.push(took);
    byType.set(e.type, (byType.get(e.type) ?? []).concat(took));
  }
  return { events: ms.length, applied, seconds: (performance.now() - t0) / 1000, ms, byType };
}

interface Data {
  world: World;
  /** Written to the outbox before the recomputation. */
  bulk: OutboxRow[];
  /** The year's last KPI events, held back: rolled up one by one on top of the rest. */
  held: OutboxRow[];
  summary: string;
}

/** The demo data, the generated firms with their users, the rates, and a year of their events in the outbox. */
async function prepareData(pg: Client, env: NodeJS.ProcessEnv, firmCount: number): Promise<Data> {
  let t = performance.now();
  cli(['seed'], env);
  cli(['seed:scale', '0', String(firmCount)], env);
  await pg.connect();
  const world = await prepareWorld(pg);
  const rates = await insertRates(pg);
  const seedSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const events = yearOfActivity(world.firms, { year: YEAR, ordersPerFirm: ORDERS_PER_FIRM, seed: SEED });
  const genSeconds = (performance.now() - t) / 1000;
  const kpiTypes = new Set(METRIC_EVENT_TYPES);
  const yearEnd = Date.UTC(YEAR, 11, 31, 23);
  const held = events
    .filter((e) => kpiTypes.has(e.type) && e.at < yearEnd)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
    .slice(-INCREMENTAL);
  const heldIds = new Set(held.map((e) => e.id));
  const bulk = events.filter((e) => !heldIds.has(e.id));
  t = performance.now();
  await writeOutbox(pg, bulk);
  await pg.query(`ANALYZE outbox_event`);
  const writeSeconds = (performance.now() - t) / 1000;
  const [{ n }] = (await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event`)).rows;
  const summary =
    `demo data + ${int(world.firms.length)} firms and their users, ${rates} NBP rates in ${f1(seedSeconds)} s; ` +
    `${volume(events)}; generated in ${f1(genSeconds)} s; ${int(bulk.length)} written to outbox_event in ` +
    `${f1(writeSeconds)} s (${int(bulk.length / writeSeconds)} rows/s; ${int(n)} outbox rows with the demo data's)`;
  return { world, bulk, held, summary };
}

/** The full recomputation of the year, then the held-back events rolled up one by one; prints the figures. */
async function measureRollups(pg: Client, held: OutboxRow[]): Promise<void> {
  const limits = platformTimeLimits(dbUrl(DB));
  const app = await rollupContext(dbUrl(DB));
  try {
    const rollup = app.get(MetricsRollupService);
    statementClock.reset();
    const cpu0 = process.cpuUsage();
    const machine0 = machineCpu();
    let t = performance.now();
    const recomputed = await rollup.recomputeAll();
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu0);
    const machine1 = machineCpu();
    const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);
    const recomputeSql = [...statementClock.byStatement.values()].reduce((a, x) => a + x.totalMs, 0) / 1000;
    const recomputeLongest = statementClock.longest();
    const recomputeIdle = statementClock.maxIdleInTransactionMs;
    const recomputeSlowest = statementClock.slowest(4);
    // Statistics, as autovacuum would gather them in time: a recomputation leaves its tables unanalysed.
    t = performance.now();
    await pg.query(`ANALYZE`);
    const analyzeSeconds = (performance.now() - t) / 1000;
    await writeOutbox(pg, held);
    statementClock.reset();
    const inc = await rollUpOneByOne(rollup, held, INCREMENTAL_BUDGET_MS);
    const incLongest = statementClock.longest();
    const incSlowest = statementClock.slowest(3);

    const q = quantiles(inc.ms);
    const perEvent = (seconds * 1000) / recomputed.events;
    const s = (ms: number) => `${f1(ms / 1000)} s`;
    const over = (ms: number, limit: number) => (ms > limit ? `, over the platform's ${s(limit)}` : '');
    console.log('\n| roll-up | events | facts | figures | seconds | events/s | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| full recomputation (\`recomputeAll\`) | ${int(recomputed.events)} | ${int(recomputed.facts)} | ${int(recomputed.figures)} | ${f1(seconds)} | ${int(recomputed.events / seconds)} | | |`,
    );
    console.log(
      `| incremental, one by one (\`applyOutboxEvent\`): the year's last KPI events | ${inc.events} of ${held.length} (at most ${INCREMENTAL_BUDGET_MS / 1000} s; ${inc.applied} applied) | | | ${f1(inc.seconds)} | ${f1(inc.events / inc.seconds)} | ${f1(q.p50)} | ${f1(q.p99)} |`,
    );
    console.log(
      `recomputation: ${f1(perEvent)} ms an event; ${f1(recomputeSql)} s in SQL (${recomputeSlowest.map(([l, x]) => `${l}: ${x.count}× ${s(x.totalMs)}`).join('; ')}); ` +
        `longest statement ${recomputeLongest?.[0]} ${s(recomputeLongest?.[1].maxMs ?? 0)}${over(recomputeLongest?.[1].maxMs ?? 0, limits.statementMs)}, ` +
        `longest idle in its transaction ${s(recomputeIdle)}${over(recomputeIdle, limits.idleInTransactionMs)}; ` +
        `bench process ${f1((used.user + used.system) / 1e6)} CPU s, peak RSS ${peakRss} MiB; machine ${pct(machine1.busy - machine0.busy, machine1.total - machine0.total)} busy; ANALYZE afterwards ${f1(analyzeSeconds)} s`,
    );
    console.log(
      `incremental: mean ${f1(q.mean)} ms, max ${f1(Math.max(...inc.ms))} ms an event, as much as recomputing ${int(q.p50 / perEvent)} events from scratch (at p50); ` +
        `SQL: ${incSlowest.map(([l, x]) => `${l} ${x.count}× mean ${f1(x.totalMs / x.count)} ms`).join('; ')}; ` +
        `longest statement ${incLongest?.[0]} ${s(incLongest?.[1].maxMs ?? 0)}${over(incLongest?.[1].maxMs ?? 0, limits.statementMs)}`,
    );
    console.log(
      `incremental by type (count, mean ms, p99 ms): ${[...inc.byType]
        .sort((a, b) => b[1].length - a[1].length)
        .map(([type, ms]) => `${type} ${ms.length}, ${f1(quantiles(ms).mean)}, ${f1(quantiles(ms).p99)}`)
        .join('; ')}`,
    );
  } finally {
    await app.close();
  }
  const sizes = await pg.query<{ t: string; rows: string; mib: number }>(
    `SELECT relname AS t, reltuples::bigint::text AS rows, round(pg_total_relation_size(oid) / 1048576.0) AS mib
     FROM pg_class WHERE relname IN ('outbox_event', 'metrics_event', 'metrics_fact', 'metrics_fact_cell', 'metrics_cell_subject', 'metrics_cell_kind')
     ORDER BY relname`,
  );
  console.log(`tables: ${sizes.rows.map((x) => `${x.t} ${int(Number(x.rows))} rows, ${x.mib} MiB`).join('; ')}`);
}

function printQueries(run: QueryRun, seconds: number): void {
  const [baseline] = run.rows;
  console.log(`\nqueries over loopback, ${CONNECTIONS} connections, ${seconds} s each after a 2-second warm-up`);
  console.log(
    '| run | req/s | p50 ms | p99 ms | errors | vs `{ __typename }` | gateway CPU % of a core | machine busy % |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of run.rows) {
    console.log(
      `| ${x.name} | ${int(x.rps)} | ${x.p50} | ${x.p99} | ${x.errors} | ${pct(x.rps, baseline.rps)} | ${f1(x.gatewayCpu)} | ${f1(x.machineBusy)} |`,
    );
  }
  console.log(`answers: ${run.answers}; gateway peak RSS ${run.gatewayPeakRss ?? '-'} MiB`);
}

export async function benchKpis(firmCount = 5_000, seconds = 15): Promise<void> {
  const env = benchEnv(DB, { ACCESS_TOKEN_TTL_SECONDS: '3600' });
  const idle = await machineBusyOver(2000);
  await recreateDb(DB);
  const pg = new Client({ connectionString: dbUrl(DB) });
  try {
    const data = await prepareData(pg, env, firmCount);
    console.log(
      `\nKPIs, ${int(firmCount)} firms, a year (${YEAR}) of activity; ${cpus().length} cores; machine busy before the run: ${f1(idle)} %`,
    );
    console.log(`data: ${data.summary}`);
    await measureRollups(pg, data.held);
    const run = await measureKpiQueries(env, {
      year: YEAR,
      clusterId: data.world.clusters.PL,
      members: data.world.members,
      connections: CONNECTIONS,
      seconds,
      seed: SEED,
    });
    printQueries(run, seconds);
  } finally {
    await pg.end().catch(() => undefined);
    await dropBenchDb(DB);
  }
}
