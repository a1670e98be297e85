import { Injectable } from '@nestjs/common';
import type { EventSubscriber, RelayedEvent } from '@kooperant/platform-queue';
import { KIND_OF_EVENT } from '../kinds';
import { NotificationService } from '../store/notification.service';

/** Turns every event that concerns people into in-app notifications (idempotent: one per user, event and kind). */
@Injectable()
export class NotificationsEventsSubscriber implements EventSubscriber {
  readonly name = 'notifications';
  readonly eventTypes = Object.keys(KIND_OF_EVENT);

  constructor(private readonly notifications: NotificationService) {}

  async handle(e: RelayedEvent): Promise<void> {
    await this.notifications.fromEvent(e);
  }
}
