import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_SUBSCRIBERS, type EventSubscriber } from './event-subscriber';
import type { JobHandler } from './job-handler';
import { JobName, type RelayedEvent } from './queue-names';

/** Hands a relayed event to every subscriber of its type. A failing subscriber fails the job, which is retried. */
@Injectable()
export class DomainEventProcessor implements JobHandler<JobName.DomainEvent> {
  readonly jobName = JobName.DomainEvent;
  private readonly byType = new Map<string, EventSubscriber[]>();

  constructor(@Optional() @Inject(EVENT_SUBSCRIBERS) subscribers: EventSubscriber[] | null) {
    for (const s of subscribers ?? []) {
      for (const t of s.eventTypes) this.byType.set(t, [...(this.byType.get(t) ?? []), s]);
    }
  }

  async handle(event: RelayedEvent) {
    const subs = this.byType.get(event.type) ?? [];
    for (const s of subs) await s.handle(event);
    return { subscribers: subs.map((s) => s.name) };
  }
}
