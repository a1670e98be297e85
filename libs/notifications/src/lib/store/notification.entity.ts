import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { UserEntity } from '@kooperant/identity';
import type { Locale } from '@kooperant/platform-i18n';
import { WEBHOOK_ENTITIES } from '../webhooks/webhook.entity';
import type { EmailMode } from '../email/email-defaults';
import { NotificationDigestEntity } from './notification-digest.entity';
import { NotificationSettingsEntity } from './notification-settings.entity';

/** Ids a notification links to, so that the app can open what it is about. */
export interface NotificationLinks {
  orderId?: string;
  packageId?: string;
  quoteId?: string;
  matchId?: string;
  offerId?: string;
  firmId?: string;
  clusterId?: string;
}

/**
 * A notification in a user's in-app list, rendered in their language when the event came. One per user, event and
 * kind: a replayed event never shows twice.
 */
@Entity('notification')
@Unique('notification_user_event_kind_key', ['userId', 'eventId', 'kind'])
@Index('notification_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('notification_user_unread_idx', ['userId'], { where: 'read_at IS NULL' })
/** What a daily digest may still include: neither mailed nor read (the sweep looks back a week). */
@Index('notification_unmailed_unread_idx', ['createdAt'], { where: 'emailed_at IS NULL AND read_at IS NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** The outbox event it came from. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 2 })
  locale: Locale;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  links: NotificationLinks;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** When it was handed to the mail server; a retried delivery job sees it and sends nothing more. */
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  /** The daily digest that mailed it, when it went that way rather than on its own. */
  @Column({ name: 'digest_id', type: 'uuid', nullable: true })
  digestId: string | null;

  @ManyToOne(() => NotificationDigestEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'digest_id' })
  digest?: NotificationDigestEntity;
}

/** A user's choice for one kind of notification; without a row the kind's default applies. */
@Entity('notification_preference')
@Check('notification_preference_email_mode_check', `email_mode IN ('off', 'immediately', 'daily_digest')`)
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind: string;

  /** By e-mail: off, immediately (one e-mail per notification) or in the daily digest. */
  @Column({ name: 'email_mode', type: 'varchar', length: 16 })
  emailMode: EmailMode;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

export const NOTIFICATION_ENTITIES = [
  NotificationEntity,
  NotificationPreferenceEntity,
  NotificationSettingsEntity,
  NotificationDigestEntity,
  ...WEBHOOK_ENTITIES,
];
