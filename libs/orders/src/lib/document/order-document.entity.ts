import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CooperativeOrderEntity } from '../order/cooperative-order.entity';
import { WorkPackageEntity } from '../order/work-package.entity';
import { QuoteEntity } from '../quote/quote.entity';
import type { DocumentKind } from './file-type';

/** bigint comes back from pg as a string; document sizes are far below 2^53. */
const bigintBytes = {
  to: (v: number) => v,
  from: (v: string | number) => Number(v),
};

/**
 * A drawing or document attached to a cooperative order, or to one of its work packages. The bytes are in the
 * DocumentStorage under `<orderId>/<id>`; the row holds what was checked: the type told by the content, the size
 * and the SHA-256 of the bytes as received.
 */
@Entity('order_document')
@Check('order_document_kind_check', `kind IN ('pdf', 'png', 'jpeg', 'dwg', 'dxf', 'step')`)
@Check('order_document_size_check', `size_bytes > 0`)
@Index('order_document_order_idx', ['orderId', 'createdAt'])
@Index('order_document_package_idx', ['packageId'])
export class OrderDocumentEntity {
  /** Given by the service before the bytes are stored: the storage key is made of it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => CooperativeOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: CooperativeOrderEntity;

  /** The work package it belongs to, or null for the order as a whole (also when a draft's packages are replaced). */
  @Column({ name: 'package_id', type: 'uuid', nullable: true })
  packageId: string | null;

  @ManyToOne(() => WorkPackageEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'package_id' })
  package?: WorkPackageEntity | null;

  /** A supplier's document to its quote (drawings, certificates): sealed like the quote itself. */
  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @ManyToOne(() => QuoteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quote_id' })
  quote?: QuoteEntity | null;

  /** The client's name for it, sanitized (see file-name.ts), with an extension that agrees with the content. */
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 10 })
  kind: DocumentKind;

  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: bigintBytes })
  sizeBytes: number;

  /** Lower-case hex SHA-256 of the bytes. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  /** The firm on whose behalf it was attached: the order's buyer. */
  @Column({ name: 'uploaded_by_firm_id', type: 'uuid' })
  uploadedByFirmId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
