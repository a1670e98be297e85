import { Injectable, Logger } from '@nestjs/common';
import { JobName, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import { MatchStoreService } from '../store/match-store.service';

/**
 * Every five minutes, behind the event-driven jobs: recomputes the matches of open orders never matched, or changed
 * since their last computation, least recently computed first. Idempotent, and safe with several workers: each order's
 * refresh is serialised in the database.
 */
@Injectable()
export class MatchingSweepProcessor implements JobHandler<JobName.MatchingSweep> {
  readonly jobName = JobName.MatchingSweep;
  private readonly log = new Logger(MatchingSweepProcessor.name);

  constructor(private readonly store: MatchStoreService) {}

  async handle(payload: JobPayloads[JobName.MatchingSweep]) {
    const orders = await this.store.staleOrders(payload.batchSize ?? 200);
    let proposed = 0;
    for (const id of orders) proposed += (await this.store.refreshOrder(id)).proposedFirst;
    if (orders.length) this.log.log(`matched ${orders.length} orders, ${proposed} new proposals`);
    return { orders: orders.length, proposed };
  }
}
