import type { EntityManager } from 'typeorm';
import { cellKey, type Cell } from '../core/cells';
import type { PlacedFact } from '../core/recompute';
import { KPI_DEFINITIONS } from '../kpi-definitions';

/** Kinds a KPI takes the median of: their cell rows keep the median of the subjects' least `n`. */
export const MEDIAN_KINDS: readonly string[] = [
  ...new Set(KPI_DEFINITIONS.flatMap((k) => (k.measure.op === 'median' ? [k.measure.kind] : []))),
];

/** What facts coming and going change for one subject of one kind in one cell. */
interface SubjectDelta {
  cell: Cell;
  kind: string;
  subject: string;
  facts: number;
  eur: number;
  pln: number;
  n: number;
  /** The least `n` of the facts that came. */
  leastCame: number | null;
  /** A fact with an `n` went: the least `n` must be read again from the facts left. */
  lostN: boolean;
}

interface SubjectRow {
  facts: number;
  eur: number;
  pln: number;
  n: number;
  nMin: number | null;
}

const subjectKey = (cell: Cell, kind: string, subject: string) => `${cellKey(cell)}|${kind}|${subject}`;
const least = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * The changes to the cells' aggregates that some facts coming (+1) and going (−1) make, collected over one roll-up and
 * written at its end by `apply`. A fact whose values changed is one that went and one that came.
 */
export class AggregateDeltas {
  private readonly bySubject = new Map<string, SubjectDelta>();

  /** Counts a fact into (+1) or out of (−1) the given cells (by default the cells it is placed in). */
  add(p: PlacedFact, sign: 1 | -1, cells: readonly Cell[] = p.cells): void {
    const f = p.fact;
    for (const cell of cells) {
      const k = subjectKey(cell, f.kind, f.subject);
      let d = this.bySubject.get(k);
      if (!d) {
        d = { cell, kind: f.kind, subject: f.subject, facts: 0, eur: 0, pln: 0, n: 0, leastCame: null, lostN: false };
        this.bySubject.set(k, d);
      }
      d.facts += sign;
      d.eur += sign * (f.eurMinor ?? 0);
      d.pln += sign * (f.plnMinor ?? 0);
      d.n += sign * (f.n ?? 0);
      if (typeof f.n === 'number') {
        if (sign > 0) d.leastCame = least(d.leastCame, f.n);
        else d.lostN = true;
      }
    }
  }

  get size(): number {
    return this.bySubject.size;
  }

  /**
   * Writes the changes: the subjects' rows, then their kinds' rows in the same cells (subjects counted, values summed,
   * medians taken again where a subject of a median kind changed). Throws
   * when a count would go below zero: the aggregates and the facts disagree, and nothing of this roll-up is kept.
   */
  async apply(m: EntityManager): Promise<void> {
    const deltas = [...this.bySubject.values()];
    if (!deltas.length) return;
    const col = <T>(rows: readonly SubjectDelta[], pick: (d: SubjectDelta) => T) => rows.map(pick);
    const keyColumns = (rows: readonly SubjectDelta[]) => [
      col(rows, (d) => d.cell.scopeType),
      col(rows, (d) => d.cell.scopeId),
      col(rows, (d) => d.cell.period),
      col(rows, (d) => d.kind),
      col(rows, (d) => d.subject),
    ];
    const SUBJECT_KEYS = `unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[])
      AS x(scope_type, scope_id, period, kind, subject)`;
    const SAME_SUBJECT = `s.scope_type = x.scope_type AND s.scope_id = x.scope_id AND s.period = x.period
      AND s.kind = x.kind AND s.subject = x.subject`;

    const stored: {
      scope_type: string;
      scope_id: string;
      period: string;
      kind: string;
      subject: string;
      facts: number;
      eur_minor: string;
      pln_minor: string;
      n_sum: string;
      n_min: number | null;
    }[] = await m.query(
      `SELECT s.scope_type, s.scope_id, s.period, s.kind, s.subject, s.facts, s.eur_minor, s.pln_minor, s.n_sum, s.n_min
       FROM metrics_cell_subject s JOIN ${SUBJECT_KEYS} ON ${SAME_SUBJECT}`,
      keyColumns(deltas),
    );
    const was = new Map<string, SubjectRow>(
      stored.map((r) => [
        subjectKey(
          { scopeType: r.scope_type as Cell['scopeType'], scopeId: r.scope_id, period: r.period },
          r.kind,
          r.subject,
        ),
        { facts: r.facts, eur: Number(r.eur_minor), pln: Number(r.pln_minor), n: Number(r.n_sum), nMin: r.n_min },
      ]),
    );

    const gone: SubjectDelta[] = [];
    const kept: { d: SubjectDelta; row: SubjectRow }[] = [];
    const kinds = new Map<
      string,
      { cell: Cell; kind: string; subjects: number; eur: number; pln: number; n: number }
    >();
    for (const d of deltas) {
      const before = was.get(subjectKey(d.cell, d.kind, d.subject));
      const row: SubjectRow = {
        facts: (before?.facts ?? 0) + d.facts,
        eur: (before?.eur ?? 0) + d.eur,
        pln: (before?.pln ?? 0) + d.pln,
        n: (before?.n ?? 0) + d.n,
        nMin: d.lostN ? null : least(before?.nMin ?? null, d.leastCame),
      };
      if (row.facts < 0 || (row.facts === 0 && (row.eur || row.pln || row.n))) {
        throw new Error(`metrics: the aggregates of ${subjectKey(d.cell, d.kind, d.subject)} disagree with its facts`);
      }
      if (row.facts === 0) {
        if (before) gone.push(d);
      } else kept.push({ d, row });
      const kk = `${cellKey(d.cell)}|${d.kind}`;
      const k = kinds.get(kk) ?? { cell: d.cell, kind: d.kind, subjects: 0, eur: 0, pln: 0, n: 0 };
      k.subjects += (row.facts > 0 ? 1 : 0) - (before ? 1 : 0);
      k.eur += d.eur;
      k.pln += d.pln;
      k.n += d.n;
      kinds.set(kk, k);
    }

    if (gone.length) {
      await m.query(`DELETE FROM metrics_cell_subject s USING ${SUBJECT_KEYS} WHERE ${SAME_SUBJECT}`, keyColumns(gone));
    }
    if (kept.length) {
      const rows = kept.map((x) => x.d);
      await m.query(
        `INSERT INTO metrics_cell_subject (scope_type, scope_id, period, kind, subject, facts, eur_minor, pln_minor, n_sum, n_min)
         SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::int[],
           $7::bigint[], $8::bigint[], $9::bigint[], $10::int[])
         ON CONFLICT (scope_type, scope_id, period, kind, subject) DO UPDATE SET facts = excluded.facts,
           eur_minor = excluded.eur_minor, pln_minor = excluded.pln_minor, n_sum = excluded.n_sum, n_min = excluded.n_min`,
        [
          ...keyColumns(rows),
          kept.map((x) => x.row.facts),
          kept.map((x) => x.row.eur),
          kept.map((x) => x.row.pln),
          kept.map((x) => x.row.n),
          kept.map((x) => x.row.nMin),
        ],
      );
      const reread = kept.filter((x) => x.d.lostN).map((x) => x.d);
      if (reread.length) {
        await m.query(
          `UPDATE metrics_cell_subject s SET n_min = (
             SELECT min(f.n) FROM metrics_fact f
             JOIN metrics_fact_cell c ON c.partition = f.partition AND c.key = f.key
             WHERE f.kind = s.kind AND f.subject = s.subject
               AND c.scope_type = s.scope_type AND c.scope_id = s.scope_id AND c.period = s.period)
           FROM ${SUBJECT_KEYS} WHERE ${SAME_SUBJECT}`,
          keyColumns(reread),
        );
      }
    }

    const changed = [...kinds.values()].filter((k) => k.subjects || k.eur || k.pln || k.n);
    if (changed.length) {
      const written: { subjects: number; eur_minor: string; pln_minor: string; n_sum: string }[] = await m.query(
        `INSERT INTO metrics_cell_kind AS k (scope_type, scope_id, period, kind, subjects, eur_minor, pln_minor, n_sum)
         SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[], $5::int[], $6::bigint[],
           $7::bigint[], $8::bigint[])
         ON CONFLICT (scope_type, scope_id, period, kind) DO UPDATE SET subjects = k.subjects + excluded.subjects,
           eur_minor = k.eur_minor + excluded.eur_minor, pln_minor = k.pln_minor + excluded.pln_minor,
           n_sum = k.n_sum + excluded.n_sum
         RETURNING k.subjects, k.eur_minor, k.pln_minor, k.n_sum`,
        [
          changed.map((k) => k.cell.scopeType),
          changed.map((k) => k.cell.scopeId),
          changed.map((k) => k.cell.period),
          changed.map((k) => k.kind),
          changed.map((k) => k.subjects),
          changed.map((k) => k.eur),
          changed.map((k) => k.pln),
          changed.map((k) => k.n),
        ],
      );
      if (written.some((r) => r.subjects < 0 || (r.subjects === 0 && (+r.eur_minor || +r.pln_minor || +r.n_sum)))) {
        throw new Error('metrics: the aggregates of a cell disagree with its facts');
      }
      await m.query(
        `DELETE FROM metrics_cell_kind WHERE subjects = 0 AND (scope_type, scope_id, period, kind) IN (
        SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[]))`,
        [
          changed.map((k) => k.cell.scopeType),
          changed.map((k) => k.cell.scopeId),
          changed.map((k) => k.cell.period),
          changed.map((k) => k.kind),
        ],
      );
    }
    const medians = [...kinds.values()].filter((k) => MEDIAN_KINDS.includes(k.kind));
    if (medians.length) {
      await m.query(
        `UPDATE metrics_cell_kind k SET n_median = (
           SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY s.n_min) FROM metrics_cell_subject s
           WHERE s.scope_type = k.scope_type AND s.scope_id = k.scope_id AND s.period = k.period AND s.kind = k.kind)
         FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::varchar[]) AS x(scope_type, scope_id, period, kind)
         WHERE k.scope_type = x.scope_type AND k.scope_id = x.scope_id AND k.period = x.period AND k.kind = x.kind`,
        [
          medians.map((k) => k.cell.scopeType),
          medians.map((k) => k.cell.scopeId),
          medians.map((k) => k.cell.period),
          medians.map((k) => k.kind),
        ],
      );
    }
  }
}

/** Rebuilds the subjects' and kinds' rows of every cell from the stored facts (after they were all written). */
export const REBUILD_AGGREGATES_SQL = [
  `INSERT INTO metrics_cell_subject (scope_type, scope_id, period, kind, subject, facts, eur_minor, pln_minor, n_sum, n_min)
   SELECT c.scope_type, c.scope_id, c.period, f.kind, f.subject, count(*), coalesce(sum(f.eur_minor), 0),
          coalesce(sum(f.pln_minor), 0), coalesce(sum(f.n), 0), min(f.n)
   FROM metrics_fact_cell c JOIN metrics_fact f ON f.partition = c.partition AND f.key = c.key
   GROUP BY c.scope_type, c.scope_id, c.period, f.kind, f.subject`,
  `INSERT INTO metrics_cell_kind (scope_type, scope_id, period, kind, subjects, eur_minor, pln_minor, n_sum, n_median)
   SELECT scope_type, scope_id, period, kind, count(*), sum(eur_minor), sum(pln_minor), sum(n_sum),
          CASE WHEN kind = ANY($1::varchar[]) THEN percentile_disc(0.5) WITHIN GROUP (ORDER BY n_min) END
   FROM metrics_cell_subject GROUP BY scope_type, scope_id, period, kind`,
];
