import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { FirmEntity } from '@kooperant/identity';
import { OfferEntity } from '@kooperant/catalogue';
import { CooperativeOrderEntity, WorkPackageEntity } from '@kooperant/orders';
import type { ScorePart } from '../scoring/score';

export const MATCH_STATUSES = ['proposed', 'introduced', 'dismissed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/**
 * A firm proposed for a work package, with the offer it was matched on and the explained score. Recomputing keeps a
 * coordinator's decision (introduced, dismissed) and replaces only what is still merely proposed.
 */
@Entity('package_match')
@Unique('package_match_package_firm_key', ['packageId', 'firmId'])
@Index('package_match_order_idx', ['orderId', 'packageId', 'rank'])
@Index('package_match_firm_idx', ['firmId'])
@Check('package_match_status_check', `status IN ('proposed', 'introduced', 'dismissed')`)
@Check('package_match_score_check', `score >= 0 AND score <= 1`)
export class PackageMatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => CooperativeOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: CooperativeOrderEntity;

  @Column({ name: 'package_id', type: 'uuid' })
  packageId: string;

  @ManyToOne(() => WorkPackageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'package_id' })
  workPackage?: WorkPackageEntity;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId: string;

  @ManyToOne(() => FirmEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id' })
  firm?: FirmEntity;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer?: OfferEntity;

  /** 1 for the best firm of the package at the last computation; null once the firm no longer qualifies. */
  @Column({ type: 'integer', nullable: true })
  rank: number | null;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb' })
  parts: ScorePart[];

  @Column({ type: 'varchar', length: 12, default: 'proposed' })
  status: MatchStatus;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}

/** When an order's matches were last computed (also when none were found), so that sweeps skip what is current. */
@Entity('order_match_run')
export class OrderMatchRunEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @OneToOne(() => CooperativeOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: CooperativeOrderEntity;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'integer' })
  matches: number;
}

export const MATCHING_ENTITIES = [PackageMatchEntity, OrderMatchRunEntity];
