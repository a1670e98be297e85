import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@kooperant/identity';
import { CooperativeOrderEntity } from '../order/cooperative-order.entity';

/** The general thread of an order has this key in `message_read`; a quote's thread has the quote's id. */
export const ORDER_THREAD_KEY = 'order';

export const threadKey = (quoteId: string | null): string => quoteId ?? ORDER_THREAD_KEY;

/** Up to when a user has read a thread: its messages created later (by others) are unread. */
@Entity('message_read')
@Check(
  'message_read_thread_key_check',
  `thread_key = 'order' OR thread_key ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
)
export class MessageReadEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => CooperativeOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: CooperativeOrderEntity;

  /** `order` for the order's general thread, else the quote id (lower-case, as PostgreSQL prints uuids). */
  @PrimaryColumn({ name: 'thread_key', type: 'text' })
  threadKey: string;

  @Column({ name: 'last_read_at', type: 'timestamptz' })
  lastReadAt: Date;
}
