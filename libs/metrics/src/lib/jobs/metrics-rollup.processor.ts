import { Injectable } from '@nestjs/common';
import { JobName, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import { MetricsRollupService } from '../store/metrics-rollup.service';

/** Rolls one outbox event up into the KPIs: reloads it by id; a replay (or an event gone) changes nothing. */
@Injectable()
export class MetricsRollupProcessor implements JobHandler<JobName.MetricsRollup> {
  readonly jobName = JobName.MetricsRollup;

  constructor(private readonly rollup: MetricsRollupService) {}

  async handle({ eventId }: JobPayloads[JobName.MetricsRollup]) {
    return { applied: await this.rollup.applyOutboxEvent(eventId) };
  }
}
