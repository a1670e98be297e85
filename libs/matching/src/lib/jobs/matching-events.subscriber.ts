import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { JobName, jobId, QueueRegistry, type EventSubscriber, type RelayedEvent } from '@kooperant/platform-queue';
import { BrokeringService } from '../store/brokering.service';
import { enqueueMatchOrder } from './enqueue';

/**
 * What the domain events mean for matching: an order published or changed is matched (again); an offer published,
 * changed or gone triggers reverse matching; a cluster's new weights re-match its open orders; quotes and awards move
 * the matches they concern along the brokering pipeline.
 */
@Injectable()
export class MatchingEventsSubscriber implements EventSubscriber {
  readonly name = 'matching';
  readonly eventTypes = [
    'order.published',
    'order.updated',
    'offer.published',
    'offer.updated',
    'offer.archived',
    'offer.expired',
    'cluster.matching-settings-changed',
    'quote.submitted',
    'quote.revised',
    'quote.withdrawn',
    'package.awarded',
    'package.award-cancelled',
  ] as const;

  constructor(
    private readonly queues: QueueRegistry,
    private readonly brokering: BrokeringService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  async handle(e: RelayedEvent): Promise<void> {
    const p = e.payload as Record<string, string>;
    switch (e.type) {
      case 'order.published':
      case 'order.updated':
        await enqueueMatchOrder(this.queues, this.config, e.aggregateId, e.id);
        return;
      case 'offer.published':
      case 'offer.updated':
      case 'offer.archived':
      case 'offer.expired':
        await this.queues.enqueueDebounced(
          JobName.MatchOffer,
          { offerId: e.aggregateId },
          {
            key: `match-offer-${e.aggregateId}`,
            delayMs: this.config.matchDebounceMs,
            jobId: jobId('match-offer', e.id),
          },
        );
        return;
      case 'cluster.matching-settings-changed': {
        const orders: { id: string }[] = await this.db.query(
          `SELECT id FROM cooperative_order WHERE cluster_id = $1 AND status = 'open'`,
          [e.aggregateId],
        );
        for (const o of orders) await enqueueMatchOrder(this.queues, this.config, o.id, e.id);
        return;
      }
      case 'quote.submitted':
      case 'quote.revised':
        await this.brokering.quoted(p['quoteId']);
        return;
      case 'quote.withdrawn':
        await this.brokering.quoteWithdrawn(p['quoteId']);
        return;
      case 'package.awarded':
        await this.brokering.awarded(p['packageId'], p['firmId']);
        return;
      case 'package.award-cancelled':
        await this.brokering.awardCancelled(p['packageId']);
        return;
    }
  }
}
