import type { KooperantConfig } from '@kooperant/platform-config';
import { JobName, jobId, type QueueRegistry } from '@kooperant/platform-queue';

/**
 * Asks for an order to be matched again, debounced per order. `cause` names what triggered it (an event id, say),
 * so the same trigger delivered twice is one job.
 */
export function enqueueMatchOrder(queues: QueueRegistry, config: KooperantConfig, orderId: string, cause: string) {
  return queues.enqueueDebounced(
    JobName.MatchOrder,
    { orderId },
    { key: `match-order-${orderId}`, delayMs: config.matchDebounceMs, jobId: jobId('match-order', orderId, cause) },
  );
}
