import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATION_ENTITIES } from './store/notification.entity';
import { NotificationService } from './store/notification.service';
import { NotificationSources } from './notification-sources';
import { NotificationsEventsSubscriber } from './jobs/notifications-events.subscriber';

export const NOTIFICATION_EVENT_SUBSCRIBERS = [NotificationsEventsSubscriber];

/** Notifications: who hears of what, in their language; in-app now, e-mail and webhooks to come. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  providers: [NotificationSources, NotificationService, ...NOTIFICATION_EVENT_SUBSCRIBERS],
  exports: [NotificationService, NotificationSources, ...NOTIFICATION_EVENT_SUBSCRIBERS],
})
export class NotificationsModule {}
