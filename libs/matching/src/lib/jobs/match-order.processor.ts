import { Injectable, Logger } from '@nestjs/common';
import { JobName, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import { MatchStoreService } from '../store/match-store.service';

/**
 * Ranks the packages of one open order and proposes chains. Debounced per order by the producer; re-running it
 * gives the same matches (stored by package and firm, under the order's advisory lock).
 */
@Injectable()
export class MatchOrderProcessor implements JobHandler<JobName.MatchOrder> {
  readonly jobName = JobName.MatchOrder;
  private readonly log = new Logger(MatchOrderProcessor.name);

  constructor(private readonly store: MatchStoreService) {}

  async handle({ orderId }: JobPayloads[JobName.MatchOrder]) {
    const r = await this.store.refreshOrder(orderId);
    if (r.skipped) return { skipped: r.skipped };
    if (r.proposedFirst) this.log.log(`order ${orderId}: ${r.stored} matches, ${r.proposedFirst} new`);
    return r;
  }
}
