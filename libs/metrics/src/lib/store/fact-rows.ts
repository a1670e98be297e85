import type { EntityManager } from 'typeorm';
import { isCurrency } from '@kooperant/platform-money';
import { cellKey, type ScopeType } from '../core/cells';
import type { Fact, FactKind } from '../core/fact';
import type { PlacedFact } from '../core/recompute';

/** A fact as stored, with the cells it counts in. */
interface FactRow {
  partition: string;
  key: string;
  kind: string;
  at: Date;
  subject: string;
  cluster_id: string | null;
  firm_id: string;
  other_firm_id: string | null;
  n: number | null;
  amount_minor: string | null;
  currency: string | null;
  eur_minor: string | null;
  pln_minor: string | null;
  rate: string | null;
  rate_source: string | null;
  rate_date: string | null;
  cells: [ScopeType, string, string][];
}

const SELECT_FACTS = `
  SELECT f.*, coalesce(json_agg(json_build_array(c.scope_type, c.scope_id, c.period)) FILTER (WHERE c.key IS NOT NULL), '[]') AS cells
  FROM metrics_fact f LEFT JOIN metrics_fact_cell c ON c.partition = f.partition AND c.key = f.key`;

const num = (v: string | number | null) => (v === null ? null : Number(v));

function fromRow(r: FactRow): PlacedFact {
  const fact: Fact = {
    key: r.key,
    kind: r.kind as FactKind,
    at: new Date(r.at),
    subject: r.subject,
    clusterId: r.cluster_id,
    firmId: r.firm_id,
    otherFirmId: r.other_firm_id,
    n: r.n,
    amountMinor: num(r.amount_minor),
    currency: isCurrency(r.currency) ? r.currency : null,
    eurMinor: num(r.eur_minor),
    plnMinor: num(r.pln_minor),
    rate: r.rate && r.rate_source && r.rate_date ? { rate: r.rate, source: r.rate_source, date: r.rate_date } : null,
  };
  return {
    partition: r.partition,
    fact,
    cells: r.cells.map(([scopeType, scopeId, period]) => ({ scopeType, scopeId, period })),
  };
}

/** The stored facts of some partitions, with their cells. */
export async function factsOfPartitions(m: EntityManager, partitions: string[]): Promise<PlacedFact[]> {
  const rows: FactRow[] = await m.query(
    `${SELECT_FACTS} WHERE f.partition = ANY($1::varchar[]) GROUP BY f.partition, f.key`,
    [partitions],
  );
  return rows.map(fromRow);
}

/** The stored facts that match a condition on `f` (parameters from $1). */
export async function factsWhere(m: EntityManager, where: string, params: unknown[]): Promise<PlacedFact[]> {
  const rows: FactRow[] = await m.query(`${SELECT_FACTS} WHERE ${where} GROUP BY f.partition, f.key`, params);
  return rows.map(fromRow);
}

/** A fact and its cells as one comparable string: what decides whether a partition changed. */
export function canonical(p: PlacedFact): string {
  const f = p.fact;
  return JSON.stringify([
    p.partition,
    f.key,
    f.kind,
    f.at.toISOString(),
    f.subject,
    f.clusterId ?? null,
    f.firmId,
    f.otherFirmId ?? null,
    f.n ?? null,
    f.amountMinor ?? null,
    f.currency ?? null,
    f.eurMinor ?? null,
    f.plnMinor ?? null,
    f.rate?.source ?? null,
    f.rate?.date ?? null,
    f.rate?.rate ?? null,
    p.cells.map(cellKey).sort(),
  ]);
}

export function sameFacts(a: readonly PlacedFact[], b: readonly PlacedFact[]): boolean {
  if (a.length !== b.length) return false;
  const left = a.map(canonical).sort();
  const right = b.map(canonical).sort();
  return left.every((x, i) => x === right[i]);
}

const FACT_KEYS = `unnest($1::varchar[], $2::varchar[]) AS x(partition, key)`;
const factKeys = (facts: readonly PlacedFact[]) => [facts.map((p) => p.partition), facts.map((p) => p.fact.key)];

/** Deletes the cells of these facts. */
export async function deleteCells(m: EntityManager, facts: readonly PlacedFact[]): Promise<void> {
  if (!facts.length) return;
  await m.query(
    `DELETE FROM metrics_fact_cell c USING ${FACT_KEYS} WHERE c.partition = x.partition AND c.key = x.key`,
    factKeys(facts),
  );
}

/** Deletes these facts and their cells. */
export async function deleteFacts(m: EntityManager, facts: readonly PlacedFact[]): Promise<void> {
  if (!facts.length) return;
  await deleteCells(m, facts);
  await m.query(
    `DELETE FROM metrics_fact f USING ${FACT_KEYS} WHERE f.partition = x.partition AND f.key = x.key`,
    factKeys(facts),
  );
}

/** Inserts facts with their cells, a few thousand rows a statement. */
export async function insertFacts(m: EntityManager, placed: readonly PlacedFact[]): Promise<void> {
  for (let i = 0; i < placed.length; i += 2_000) {
    const chunk = placed.slice(i, i + 2_000);
    if (!chunk.length) continue;
    const col = <T>(pick: (p: PlacedFact) => T) => chunk.map(pick);
    await m.query(
      `INSERT INTO metrics_fact (partition, key, kind, at, subject, cluster_id, firm_id, other_firm_id, n, amount_minor,
         currency, eur_minor, pln_minor, rate, rate_source, rate_date)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::varchar[], $6::uuid[],
         $7::uuid[], $8::uuid[], $9::int[], $10::bigint[], $11::bpchar[], $12::bigint[], $13::bigint[], $14::varchar[],
         $15::varchar[], $16::varchar[])`,
      [
        col((p) => p.partition),
        col((p) => p.fact.key),
        col((p) => p.fact.kind),
        col((p) => p.fact.at.toISOString()),
        col((p) => p.fact.subject),
        col((p) => p.fact.clusterId),
        col((p) => p.fact.firmId),
        col((p) => p.fact.otherFirmId ?? null),
        col((p) => p.fact.n ?? null),
        col((p) => p.fact.amountMinor ?? null),
        col((p) => p.fact.currency ?? null),
        col((p) => p.fact.eurMinor ?? null),
        col((p) => p.fact.plnMinor ?? null),
        col((p) => p.fact.rate?.rate ?? null),
        col((p) => p.fact.rate?.source ?? null),
        col((p) => p.fact.rate?.date ?? null),
      ],
    );
  }
  await insertCells(m, placed);
}

export async function insertCells(m: EntityManager, placed: readonly PlacedFact[]): Promise<void> {
  const rows = placed.flatMap((p) => p.cells.map((c) => [c.scopeType, c.scopeId, c.period, p.partition, p.fact.key]));
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    await m.query(
      `INSERT INTO metrics_fact_cell (scope_type, scope_id, period, partition, key)
       SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[])`,
      [0, 1, 2, 3, 4].map((j) => chunk.map((r) => r[j])),
    );
  }
}
