import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A domain event, written in the same transaction as the change that caused it. A relay moves
 * unpublished rows to BullMQ with jobId = id; consumers are idempotent.
 */
@Entity('outbox_event')
@Index('outbox_event_unpublished_idx', ['createdAt'], { where: 'published_at IS NULL' })
@Index('outbox_event_aggregate_idx', ['aggregateType', 'aggregateId', 'createdAt'])
// A firm's hand-overs, for its on-time record in matching: an expression index, made by the Brokering migration.
@Index('outbox_event_handed_over_firm_idx', { synchronize: false })
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** e.g. `offer.published`, `firm.verified` */
  @Column({ type: 'varchar', length: 80 })
  type: string;

  @Column({ name: 'aggregate_type', type: 'varchar', length: 40 })
  aggregateType: string;

  @Column({ name: 'aggregate_id', type: 'uuid' })
  aggregateId: string;

  /** Ids and small facts, never whole rows. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** Who caused it (user id), when a person did. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
