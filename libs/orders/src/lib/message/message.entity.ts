import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FirmEntity } from '@kooperant/identity';
import { CooperativeOrderEntity } from '../order/cooperative-order.entity';
import { QuoteEntity } from '../quote/quote.entity';

/**
 * One message of a thread: an order's general thread (`quoteId` null) or the thread of one quote. Only the parties
 * of the thread read it (see MessageService).
 */
@Entity('message')
@Check('message_body_check', `char_length(body) BETWEEN 1 AND 5000`)
@Index('message_thread_idx', ['orderId', 'quoteId', 'createdAt'])
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => CooperativeOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: CooperativeOrderEntity;

  /** The quote whose thread this is; null for the order's general thread. */
  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @ManyToOne(() => QuoteEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'quote_id' })
  quote?: QuoteEntity | null;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  /** The firm on whose behalf the author wrote; null for a cluster coordinator. */
  @Column({ name: 'author_firm_id', type: 'uuid', nullable: true })
  authorFirmId: string | null;

  @ManyToOne(() => FirmEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'author_firm_id' })
  authorFirm?: FirmEntity | null;

  /** Trimmed, 1 to 5000 characters. */
  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
