import { PrimaryColumn } from 'typeorm';

/** The key columns of a cell: a scope (cluster or firm) and a period of that scope's calendar (see core/cells.ts). */
export abstract class MetricsCellColumns {
  @PrimaryColumn({ name: 'scope_type', type: 'varchar', length: 10 })
  scopeType: string;

  @PrimaryColumn({ name: 'scope_id', type: 'uuid' })
  scopeId: string;

  /** `2026-03`, `2026-Q1` or `2026`. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  period: string;
}
