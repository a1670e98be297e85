import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first result of a create mutation, keyed by the caller's idempotency key. */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  /** `${scope}:${userId}:${key}` hashed, so keys of different users never collide. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  operation: string;

  /** Hash of the canonical input: a replay with other input is an error. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** Id of what the first call created. */
  @Column({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
