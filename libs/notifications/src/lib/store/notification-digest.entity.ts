import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '@kooperant/identity';

/**
 * A daily digest handed to the mail server: at most one per user and local date (the date in the user's zone). The
 * row is written in the same transaction that marks the notifications it lists as mailed, and that transaction
 * commits only after the mail server took the e-mail; so a row means "sent", and a second runner of the same digest
 * waits on the unique key and then sends nothing.
 */
@Entity('notification_digest')
@Unique('notification_digest_user_date_key', ['userId', 'localDate'])
export class NotificationDigestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The digest's day in the user's time zone, `YYYY-MM-DD`. */
  @Column({ name: 'local_date', type: 'date' })
  localDate: string;

  @Column({ name: 'notification_count', type: 'int' })
  notificationCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
