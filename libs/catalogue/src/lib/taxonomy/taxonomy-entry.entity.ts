import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, JoinColumn, ManyToOne } from 'typeorm';
import type { Locale, LocalizedLabels } from '@kooperant/platform-i18n';

export type TaxonomyKind = 'process' | 'material' | 'certification' | 'nace' | 'product';

/** One entry of the shared capability taxonomy, with labels and synonyms in en, pl and lt. */
@Entity('taxonomy_entry')
@Index('taxonomy_entry_kind_idx', ['kind'])
export class TaxonomyEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable slug, e.g. `process.laser-cutting`. */
  @Column({ type: 'varchar', length: 80, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 20 })
  kind: TaxonomyKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => TaxonomyEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: TaxonomyEntryEntity | null;

  @Column({ type: 'jsonb' })
  labels: LocalizedLabels;

  @Column({ type: 'jsonb' })
  synonyms: Record<Locale, string[]>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  meta: Record<string, unknown>;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
