import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ClusterEntity, FirmEntity } from '@kooperant/identity';
import type { Locale } from '@kooperant/platform-i18n';
import { bigintMinorUnits, type Currency } from '@kooperant/platform-money';

export type OrderStatus = 'draft' | 'open' | 'awarded' | 'in_progress' | 'completed' | 'cancelled';
/** Who may see and quote an open order: the buyer's cluster, both partner clusters, or invited firms only. */
export type OrderVisibility = 'cluster' | 'partner_clusters' | 'invited';

/** A buyer's request, split into work packages that several firms carry out as a chain. */
@Entity('cooperative_order')
@Check(
  'cooperative_order_status_check',
  `status IN ('draft', 'open', 'awarded', 'in_progress', 'completed', 'cancelled')`,
)
@Check('cooperative_order_visibility_check', `visibility IN ('cluster', 'partner_clusters', 'invited')`)
@Check('cooperative_order_currency_check', `currency IN ('PLN', 'EUR')`)
@Index('cooperative_order_buyer_idx', ['buyerFirmId', 'createdAt'])
@Index('cooperative_order_open_idx', ['clusterId', 'quoteDeadline'], { where: "status = 'open'" })
export class CooperativeOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'buyer_firm_id', type: 'uuid' })
  buyerFirmId: string;

  @ManyToOne(() => FirmEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_firm_id' })
  buyerFirm?: FirmEntity;

  /** The buyer's cluster the order is posted in (visibility is relative to it). */
  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @ManyToOne(() => ClusterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: ClusterEntity;

  @Column({ type: 'varchar', length: 12 })
  status: OrderStatus;

  @Column({ type: 'varchar', length: 2 })
  language: Locale;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'delivery_street', type: 'varchar', length: 200 })
  deliveryStreet: string;

  @Column({ name: 'delivery_city', type: 'varchar', length: 120 })
  deliveryCity: string;

  @Column({ name: 'delivery_postcode', type: 'varchar', length: 12 })
  deliveryPostcode: string;

  @Column({ name: 'delivery_country', type: 'char', length: 2 })
  deliveryCountry: string;

  @Column({ name: 'delivery_lat', type: 'double precision' })
  deliveryLat: number;

  @Column({ name: 'delivery_lng', type: 'double precision' })
  deliveryLng: number;

  @Column({ name: 'delivery_date', type: 'timestamptz' })
  deliveryDate: Date;

  @Column({ type: 'char', length: 3 })
  currency: Currency;

  @Column({ name: 'budget_minor', type: 'bigint', nullable: true, transformer: bigintMinorUnits })
  budgetMinor: number | null;

  @Column({ type: 'varchar', length: 20 })
  visibility: OrderVisibility;

  @Column({ name: 'quote_deadline', type: 'timestamptz' })
  quoteDeadline: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  /** Who made the last status change and when: the cooperation KPIs are computed from these and the outbox. */
  @Column({ name: 'status_changed_by', type: 'uuid', nullable: true })
  statusChangedBy: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
