import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@kooperant/platform-database';
import { cellsOf } from '../core/cells';
import { deriveFirmFacts, derivePairFacts, derivePartitionFacts } from '../core/derive-facts';
import { contextWith, type Fact, type MetricsContext } from '../core/fact';
import { METRIC_EVENT_TYPES, pairPartition, partitionOf, type MetricEvent } from '../core/metric-event';
import { RATES_IMPORTED_EVENT } from '@kooperant/orders';
import type { PlacedFact } from '../core/recompute';
import { AggregateDeltas, MEDIAN_KINDS, REBUILD_AGGREGATES_SQL } from './cell-aggregates';
import {
  canonical,
  deleteCells,
  deleteFacts,
  factsOfPartitions,
  factsWhere,
  insertCells,
  insertFacts,
  sameFacts,
} from './fact-rows';
import { METRICS_FIGURES } from './metrics-figures.sql';
import { MetricsDimensionsLoader, needsOf } from './metrics-dimensions';

/** Outbox rows as the KPIs read them (`where` on outbox_event, parameters from $1). */
async function outboxEvents(m: EntityManager, where: string, params: unknown[]): Promise<MetricEvent[]> {
  const rows: { id: string; type: string; payload: Record<string, unknown>; created_at: Date }[] = await m.query(
    `SELECT id, type, payload, created_at FROM outbox_event WHERE ${where}`,
    params,
  );
  return rows.map((r) => ({ id: r.id, type: r.type, at: new Date(r.created_at), payload: r.payload }));
}

interface StoredEventRow {
  id: string;
  type: string;
  partition: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

const storedEvent = (r: StoredEventRow): MetricEvent => ({
  id: r.id,
  type: r.type,
  at: new Date(r.occurred_at),
  payload: r.payload,
});

/** Stored events grouped by their partition. */
function byPartition(rows: readonly StoredEventRow[]): Map<string, MetricEvent[]> {
  const out = new Map<string, MetricEvent[]>();
  for (const r of rows) {
    const list = out.get(r.partition);
    if (list) list.push(storedEvent(r));
    else out.set(r.partition, [storedEvent(r)]);
  }
  return out;
}

/** Rows read in transaction `m` through a cursor, CHUNK at a time, each chunk handled before the next is read. */
async function eachChunk<R>(m: EntityManager, select: string, handle: (rows: R[]) => Promise<void>): Promise<void> {
  await m.query(`DECLARE kpi_rows NO SCROLL CURSOR FOR ${select}`);
  for (;;) {
    const rows: R[] = await m.query(`FETCH ${CHUNK} FROM kpi_rows`);
    if (rows.length) await handle(rows);
    if (rows.length < CHUNK) break;
  }
  await m.query(`CLOSE kpi_rows`);
}

/** Rows a recomputation reads or writes at a time. */
const CHUNK = 5_000;

/** Events rolled up in one transaction at most. */
const MAX_BATCH = 200;

interface PendingRollup {
  id: string;
  /** The event, when given; else it is read from the outbox. */
  event?: MetricEvent;
  done(applied: boolean): void;
  fail(e: unknown): void;
}

/** Every roll-up change holds this transaction lock: figures are read-modify-written per cell, so one writer at a time. */
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('kooperant.metrics.rollup'))`;

export interface RecomputeResult {
  events: number;
  facts: number;
  figures: number;
}

/**
 * Keeps the KPI roll-up (the cells' aggregates the figures are read from) up to date from domain events, and rebuilds it from the outbox.
 *
 * Incrementally, an event is stored once (keyed by its outbox id: a replay changes nothing), its partition's facts are
 * derived again from all of that partition's events (so a late event lands as if it had come in order), and the facts
 * that came, went or changed are counted into and out of their cells' aggregates by difference (never a whole cell
 * again: a cluster's year holds all of its facts), from which the figures are read. Events that
 * arrive while a roll-up runs are rolled up together in the next transaction. A full recomputation derives every fact
 * in memory from the outbox with the same pure core; the two must agree exactly, which an integration test checks.
 */
@Injectable()
export class MetricsRollupService {
  private readonly log = new Logger('Metrics');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dimensions: MetricsDimensionsLoader,
  ) {}

  /**
   * Roll-ups of this process, one after another: concurrent jobs wait here, in memory, rather than each holding a pool
   * connection while waiting for the database lock that serialises the roll-ups of all processes.
   */
  private turn: Promise<unknown> = Promise.resolve();

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Roll-ups asked for and not yet begun: the next turn takes them all (up to MAX_BATCH) into one transaction. */
  private readonly pending: PendingRollup[] = [];

  /**
   * Rolls up the outbox event of this id; false when it is gone, not a KPI event, or was rolled up already. Resolves
   * once the transaction that rolled it up (with the others waiting then) has committed.
   */
  applyOutboxEvent(eventId: string): Promise<boolean> {
    return this.enqueue(eventId);
  }

  /** Rolls one event up; false when it is not a KPI event or was rolled up already. */
  async apply(event: MetricEvent): Promise<boolean> {
    if (!partitionOf(event.type, event.payload)) return false;
    return this.enqueue(event.id, event);
  }

  private enqueue(id: string, event?: MetricEvent): Promise<boolean> {
    return new Promise<boolean>((done, fail) => {
      this.pending.push({ id, event, done, fail });
      void this.inTurn(() => this.drain());
    });
  }

  /**
   * Rolls up what is pending, in one transaction: one lock, one commit, and each partition derived once however many
   * of its events came (a ranked package proposes many matches of one order at once). When the batch fails, its events
   * are rolled up one by one, so that one bad event fails only its own job.
   */
  private async drain(): Promise<void> {
    const batch = this.pending.splice(0, MAX_BATCH);
    if (!batch.length) return;
    try {
      const applied = await this.applyBatch(batch);
      batch.forEach((p, i) => p.done(applied[i]));
    } catch (e) {
      if (batch.length === 1) return batch[0].fail(e);
      for (const p of batch) {
        await this.applyBatch([p]).then(([applied]) => p.done(applied), p.fail);
      }
    }
  }

  /** Whether each event was rolled up now (false: gone, not a KPI event, rolled up before, or twice in the batch). */
  private applyBatch(batch: readonly PendingRollup[]): Promise<boolean[]> {
    return this.db.transaction('READ COMMITTED', async (m) => {
      await m.query(LOCK_SQL);
      await this.dimensions.followRates(m);
      const unloaded = batch.filter((p) => !p.event).map((p) => p.id);
      const loaded = new Map(
        (unloaded.length ? await outboxEvents(m, `id = ANY($1::uuid[])`, [unloaded]) : []).map((e) => [e.id, e]),
      );
      const given = batch.map((p) => p.event ?? loaded.get(p.id));
      // Rates imported or corrected: every order with an award on or after the first day changed (and the day before,
      // for the time zones) is derived again below, converted at the rates in force now.
      const rateImports = given.filter((e): e is MetricEvent => e?.type === RATES_IMPORTED_EVENT);
      const firstRateDay = rateImports
        .map((e) => e.payload['firstChangedDate'])
        .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
        .sort()[0];
      const rerated: string[] = firstRateDay
        ? (
            await queryRows<{ partition: string }>(
              m,
              `SELECT DISTINCT partition FROM metrics_fact WHERE kind = 'award' AND at >= $1::date - 1`,
              [firstRateDay],
            )
          ).map((r) => r.partition)
        : [];
      const events = given
        .map((e) => (e ? { e, partition: partitionOf(e.type, e.payload) } : null))
        .filter((x): x is { e: MetricEvent; partition: string } => x?.partition != null);
      const stored = new Set(
        events.length
          ? (
              await queryRows<{ id: string }>(
                m,
                `INSERT INTO metrics_event (id, type, partition, occurred_at, payload)
                 SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::jsonb[])
                 ON CONFLICT (id) DO NOTHING RETURNING id`,
                [
                  events.map((x) => x.e.id),
                  events.map((x) => x.e.type),
                  events.map((x) => x.partition),
                  events.map((x) => x.e.at.toISOString()),
                  events.map((x) => JSON.stringify(x.e.payload)),
                ],
              )
            ).map((r) => r.id)
          : [],
      );
      // Memberships first: they place the facts of the orders and offers that follow (either order gives the same).
      const partitions = [
        ...new Set([...events.filter((x) => stored.has(x.e.id)).map((x) => x.partition), ...rerated]),
      ].sort((a, b) => Number(!a.startsWith('firm:')) - Number(!b.startsWith('firm:')) || (a < b ? -1 : a > b ? 1 : 0));
      const deltas = new AggregateDeltas();
      const others: string[] = [];
      for (const partition of partitions) {
        if (partition.startsWith('firm:')) await this.refreshFirm(m, partition, deltas);
        else others.push(partition);
      }
      // The orders' and offers' events and facts in two reads for the batch, after the memberships have moved their
      // cells (refreshing one of them writes only its own facts and its pairs').
      if (others.length) {
        const events = byPartition(await this.storedRows(m, `partition = ANY($1::varchar[])`, [others]));
        const facts = new Map<string, PlacedFact[]>(others.map((x) => [x, []]));
        for (const f of await factsOfPartitions(m, others)) facts.get(f.partition)?.push(f);
        for (const partition of others) {
          await this.refreshPartition(m, partition, events.get(partition) ?? [], facts.get(partition) ?? [], deltas);
        }
      }
      await deltas.apply(m);
      const first = new Set<string>();
      const rateImportIds = new Set(rateImports.map((e) => e.id));
      return batch.map((p) => {
        const now = (stored.has(p.id) || rateImportIds.has(p.id)) && !first.has(p.id);
        first.add(p.id);
        return now;
      });
    });
  }

  /** Rebuilds every event, fact and figure from the outbox, in one transaction. */
  recomputeAll(): Promise<RecomputeResult> {
    return this.inTurn(() => this.recomputeInTurn());
  }

  /**
   * The recomputation streams: the outbox is read through a cursor a chunk at a time into metrics_event, then the
   * stored events are read back through a cursor in partition order, each partition derived (with the same core as
   * `deriveAll`: memberships first, then orders and offers, then pairs of firms from the standing awards) and its
   * facts written in chunks. Memory holds a chunk of events, the memberships and the awards, not the whole outbox.
   */
  private recomputeInTurn(): Promise<RecomputeResult> {
    return this.db.transaction('READ COMMITTED', async (m) => {
      await m.query(LOCK_SQL);
      await this.dimensions.followRates(m);
      // Maintenance, not a request: a year of a large platform takes minutes, and single statements (the aggregates
      // of every cell) longer than the limits the platform sets on its connections.
      await m.query(`SET LOCAL statement_timeout = 0`);
      await m.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
      await m.query(`TRUNCATE metrics_event, metrics_fact, metrics_fact_cell, metrics_cell_subject, metrics_cell_kind`);
      const types = METRIC_EVENT_TYPES.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ');
      let events = 0;
      await eachChunk(
        m,
        `SELECT id, type, payload, created_at FROM outbox_event WHERE type IN (${types})`,
        async (rows: { id: string; type: string; payload: Record<string, unknown>; created_at: Date }[]) => {
          const kept = rows
            .map((r) => ({ r, partition: partitionOf(r.type, r.payload) }))
            .filter((x): x is { r: (typeof rows)[number]; partition: string } => x.partition !== null);
          events += kept.length;
          if (!kept.length) return;
          await m.query(
            `INSERT INTO metrics_event (id, type, partition, occurred_at, payload)
             SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::jsonb[])
             ON CONFLICT (id) DO NOTHING`,
            [
              kept.map((x) => x.r.id),
              kept.map((x) => x.r.type),
              kept.map((x) => x.partition),
              kept.map((x) => new Date(x.r.created_at).toISOString()),
              kept.map((x) => JSON.stringify(x.r.payload)),
            ],
          );
        },
      );

      // Memberships first: they place the other facts in clusters.
      // (A firm's memberships need no dimensions; their clusters' countries are loaded at once below.)
      const memberships: PlacedFact[] = [];
      for (const [partition, evs] of byPartition(await this.storedRows(m, `partition LIKE 'firm:%'`))) {
        for (const fact of deriveFirmFacts(evs)) memberships.push({ partition, fact, cells: [] });
      }
      const held = memberships.map((p) => p.fact);
      const firmCtx = contextWith(await this.dimensions.load(m, needsOf([], held)), held);
      for (const p of memberships) p.cells = cellsOf(p.fact, firmCtx);
      await insertFacts(m, memberships);
      let facts = memberships.length;

      // Orders and offers, a partition at a time, in partition order; the awards kept for the pairs.
      const awardsByPair = new Map<string, Fact[]>();
      let pending: MetricEvent[] = [];
      let pendingPartition: string | null = null;
      const deriveChunk = async (groups: [string, MetricEvent[]][]) => {
        const ctx = contextWith(await this.dimensions.load(m, needsOf(groups.flatMap(([, evs]) => evs))), held);
        const placed: PlacedFact[] = [];
        for (const [partition, evs] of groups) {
          for (const fact of derivePartitionFacts(partition, evs, ctx)) {
            placed.push({ partition, fact, cells: cellsOf(fact, ctx) });
            if (fact.kind === 'award' && fact.otherFirmId) {
              const pair = pairPartition(fact.firmId, fact.otherFirmId);
              const list = awardsByPair.get(pair);
              if (list) list.push(fact);
              else awardsByPair.set(pair, [fact]);
            }
          }
        }
        await insertFacts(m, placed);
        facts += placed.length;
      };
      await eachChunk(
        m,
        `SELECT id, type, partition, occurred_at, payload FROM metrics_event WHERE partition NOT LIKE 'firm:%'
         ORDER BY partition`,
        async (rows: StoredEventRow[]) => {
          // A partition may go on in the next chunk: derive only those that are complete.
          const groups: [string, MetricEvent[]][] = [];
          for (const r of rows) {
            if (r.partition !== pendingPartition) {
              if (pendingPartition !== null) groups.push([pendingPartition, pending]);
              pendingPartition = r.partition;
              pending = [];
            }
            pending.push(storedEvent(r));
          }
          if (groups.length) await deriveChunk(groups);
        },
      );
      if (pendingPartition !== null) await deriveChunk([[pendingPartition, pending]]);

      const pairs = [...awardsByPair].sort(([a], [b]) => (a < b ? -1 : 1));
      const awards = pairs.flatMap(([, list]) => list);
      const pairCtx = contextWith(await this.dimensions.load(m, needsOf([], awards)), held);
      const pairFacts = pairs.flatMap(([pair, list]) =>
        derivePairFacts(list, pairCtx).map((fact) => ({ partition: pair, fact, cells: cellsOf(fact, pairCtx) })),
      );
      await insertFacts(m, pairFacts);
      facts += pairFacts.length;

      await m.query(REBUILD_AGGREGATES_SQL[0]);
      await m.query(REBUILD_AGGREGATES_SQL[1], [MEDIAN_KINDS]);
      // Statistics of the new rows, or the first queries are planned from the empty tables' (seen: 5 times slower).
      await m.query(`ANALYZE metrics_event, metrics_fact, metrics_fact_cell, metrics_cell_subject, metrics_cell_kind`);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM ${METRICS_FIGURES} f`);
      this.log.log(`recomputed ${facts} facts and ${n} figures from ${events} events`);
      return { events, facts, figures: n };
    });
  }

  /** Derives an order's or offer's facts again; then the pairs of firms whose awards changed. */
  private async refreshPartition(
    m: EntityManager,
    partition: string,
    events: MetricEvent[],
    before: PlacedFact[],
    deltas: AggregateDeltas,
  ): Promise<void> {
    const facts = derivePartitionFacts(partition, events, await this.dimensions.load(m, needsOf(events)));
    const after = await this.place(m, partition, facts);
    if (sameFacts(before, after)) return;
    const changed = await this.replace(m, before, after, deltas);
    const pairs = new Set<string>();
    for (const { fact } of changed) {
      if (fact.kind === 'award' && fact.otherFirmId) pairs.add(pairPartition(fact.firmId, fact.otherFirmId));
    }
    for (const pair of pairs) await this.refreshPair(m, pair, deltas);
  }

  /** Derives a pair's facts again from the standing awards between its two firms. */
  private async refreshPair(m: EntityManager, pair: string, deltas: AggregateDeltas): Promise<void> {
    const [, a, b] = pair.split(':');
    const awards = (
      await factsWhere(
        m,
        `f.kind = 'award' AND ((f.firm_id = $1 AND f.other_firm_id = $2) OR (f.firm_id = $2 AND f.other_firm_id = $1))`,
        [a, b],
      )
    ).map((p) => p.fact);
    const before = await factsOfPartitions(m, [pair]);
    const after = await this.place(
      m,
      pair,
      derivePairFacts(awards, await this.dimensions.load(m, needsOf([], awards))),
    );
    if (!sameFacts(before, after)) await this.replace(m, before, after, deltas);
  }

  /**
   * A firm's memberships changed: its facts that count for its clusters (offers, activity) move between clusters.
   * The facts themselves stay; their cells are placed again.
   */
  private async refreshFirm(m: EntityManager, partition: string, deltas: AggregateDeltas): Promise<void> {
    const before = await factsOfPartitions(m, [partition]);
    const after = deriveFirmFacts(await this.eventsOf(m, partition)).map((fact) => ({ partition, fact, cells: [] }));
    if (sameFacts(before, after)) return;
    await this.replace(m, before, after, deltas);
    const attributed = await factsWhere(m, `f.firm_id = $1 AND f.cluster_id IS NULL AND f.kind <> 'membership'`, [
      partition.slice('firm:'.length),
    ]);
    if (!attributed.length) return;
    const ctx = await this.contextFor(
      m,
      attributed.map((p) => p.fact),
      after.map((p) => p.fact),
    );
    const moved = attributed.map((p) => ({ ...p, cells: cellsOf(p.fact, ctx) }));
    await deleteCells(m, attributed);
    await insertCells(m, moved);
    for (const p of attributed) deltas.add(p, -1);
    for (const p of moved) deltas.add(p, 1);
  }

  /** Facts with the cells they count in. */
  private async place(m: EntityManager, partition: string, facts: Fact[]): Promise<PlacedFact[]> {
    const ctx = await this.contextFor(m, facts);
    return facts.map((fact) => ({ partition, fact, cells: cellsOf(fact, ctx) }));
  }

  /**
   * What placing facts needs: the countries (calendars) of their firms and clusters, and the memberships of the
   * firms whose facts count for their clusters (as stored, unless given), with those clusters' countries.
   */
  private async contextFor(m: EntityManager, facts: readonly Fact[], memberships?: Fact[]): Promise<MetricsContext> {
    const firms = [...new Set(facts.filter((f) => !f.clusterId).map((f) => f.firmId))];
    const held =
      memberships ??
      (firms.length
        ? (await factsWhere(m, `f.kind = 'membership' AND f.firm_id = ANY($1::uuid[])`, [firms])).map((p) => p.fact)
        : []);
    return contextWith(await this.dimensions.load(m, needsOf([], [...facts, ...held])), held);
  }

  /**
   * Replaces a partition's facts: writes only the facts that came, went or changed, marks their cells, and returns
   * them.
   */
  private async replace(
    m: EntityManager,
    before: PlacedFact[],
    after: PlacedFact[],
    deltas: AggregateDeltas,
  ): Promise<PlacedFact[]> {
    const [was, is] = [new Set(before.map(canonical)), new Set(after.map(canonical))];
    const gone = before.filter((p) => !is.has(canonical(p)));
    const came = after.filter((p) => !was.has(canonical(p)));
    await deleteFacts(m, gone);
    await insertFacts(m, came);
    for (const p of gone) deltas.add(p, -1);
    for (const p of came) deltas.add(p, 1);
    return [...gone, ...came];
  }

  private async eventsOf(m: EntityManager, partition: string): Promise<MetricEvent[]> {
    return (await this.storedRows(m, `partition = $1`, [partition])).map(storedEvent);
  }

  private storedRows(m: EntityManager, where: string, params: unknown[] = []): Promise<StoredEventRow[]> {
    return m.query(`SELECT id, type, partition, occurred_at, payload FROM metrics_event WHERE ${where}`, params);
  }
}
