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
import { MAILER, type Mailer } from '../email/mailer';

/**
 * Turns every event that concerns people into in-app notifications (idempotent: one per user, event and kind), and
 * publishes each new one on its user's live channel, which every gateway instance delivers to that user's
 * subscriptions. A lost publication loses nothing: the notification is stored and listed.
 */
@Injectable()
export class NotificationsEventsSubscriber implements EventSubscriber {
  readonly name = 'notifications';
  readonly eventTypes = Object.keys(KIND_OF_EVENT);
  private readonly log = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationService,
    @Optional() @Inject(LIVE_PUBSUB) private readonly live: LivePubSub | null,
    @Optional() @Inject(MAILER) private readonly mailer: Mailer | null,
    // An explicit token: a union type (`X | null`) is recorded as Object in the decorator metadata.
    @Optional() @Inject(QueueRegistry) private readonly queues: QueueRegistry | null,
  ) {}

  async handle(e: RelayedEvent): Promise<void> {
    const made = await this.notifications.fromEvent(e);
    // E-mail: one job per notification (the job decides by the user's choice); id from the notification, so once.
    if (this.mailer && this.queues) {
      for (const n of made) {
        await this.queues.enqueue(
          JobName.SendNotificationEmail,
          { notificationId: n.id },
          { jobId: jobId('email', n.id) },
        );
      }
    }
    if (!this.live) return;
    for (const { userId, ...n } of made) {
      await this.live
        .publish(notificationChannel(userId), { notificationAdded: n })
        .catch((err: Error) => this.log.warn(`live update for ${userId} not sent: ${err.message}`));
    }
  }
}
