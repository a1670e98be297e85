import { KPI_DEFINITIONS, type KpiMeasure } from '../kpi-definitions';

const COLUMN = { eurMinor: 'eur_minor', plnMinor: 'pln_minor', n: 'n_sum' } as const;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const alias = (kpiId: string) => `"${kpiId}"`;

/**
 * One KPI's SQL aggregate over the subjects of a cell (facts of one kind and subject already made one row: `count`
 * facts, sums of their values, least `n`): the same rules as core/figures.ts computes in memory.
 */
function aggregate(m: Exclude<KpiMeasure, { op: 'ratio' }>): string {
  const only = `FILTER (WHERE s.kind = ${literal(m.kind)})`;
  if (m.op === 'count') return `count(*) ${only}`;
  if (m.op === 'sum') return `coalesce(sum(s.${COLUMN[m.field]}) ${only}, 0)`;
  return `percentile_disc(0.5) WITHIN GROUP (ORDER BY s.n) ${only}`;
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
 * Writes the figures of cells from their facts: of the cells given as three arrays ($1 scope types, $2 scope ids,
 * $3 periods), or of every cell with `all`. Delete the cells' old figures first.
 */
export function insertFiguresSql(which: 'given' | 'all'): string {
  const cells =
    which === 'all'
      ? `metrics_fact_cell c`
      : `unnest($1::varchar[], $2::uuid[], $3::varchar[]) AS x(scope_type, scope_id, period)
         JOIN metrics_fact_cell c ON c.scope_type = x.scope_type AND c.scope_id = x.scope_id AND c.period = x.period`;
  return `
    WITH s AS (
      SELECT c.scope_type, c.scope_id, c.period, f.kind, f.subject,
             sum(f.eur_minor) AS eur_minor, sum(f.pln_minor) AS pln_minor, sum(f.n) AS n_sum, min(f.n) AS n
      FROM ${cells}
      JOIN metrics_fact f ON f.partition = c.partition AND f.key = c.key
      GROUP BY c.scope_type, c.scope_id, c.period, f.kind, f.subject),
    a AS (
      SELECT s.scope_type, s.scope_id, s.period, ${AGGREGATES.join(',\n        ')}
      FROM s GROUP BY s.scope_type, s.scope_id, s.period)
    INSERT INTO metrics_figure (scope_type, scope_id, period, kpi, value)
    SELECT a.scope_type, a.scope_id, a.period, v.kpi, v.value
    FROM a CROSS JOIN LATERAL (VALUES ${VALUES.join(', ')}) AS v(kpi, value)`;
}

export const DELETE_FIGURES_SQL = `
  DELETE FROM metrics_figure f
  USING unnest($1::varchar[], $2::uuid[], $3::varchar[]) AS x(scope_type, scope_id, period)
  WHERE f.scope_type = x.scope_type AND f.scope_id = x.scope_id AND f.period = x.period`;
