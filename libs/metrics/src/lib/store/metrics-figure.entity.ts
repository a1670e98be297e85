import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MetricsCellColumns } from './metrics-cell.columns';

/**
 * The roll-up: one KPI's value in one cell, kept up to date from the events and rebuilt by a recomputation. Only cells
 * with facts have rows; a ratio or median of nothing is null.
 */
@Entity('metrics_figure')
export class MetricsFigureEntity extends MetricsCellColumns {
  /** A KPI id of KPI_DEFINITIONS. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  kpi: string;

  @Column({ type: 'numeric', nullable: true })
  value: string | null;
}
