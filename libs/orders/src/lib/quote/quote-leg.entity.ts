import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FirmEntity } from '@kooperant/identity';
import { bigintMinorUnits, type Currency } from '@kooperant/platform-money';
import { QuoteEntity } from './quote.entity';
import { WorkPackageEntity } from '../order/work-package.entity';

/** One package of a quote, priced by the firm that would carry it out, in that firm's currency. */
@Entity('quote_leg')
@Check('quote_leg_price_check', `price_minor >= 0`)
@Check('quote_leg_currency_check', `currency IN ('PLN', 'EUR')`)
@Index('quote_leg_version_package_key', ['quoteId', 'version', 'packageId'], { unique: true })
@Index('quote_leg_package_idx', ['packageId'])
@Index('quote_leg_firm_idx', ['firmId'])
export class QuoteLegEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'quote_id', type: 'uuid' })
  quoteId: string;

  @ManyToOne(() => QuoteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quote_id' })
  quote?: QuoteEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'package_id', type: 'uuid' })
  packageId: string;

  @ManyToOne(() => WorkPackageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'package_id' })
  package?: WorkPackageEntity;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId: string;

  @ManyToOne(() => FirmEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'firm_id' })
  firm?: FirmEntity;

  @Column({ name: 'price_minor', type: 'bigint', transformer: bigintMinorUnits })
  priceMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: Currency;

  @Column({ name: 'lead_time_days', type: 'integer' })
  leadTimeDays: number;

  @Column({ type: 'text', default: '' })
  notes: string;

  /** A partner firm's member confirmed this leg of a joint quote (the lead firm's legs are confirmed at once). */
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}
