import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { JobName, QueueRegistry, type JobHandler, type JobPayloads } from '@kooperant/platform-queue';
import { TaxonomyService } from '@kooperant/catalogue';
import { enqueueMatchOrder } from './enqueue';

/**
 * Reverse matching: an offer was published or changed (or went away), so the open orders it may now fit, and those
 * it was matched to, are matched again. A package asking for a process accepts that process and those below it, so
 * an offer fits packages asking for one of its processes or an ancestor of one.
 */
@Injectable()
export class MatchOfferProcessor implements JobHandler<JobName.MatchOffer> {
  readonly jobName = JobName.MatchOffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly queues: QueueRegistry,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  async handle({ offerId }: JobPayloads[JobName.MatchOffer], job?: { id?: string }) {
    const [offer] = await this.db.query(`SELECT firm_id, status, process_ids FROM offer WHERE id = $1`, [offerId]);
    const processes = new Set<string>();
    if (offer?.status === 'published') {
      const snap = await this.taxonomy.snapshot();
      for (const p of offer.process_ids as string[]) {
        processes.add(p);
        for (const a of snap.ancestorsOf(p)) processes.add(a.id);
      }
    }
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT o.id FROM cooperative_order o
       WHERE o.status = 'open' AND (
         (o.buyer_firm_id <> $3 AND EXISTS (
            SELECT 1 FROM work_package w WHERE w.order_id = o.id AND w.status = 'open' AND w.process_id = ANY($2::uuid[])))
         OR EXISTS (SELECT 1 FROM package_match m WHERE m.order_id = o.id AND m.offer_id = $1))`,
      [offerId, [...processes], offer?.firm_id ?? '00000000-0000-0000-0000-000000000000'],
    );
    for (const r of rows)
      await enqueueMatchOrder(this.queues, this.config, r.id, `offer-${offerId}-${job?.id ?? 'run'}`);
    return { orders: rows.length };
  }
}
