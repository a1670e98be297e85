import type { RelayedEvent } from './queue-names';

/**
 * Reacts to domain events relayed from the outbox. At-least-once: the same event may come again (a retry, a relay
 * that died between enqueueing and marking), so a subscriber must be idempotent. Keep it quick: enqueue a job for
 * heavy work rather than doing it here, since a failure retries every subscriber of the event.
 */
export interface EventSubscriber {
  readonly name: string;
  readonly eventTypes: readonly string[];
  handle(event: RelayedEvent): Promise<void>;
}

/** Nest multi-provider token: every EventSubscriber the worker should run. */
export const EVENT_SUBSCRIBERS = Symbol.for('kooperant.event-subscribers');
