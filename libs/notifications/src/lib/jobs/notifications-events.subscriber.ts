import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  JobName,
  jobId,
  LIVE_PUBSUB,
  notificationChannel,
  QueueRegistry,
  type EventSubscriber,
  type LivePubSub,
  type RelayedEvent,
} from '@kooperant/platform-queue';
import { KIND_OF_EVENT } from '../kinds';
import { NotificationService } from '../store/notification.service';
import { NotificationSources } from '../notification-sources';
import { MAILER, type Mailer } from '../email/mailer';
import { WebhookDeliveryService } from '../webhooks/webhook-delivery.service';

/**
 * Turns every event that concerns people into in-app notifications (idempotent: one per user, event and kind),
 * e-mail jobs, and webhook deliveries to the endpoints of the firms concerned; publishes each new notification on its
 * user's live channel, which every gateway instance delivers to that user's subscriptions. A lost publication loses
 * nothing: the notification is stored and listed. A run that died half-way is completed by the event's replay:
 * e-mails and webhooks not yet sent are enqueued again under the same job ids.
 */
@Injectable()
export class NotificationsEventsSubscriber implements EventSubscriber {
  readonly name = 'notifications';
  readonly eventTypes = Object.keys(KIND_OF_EVENT);
  private readonly log = new Logger('Notifications');

  constructor(
    private readonly sources: NotificationSources,
    private readonly notifications: NotificationService,
    private readonly webhooks: WebhookDeliveryService,
    @Optional() @Inject(LIVE_PUBSUB) private readonly live: LivePubSub | null,
    @Optional() @Inject(MAILER) private readonly mailer: Mailer | null,
    // By token: a `T | null` parameter's design type is Object, which Nest cannot resolve (it would be left out).
    @Optional() @Inject(QueueRegistry) private readonly queues: QueueRegistry | null,
  ) {}

  async handle(e: RelayedEvent): Promise<void> {
    const resolved = await this.sources.resolve(e);
    const stored = await this.notifications.store(e, resolved);
    // E-mail: one job per notification (the job decides by the user's choice); id from the notification, so once.
    // Those of an earlier try too: it may have died between storing them and getting here.
    if (this.mailer && this.queues) {
      await this.queues.enqueueMany(
        JobName.SendNotificationEmail,
        stored
          .filter((x) => !x.emailed)
          .map((n) => ({ payload: { notificationId: n.id }, opts: { jobId: jobId('email', n.id) } })),
      );
    }
    await this.webhooks.plan(e, resolved);
    if (!this.live) return;
    for (const { userId, isNew, emailed: _emailed, ...n } of stored) {
      if (!isNew) continue;
      await this.live
        .publish(notificationChannel(userId), { notificationAdded: n })
        .catch((err: Error) => this.log.warn(`live update for ${userId} not sent: ${err.message}`));
    }
  }
}
