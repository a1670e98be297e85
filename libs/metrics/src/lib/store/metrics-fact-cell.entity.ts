import { Entity, Index, PrimaryColumn } from 'typeorm';
import { MetricsCellColumns } from './metrics-cell.columns';

/** A cell a fact counts in. */
@Entity('metrics_fact_cell')
@Index('metrics_fact_cell_fact_idx', ['partition', 'key'])
export class MetricsFactCellEntity extends MetricsCellColumns {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  partition: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;
}
