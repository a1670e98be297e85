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
import { FirmEntity } from '@kooperant/identity';
import { CooperativeOrderEntity } from '../order/cooperative-order.entity';

/**
 * `pending_partners`: a joint chain quote waiting for its partner firms to confirm their legs;
 * `submitted`: counts in the comparison; `withdrawn` by its firm before award.
 */
export type QuoteStatus = 'pending_partners' | 'submitted' | 'withdrawn';

/** A supplier's offer for one or several packages of an order; a joint chain quote has legs by several firms. */
@Entity('quote')
@Check('quote_status_check', `status IN ('pending_partners', 'submitted', 'withdrawn')`)
@Index('quote_order_idx', ['orderId'])
@Index('quote_lead_firm_idx', ['leadFirmId'])
export class QuoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => CooperativeOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: CooperativeOrderEntity;

  /** The firm that submitted it (and leads a joint quote). */
  @Column({ name: 'lead_firm_id', type: 'uuid' })
  leadFirmId: string;

  @ManyToOne(() => FirmEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_firm_id' })
  leadFirm?: FirmEntity;

  @Column({ type: 'varchar', length: 20 })
  status: QuoteStatus;

  /** Current version; every revision adds legs under a new version and keeps the old ones. */
  @Column({ name: 'current_version', type: 'integer' })
  currentVersion: number;

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
