import { Injectable } from '@nestjs/common';
import type { EventSubscriber, RelayedEvent } from '@kooperant/platform-queue';
import { METRIC_EVENT_TYPES } from '../core/metric-event';
import { MetricsRollupService } from '../store/metrics-rollup.service';

/** Rolls every KPI event up as it is relayed from the outbox. Idempotent: a replayed event (same id) changes nothing. */
@Injectable()
export class MetricsEventsSubscriber implements EventSubscriber {
  readonly name = 'metrics';
  readonly eventTypes = METRIC_EVENT_TYPES;

  constructor(private readonly rollup: MetricsRollupService) {}

  async handle(e: RelayedEvent): Promise<void> {
    await this.rollup.apply({ id: e.id, type: e.type, at: new Date(e.createdAt), payload: e.payload });
  }
}
