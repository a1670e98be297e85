import { Injectable } from '@nestjs/common';
import { JobName, jobId, QueueRegistry, type EventSubscriber, type RelayedEvent } from '@kooperant/platform-queue';
import { RATES_IMPORTED_EVENT } from '@kooperant/orders';
import { METRIC_EVENT_TYPES } from '../core/metric-event';

/**
 * Hands every KPI event to the metrics queue, one roll-up job per event (job id from the event id, so a relayed
 * event given twice is one job). The roll-up is not done here: it waits its turn, and must not hold back or retry the
 * event's other subscribers.
 */
@Injectable()
export class MetricsEventsSubscriber implements EventSubscriber {
  readonly name = 'metrics';
  /** The KPI events, and imports of exchange rates (the awards converted at them are converted again). */
  readonly eventTypes = [...METRIC_EVENT_TYPES, RATES_IMPORTED_EVENT];

  constructor(private readonly queues: QueueRegistry) {}

  async handle(e: RelayedEvent): Promise<void> {
    await this.queues.enqueue(JobName.MetricsRollup, { eventId: e.id }, { jobId: jobId('metrics', e.id) });
  }
}
