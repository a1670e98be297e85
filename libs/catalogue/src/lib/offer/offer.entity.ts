import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Check,
  JoinColumn,
  ManyToOne,
  Unique,
} from 'typeorm';
import { FirmEntity } from '@kooperant/identity';
import type { Locale } from '@kooperant/platform-i18n';
import { bigintMinorUnits, type Currency } from '@kooperant/platform-money';

export type OfferStatus = 'draft' | 'published' | 'archived';
export type ArchiveReason = 'owner' | 'expired';
export type CapacityUnit = 'pcs' | 'kg' | 't' | 'm2' | 'm3' | 'h' | 'm';

export interface OfferTranslation {
  language: Locale;
  title: string;
  description: string;
}

/** A firm's capability offer in the shared catalogue. */
@Entity('offer')
@Check('offer_status_check', `status IN ('draft', 'published', 'archived')`)
@Check('offer_language_check', `language IN ('en', 'pl', 'lt')`)
@Check(
  'offer_price_check',
  `(price_minor IS NULL) = (price_currency IS NULL) AND (price_minor IS NULL OR price_minor >= 0)`,
)
@Index('offer_firm_idx', ['firmId', 'status'])
// What a match refers to: an offer together with its firm (one key check where there were two).
@Unique('offer_id_firm_key', ['id', 'firmId'])
@Index('offer_valid_until_published_idx', ['validUntil'], { where: "status = 'published'" })
// Created by migration (GIN indexes TypeORM cannot describe); declared so that schema diffs leave them alone.
@Index('offer_capability_ids_gin', { synchronize: false })
@Index('offer_search_vector_gin', { synchronize: false })
@Index('offer_published_rank_idx', { synchronize: false })
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId: string;

  @ManyToOne(() => FirmEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id' })
  firm?: FirmEntity;

  /** Copied from the firm (which cannot change country) so that search filters need no join. */
  @Column({ name: 'firm_country', type: 'char', length: 2 })
  firmCountry: 'PL' | 'LT';

  @Column({ type: 'varchar', length: 10 })
  status: OfferStatus;

  /** The language the offer is written in. */
  @Column({ type: 'varchar', length: 2 })
  language: Locale;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  translations: OfferTranslation[];

  @Column({ name: 'process_ids', type: 'uuid', array: true })
  processIds: string[];

  @Column({ name: 'material_ids', type: 'uuid', array: true, default: () => "'{}'" })
  materialIds: string[];

  @Column({ name: 'certification_ids', type: 'uuid', array: true, default: () => "'{}'" })
  certificationIds: string[];

  /** processIds ∪ materialIds ∪ certificationIds, kept by the service, for one GIN-indexed overlap test. */
  @Column({ name: 'capability_ids', type: 'uuid', array: true })
  capabilityIds: string[];

  @Column({ name: 'max_part_length_mm', type: 'double precision', nullable: true })
  maxPartLengthMm: number | null;

  @Column({ name: 'max_part_width_mm', type: 'double precision', nullable: true })
  maxPartWidthMm: number | null;

  @Column({ name: 'max_part_height_mm', type: 'double precision', nullable: true })
  maxPartHeightMm: number | null;

  @Column({ name: 'min_thickness_mm', type: 'double precision', nullable: true })
  minThicknessMm: number | null;

  @Column({ name: 'max_thickness_mm', type: 'double precision', nullable: true })
  maxThicknessMm: number | null;

  @Column({ name: 'tolerance_mm', type: 'double precision', nullable: true })
  toleranceMm: number | null;

  @Column({ name: 'min_batch', type: 'integer', nullable: true })
  minBatch: number | null;

  @Column({ name: 'max_batch', type: 'integer', nullable: true })
  maxBatch: number | null;

  @Column({ name: 'monthly_capacity', type: 'integer', nullable: true })
  monthlyCapacity: number | null;

  @Column({ name: 'capacity_unit', type: 'varchar', length: 4, nullable: true })
  capacityUnit: CapacityUnit | null;

  @Column({ name: 'lead_time_days', type: 'integer' })
  leadTimeDays: number;

  @Column({ name: 'price_minor', type: 'bigint', nullable: true, transformer: bigintMinorUnits })
  priceMinor: number | null;

  @Column({ name: 'price_currency', type: 'char', length: 3, nullable: true })
  priceCurrency: Currency | null;

  @Column({ name: 'price_unit', type: 'varchar', length: 4, nullable: true })
  priceUnit: CapacityUnit | null;

  @Column({ name: 'countries_served', type: 'char', length: 2, array: true })
  countriesServed: string[];

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  /** Millisecond precision (as JS Dates), so that keyset cursors round-trip exactly. */
  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'archive_reason', type: 'varchar', length: 10, nullable: true })
  archiveReason: ArchiveReason | null;

  @Column({ name: 'expiry_reminded_at', type: 'timestamptz', nullable: true })
  expiryRemindedAt: Date | null;

  /** Folded (lower case, no diacritics) title, description and translations; search_vector follows it by trigger. */
  @Column({ name: 'search_text', type: 'text', select: false })
  searchText: string;

  /** `to_tsvector('simple', search_text)`, maintained by a trigger; never written by the application. */
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
