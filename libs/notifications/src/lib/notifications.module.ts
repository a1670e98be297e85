import { Inject, Injectable, Module, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATION_ENTITIES } from './store/notification.entity';
import { NotificationService } from './store/notification.service';
import { NotificationSources } from './notification-sources';
import { NotificationsEventsSubscriber } from './jobs/notifications-events.subscriber';
import { SendNotificationEmailProcessor } from './jobs/send-notification-email.processor';
import { NotificationDigestSweepProcessor } from './jobs/notification-digest-sweep.processor';
import { SendNotificationDigestProcessor } from './jobs/send-notification-digest.processor';
import { NotificationPreferencesService } from './preferences/notification-preferences.service';
import { NotificationDigestService } from './digest/notification-digest.service';
import { createMailer, MAILER, type Mailer } from './email/mailer';
import { WebhookEndpointService } from './webhooks/webhook-endpoint.service';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';
import { DeliverWebhookProcessor } from './webhooks/jobs/deliver-webhook.processor';
import { WebhookRetrySubscriber } from './webhooks/jobs/webhook-retry.subscriber';

export const NOTIFICATION_EVENT_SUBSCRIBERS = [NotificationsEventsSubscriber, WebhookRetrySubscriber];
export const NOTIFICATION_JOB_HANDLERS = [
  SendNotificationEmailProcessor,
  NotificationDigestSweepProcessor,
  SendNotificationDigestProcessor,
  DeliverWebhookProcessor,
];

/** Closes the SMTP connection pool when the application stops. */
@Injectable()
class MailerCloser implements OnApplicationShutdown {
  constructor(@Optional() @Inject(MAILER) private readonly mailer: Mailer | null) {}
  onApplicationShutdown(): void {
    this.mailer?.close();
  }
}

/** Notifications: who hears of what, in their language; in the app, live, by e-mail and by webhook. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  providers: [
    NotificationSources,
    NotificationService,
    WebhookEndpointService,
    WebhookDeliveryService,
    NotificationPreferencesService,
    NotificationDigestService,
    ...NOTIFICATION_EVENT_SUBSCRIBERS,
    ...NOTIFICATION_JOB_HANDLERS,
    { provide: MAILER, inject: [KOOPERANT_CONFIG], useFactory: (c: KooperantConfig) => createMailer(c) },
    MailerCloser,
  ],
  exports: [
    NotificationService,
    NotificationPreferencesService,
    NotificationSources,
    WebhookEndpointService,
    WebhookDeliveryService,
    ...NOTIFICATION_EVENT_SUBSCRIBERS,
    ...NOTIFICATION_JOB_HANDLERS,
  ],
})
export class NotificationsModule {}
