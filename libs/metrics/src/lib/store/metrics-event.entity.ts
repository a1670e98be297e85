import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A domain event the KPIs read, as it came from the outbox. Its id is the outbox id, so a replayed event is stored
 * once and changes nothing; the events of one partition are re-read to derive its facts.
 */
@Entity('metrics_event')
@Index('metrics_event_partition_idx', ['partition'])
export class MetricsEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  type: string;

  /** `order:<id>`, `offer:<id>` or `firm:<id>`: see partitionOf. */
  @Column({ type: 'varchar', length: 120 })
  partition: string;

  /** When the change was committed (the outbox row's created_at). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
