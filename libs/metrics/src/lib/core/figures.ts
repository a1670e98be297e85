import { KPI_DEFINITIONS, type KpiDefinition } from '../kpi-definitions';
import { cellKey, type Cell } from './cells';
import type { Fact } from './fact';

/** One KPI's value in one cell; null where it has none (a median or ratio of nothing). */
export interface Figure extends Cell {
  kpi: string;
  value: number | null;
}

/**
 * The KPI figures of every cell that has facts, each KPI of KPI_DEFINITIONS computed from the cell's facts. The
 * database computes the same in SQL (figures.sql.ts) for the roll-up table; an integration test keeps them equal.
 */
export function computeFigures(placed: readonly { cell: Cell; fact: Fact }[]): Figure[] {
  const byCell = new Map<string, { cell: Cell; facts: Fact[] }>();
  for (const { cell, fact } of placed) {
    const k = cellKey(cell);
    const entry = byCell.get(k) ?? { cell, facts: [] };
    entry.facts.push(fact);
    byCell.set(k, entry);
  }
  const out: Figure[] = [];
  for (const { cell, facts } of byCell.values()) {
    const values = new Map<string, number | null>();
    for (const kpi of KPI_DEFINITIONS) values.set(kpi.id, valueOf(kpi, facts, values));
    for (const [kpi, value] of values) out.push({ ...cell, kpi, value });
  }
  return out;
}

function valueOf(kpi: KpiDefinition, facts: readonly Fact[], known: Map<string, number | null>): number | null {
  const m = kpi.measure;
  if (m.op === 'ratio') return ratio(known.get(m.numerator) ?? null, known.get(m.denominator) ?? null);
  const own = facts.filter((f) => f.kind === m.kind);
  if (m.op === 'count') return new Set(own.map((f) => f.subject)).size;
  if (m.op === 'sum') return own.reduce((sum, f) => sum + (f[m.field] ?? 0), 0);
  // A median of subjects: each subject's least n.
  const least = new Map<string, number>();
  for (const f of own) if (typeof f.n === 'number') least.set(f.subject, Math.min(f.n, least.get(f.subject) ?? f.n));
  const ns = [...least.values()].sort((a, b) => a - b);
  return ns.length ? ns[Math.ceil(ns.length / 2) - 1] : null;
}

/** a / b rounded half up to 4 decimals, exactly (whole numbers, no float on the way). */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  const scaled = (BigInt(a) * 20_000n + BigInt(b)) / (2n * BigInt(b));
  return Number(scaled) / 10_000;
}
