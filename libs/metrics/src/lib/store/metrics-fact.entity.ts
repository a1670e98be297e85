import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A fact derived from the events of one partition (see core/fact.ts): replaced as a whole when the partition's events
 * change. Derived data: a recomputation rebuilds it from the outbox, so nothing refers to it.
 */
@Entity('metrics_fact')
@Index('metrics_fact_firm_idx', ['firmId', 'otherFirmId'])
@Index('metrics_fact_kind_idx', ['kind', 'firmId'])
@Index('metrics_fact_subject_idx', ['kind', 'subject'])
@Index('metrics_fact_cluster_idx', ['clusterId', 'kind', 'at'])
export class MetricsFactEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  partition: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 120 })
  subject: string;

  /** The order's cluster; null when the fact counts for the clusters its firm was a verified member of. */
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId: string;

  @Column({ name: 'other_firm_id', type: 'uuid', nullable: true })
  otherFirmId: string | null;

  @Column({ type: 'integer', nullable: true })
  n: number | null;

  @Column({ name: 'amount_minor', type: 'bigint', nullable: true })
  amountMinor: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'eur_minor', type: 'bigint', nullable: true })
  eurMinor: string | null;

  @Column({ name: 'pln_minor', type: 'bigint', nullable: true })
  plnMinor: string | null;

  /** The rate the value was converted at: 1 EUR = rate PLN, published by rate_source for rate_date. */
  /** The rate as the bank's table gives it (text, never a float). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  rate: string | null;

  @Column({ name: 'rate_source', type: 'varchar', length: 8, nullable: true })
  rateSource: string | null;

  /** YYYY-MM-DD. */
  @Column({ name: 'rate_date', type: 'varchar', length: 10, nullable: true })
  rateDate: string | null;
}
