import { Injectable } from '@nestjs/common';
import type { EventSubscriber, RelayedEvent } from '@kooperant/platform-queue';
import { WEBHOOK_RETRY_EVENT, WebhookDeliveryService } from '../webhook-delivery.service';

/** Sends again the deliveries a firm asked for (the gateway records the wish; the worker owns the queues). */
@Injectable()
export class WebhookRetrySubscriber implements EventSubscriber {
  readonly name = 'webhook-retry';
  readonly eventTypes = [WEBHOOK_RETRY_EVENT];

  constructor(private readonly deliveries: WebhookDeliveryService) {}

  async handle(e: RelayedEvent): Promise<void> {
    const { deliveryId } = e.payload as { deliveryId: string };
    await this.deliveries.enqueueRetry(deliveryId, e.id);
  }
}
