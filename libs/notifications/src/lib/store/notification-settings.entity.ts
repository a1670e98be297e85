import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@kooperant/identity';

/** A user's settings for notifications as a whole; without a row the defaults apply (digest at 08:00 local time). */
@Entity('notification_settings')
@Check('notification_settings_digest_hour_check', `digest_hour BETWEEN 0 AND 23`)
export class NotificationSettingsEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The hour (0–23) in the user's own time zone from which the daily digest is sent. */
  @Column({ name: 'digest_hour', type: 'smallint' })
  digestHour: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
