import { KPI_DEFINITIONS, type KpiMeasure } from '../kpi-definitions';

const COLUMN = { eurMinor: 'eur_minor', plnMinor: 'pln_minor', n: 'n_sum' } as const;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const alias = (kpiId: string) => `"${kpiId}"`;

/**
 * One KPI's SQL aggregate over a cell's rows of metrics_cell_kind (one per fact kind: its distinct subjects, the sums
 * of their values and the median of their least `n`): the same rules as core/figures.ts computes from facts in memory.
 */
function aggregate(m: Exclude<KpiMeasure, { op: 'ratio' }>): string {
  const only = `FILTER (WHERE k.kind = ${literal(m.kind)})`;
  if (m.op === 'count') return `coalesce(max(k.subjects) ${only}, 0)`;
  if (m.op === 'sum') return `coalesce(max(k.${COLUMN[m.field]}) ${only}, 0)`;
  return `max(k.n_median) ${only}`;
}

const AGGREGATES = KPI_DEFINITIONS.flatMap((k) =>
  k.measure.op === 'ratio' ? [] : [`${aggregate(k.measure)}::numeric AS ${alias(k.id)}`],
);
const VALUES = KPI_DEFINITIONS.map((k) => {
  const m = k.measure;
  const value =
    m.op === 'ratio' ? `round(a.${alias(m.numerator)} / nullif(a.${alias(m.denominator)}, 0), 4)` : `a.${alias(k.id)}`;
  return `(${literal(k.id)}, ${value})`;
});

/**
 * Every cell's KPI figures (scope_type, scope_id, period, kpi, value), computed when read from the cells' kind
 * aggregates (a cell has about twenty rows): use as `FROM ${METRICS_FIGURES} AS f WHERE f.scope_type = …`. PostgreSQL
 * pushes the conditions on the cell into the aggregation, so a query reads only the cells it asks for. Only cells with
 * facts have figures; a ratio or median of nothing is null.
 */
export const METRICS_FIGURES = `(
    SELECT a.scope_type, a.scope_id, a.period, v.kpi, v.value
    FROM (
      SELECT k.scope_type, k.scope_id, k.period, ${AGGREGATES.join(',\n        ')}
      FROM metrics_cell_kind k GROUP BY k.scope_type, k.scope_id, k.period) a
    CROSS JOIN LATERAL (VALUES ${VALUES.join(', ')}) AS v(kpi, value))`;
