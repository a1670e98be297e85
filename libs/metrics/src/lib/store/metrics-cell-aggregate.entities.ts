import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MetricsCellColumns } from './metrics-cell.columns';

/** The sums of a cell's facts' values (EUR and PLN minor units, `n`) in a subject's or a kind's row. */
abstract class MetricsCellSums extends MetricsCellColumns {
  @Column({ name: 'eur_minor', type: 'bigint' })
  eurMinor: string;

  @Column({ name: 'pln_minor', type: 'bigint' })
  plnMinor: string;

  @Column({ name: 'n_sum', type: 'bigint' })
  nSum: string;
}

/**
 * One subject of one fact kind in one cell: its facts there, as KPIs aggregate them (counted once, values summed, the
 * least `n` for medians). Kept by difference as facts come and go; rebuilt by a recomputation.
 */
@Entity('metrics_cell_subject')
export class MetricsCellSubjectEntity extends MetricsCellSums {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 120 })
  subject: string;

  /** How many of the cell's facts are of this kind and subject (the row goes when none are left). */
  @Column({ type: 'integer' })
  facts: number;

  /** The least `n` of the facts; null when none has one. */
  @Column({ name: 'n_min', type: 'integer', nullable: true })
  nMin: number | null;
}

/**
 * One fact kind in one cell: its distinct subjects, the sums of their values, and (for kinds a KPI takes the median
 * of) the median of the subjects' least `n`. What a cell's figures are computed from; kept by difference.
 */
@Entity('metrics_cell_kind')
export class MetricsCellKindEntity extends MetricsCellSums {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'integer' })
  subjects: number;

  @Column({ name: 'n_median', type: 'integer', nullable: true })
  nMedian: number | null;
}
