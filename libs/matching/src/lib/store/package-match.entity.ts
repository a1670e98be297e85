import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { ClusterEntity } from '@kooperant/identity';
import { OfferEntity } from '@kooperant/catalogue';
import { CooperativeOrderEntity, QuoteEntity, WorkPackageEntity } from '@kooperant/orders';
import type { ScorePart } from '../scoring/score';

/**
 * The brokering pipeline of a match: proposed by the engine → endorsed or dismissed by a coordinator → the firm
 * invited to quote (across clusters, first awaiting the approval of the other side's coordinator where that cluster
 * asks for it) → declined, or quoted (linked to its quote) → awarded or lost.
 */
export const MATCH_STATUSES = [
  'proposed',
  'endorsed',
  'dismissed',
  'awaiting_approval',
  'invited',
  'declined',
  'quoted',
  'awarded',
  'lost',
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/**
 * A firm proposed for a work package, with the offer it was matched on and the explained score. Recomputing keeps
 * every match a person has acted on and replaces only what is still merely proposed.
 */
@Entity('package_match')
@Unique('package_match_package_firm_key', ['packageId', 'firmId'])
@Index('package_match_order_idx', ['orderId', 'packageId', 'rank'])
@Index('package_match_firm_idx', ['firmId'])
@Index('package_match_handled_idx', ['handledByClusterId', 'status'])
@Check('package_match_status_check', `status IN (${MATCH_STATUSES.map((x) => `'${x}'`).join(', ')})`)
@Check('package_match_score_check', `score >= 0 AND score <= 1`)
export class PackageMatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'package_id', type: 'uuid' })
  packageId: string;

  /**
   * The package and its order in one key (the order's deletion reaches the match through its packages): one check per
   * stored match where a key each took two, and a match can never name a package of another order.
   */
  @ManyToOne(() => WorkPackageEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'package_id', referencedColumnName: 'id' },
    { name: 'order_id', referencedColumnName: 'orderId' },
  ])
  workPackage?: WorkPackageEntity;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  /** The offer and its firm in one key (a firm's deletion reaches the match through its offers), as above. */
  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'offer_id', referencedColumnName: 'id' },
    { name: 'firm_id', referencedColumnName: 'firmId' },
  ])
  offer?: OfferEntity;

  /** 1 for the best firm of the package at the last computation; null once the firm no longer qualifies. */
  @Column({ type: 'integer', nullable: true })
  rank: number | null;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb' })
  parts: ScorePart[];

  @Column({ type: 'varchar', length: 20, default: 'proposed' })
  status: MatchStatus;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  /** When the engine first proposed the firm for the package. */
  @Column({ name: 'proposed_at', type: 'timestamptz', default: () => 'now()' })
  proposedAt: Date;

  /** The cluster whose coordinators broker this match: the order's, until handed to the partner cluster. */
  @Column({ name: 'handled_by_cluster_id', type: 'uuid' })
  handledByClusterId: string;

  @ManyToOne(() => ClusterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'handled_by_cluster_id' })
  handledByCluster?: ClusterEntity;

  /** Approval of an introduction by a coordinator of the order's side and of the firm's side (when asked for). */
  @Column({ name: 'order_side_approved_by', type: 'uuid', nullable: true })
  orderSideApprovedBy: string | null;

  @Column({ name: 'firm_side_approved_by', type: 'uuid', nullable: true })
  firmSideApprovedBy: string | null;

  /** The quote the firm answered with, once it did. */
  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @ManyToOne(() => QuoteEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'quote_id' })
  quote?: QuoteEntity | null;

  @Column({ name: 'status_changed_by', type: 'uuid', nullable: true })
  statusChangedBy: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;
}

export const MATCH_ACTIONS = [
  'endorsed',
  'dismissed',
  'invited',
  'introduction_requested',
  'introduction_approved',
  'handed_over',
  'declined',
] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

/**
 * Every action a person took on a match, with who, when, as coordinator of which cluster, and the status before and
 * after: the record from which brokered value is measured.
 */
@Entity('match_action')
@Index('match_action_match_idx', ['matchId', 'at'])
@Index('match_action_cluster_idx', ['clusterId', 'at'])
@Check('match_action_action_check', `action IN (${MATCH_ACTIONS.map((x) => `'${x}'`).join(', ')})`)
export class MatchActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'match_id', type: 'uuid' })
  matchId: string;

  @ManyToOne(() => PackageMatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id' })
  match?: PackageMatchEntity;

  @Column({ type: 'varchar', length: 30 })
  action: MatchAction;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId: string;

  /** The cluster the actor acted for as coordinator; null for a firm's own action (declining). */
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  @Column({ name: 'from_status', type: 'varchar', length: 20 })
  fromStatus: MatchStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: MatchStatus;

  @Column({ type: 'text', default: '' })
  note: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

/** What a cluster's coordinators set for matching. A cluster without a row uses the defaults. */
@Entity('cluster_matching_setting')
@Check('cluster_matching_setting_weight_check', `cross_border_weight >= 0 AND cross_border_weight <= 1`)
export class ClusterMatchingSettingEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @OneToOne(() => ClusterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: ClusterEntity;

  /** Weight of the cross-border part in the score of the cluster's orders, 0 to 1. */
  @Column({ name: 'cross_border_weight', type: 'double precision' })
  crossBorderWeight: number;

  /** Whether an introduction of the cluster's firms to another cluster's orders (and back) needs its approval. */
  @Column({ name: 'introductions_need_approval', type: 'boolean', default: true })
  introductionsNeedApproval: boolean;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
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

  /** The best complete chains found at that computation, or which package has no candidate and why. */
  @Column({ type: 'jsonb', nullable: true })
  chains: StoredChains | null;
}

/** Chain proposals as stored: firms and offers by id, dates as ISO strings. */
export interface StoredChains {
  chains: {
    steps: { packageId: string; key: string; firmId: string; offerId: string; country: string }[];
    totalPriceMinor: number;
    priceEstimated: boolean;
    completion: string;
    transportKm: number;
    borderCrossings: number;
    countries: string[];
    cost: number;
  }[];
  noChain: { packageId: string; key: string; considered: number; reasons: Record<string, number> } | null;
}

export const MATCHING_ENTITIES = [
  PackageMatchEntity,
  OrderMatchRunEntity,
  MatchActionEntity,
  ClusterMatchingSettingEntity,
];
