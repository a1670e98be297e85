import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { DomainError } from '@kooperant/platform-errors';
import { queryRows, recordEvent } from '@kooperant/platform-database';
import { JobName, jobId, QueueRegistry, type RelayedEvent } from '@kooperant/platform-queue';
import type { Actor } from '@kooperant/identity';
import type { Resolved } from '../notification-sources';
import { WebhookAttemptEntity, WebhookDeliveryEntity, type WebhookDeliveryStatus } from './webhook.entity';
import { WebhookEndpointService, WebhookErrorCode } from './webhook-endpoint.service';
import { signWebhook, type SignedHeaders } from './webhook-signature';
import { postWebhook, PrivateTargetError } from './webhook-http';

export interface DeliveryPage {
  items: (WebhookDeliveryEntity & { attemptLog: WebhookAttemptEntity[] })[];
  hasNextPage: boolean;
}

export type AttemptOutcome =
  { sent: true; statusCode: number } | { sent: false; error: string; final: boolean } | { skipped: string };

/** Recorded when a firm asks for a delivery to be sent again; the worker enqueues it. */
export const WEBHOOK_RETRY_EVENT = 'webhook.delivery-retry-requested';

/** How much of an answer is kept in the log. */
const EXCERPT_BYTES = 1024;

/**
 * Webhook deliveries: planned from the notifications of each event (one per endpoint, event and kind), POSTed with
 * Standard Webhooks signatures by the worker, retried with exponential backoff by BullMQ, logged attempt by attempt
 * for the firm to read and retry.
 */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
    private readonly endpoints: WebhookEndpointService,
    @Optional() @Inject(QueueRegistry) private readonly queues: QueueRegistry | null,
  ) {}

  /**
   * Records a delivery for every enabled endpoint of the firms an event concerns that takes its kind (not to the
   * firms of the person who caused it), and enqueues the ones still to send. A replayed event finds its deliveries
   * made and enqueues those still pending again (same job ids: nothing is sent twice by this).
   */
  async plan(e: RelayedEvent, resolved: Resolved[]): Promise<string[]> {
    const concerned = [...new Set(resolved.flatMap((r) => r.firms))];
    if (!concerned.length) return [];
    // Most firms have no endpoint: the messages are written only for those that have one (a matching run concerns
    // a hundred firms or so).
    const listening = new Set(
      (
        await queryRows<{ firm_id: string }>(
          this.db.manager,
          `SELECT DISTINCT firm_id FROM webhook_endpoint WHERE firm_id = ANY($1::uuid[]) AND disabled_at IS NULL`,
          [concerned],
        )
      ).map((r) => r.firm_id),
    );
    const wanted = resolved
      .map((r) => ({ ...r, firms: r.firms.filter((f) => listening.has(f)) }))
      .filter((r) => r.firms.length);
    if (!wanted.length) return [];
    const rows = await queryRows<{ id: string; status: WebhookDeliveryStatus }>(
      this.db.manager,
      `WITH wanted AS (
         SELECT t.kind, t.firm_id, t.body FROM unnest($2::text[], $3::uuid[], $4::text[]) AS t(kind, firm_id, body)
         WHERE NOT EXISTS (SELECT 1 FROM firm_member fm WHERE fm.firm_id = t.firm_id AND fm.user_id = $5)
       )
       INSERT INTO webhook_delivery (endpoint_id, event_id, kind, body)
       SELECT w.id, $1, x.kind, x.body FROM wanted x
       JOIN webhook_endpoint w ON w.firm_id = x.firm_id AND w.disabled_at IS NULL
         AND (cardinality(w.kinds) = 0 OR x.kind = ANY(w.kinds))
       ON CONFLICT ON CONSTRAINT webhook_delivery_endpoint_event_kind_key DO UPDATE SET kind = EXCLUDED.kind
       RETURNING id, status`,
      [
        e.id,
        ...unzip(wanted.flatMap((r) => r.firms.map((firmId) => [r.kind, firmId, this.body(e, r, firmId)] as const))),
        e.actorUserId,
      ],
    );
    const pending = rows.filter((r) => r.status === 'pending').map((r) => r.id);
    if (this.queues) {
      await this.queues.enqueueMany(
        JobName.DeliverWebhook,
        pending.map((id) => ({ payload: { deliveryId: id }, opts: this.jobOptions(jobId('webhook', id)) })),
      );
    }
    return pending;
  }

  /** The message: `type`, `timestamp` (of the event) and `data` with the ids it links to and the facts it tells. */
  private body(e: RelayedEvent, r: Resolved, firmId: string): string {
    return JSON.stringify({
      type: r.kind,
      timestamp: new Date(e.createdAt).toISOString(),
      data: { eventId: e.id, firmId, ...r.links, ...r.params },
    });
  }

  /** Enqueues a delivery asked to be sent again (from its event, in the worker): one job per request. */
  async enqueueRetry(deliveryId: string, requestEventId: string): Promise<void> {
    await this.enqueue(deliveryId, jobId('webhook', deliveryId, 'retry', requestEventId));
  }

  private async enqueue(deliveryId: string, id: string): Promise<void> {
    await this.queues?.enqueue(JobName.DeliverWebhook, { deliveryId }, this.jobOptions(id));
  }

  /** A delivery's job: its id, and the platform's attempts with exponential backoff. */
  private jobOptions(id: string) {
    const { attempts, backoffMs } = this.config.webhooks;
    return { jobId: id, attempts, backoff: { type: 'exponential' as const, delay: backoffMs, jitter: 0.2 } };
  }

  /**
   * One attempt: POSTs the delivery's body, signed now, to its endpoint and logs what happened. A delivery already
   * sent, or gone with its endpoint, is not sent again; one whose endpoint is disabled is put aside (`skipped`) for
   * the firm to retry. When the last attempt fails the delivery is `failed`, the endpoint's failure count grows, and
   * at the limit the endpoint is disabled and its firm told (an outbox event, in the same transaction).
   */
  async attempt(deliveryId: string, final: boolean): Promise<AttemptOutcome> {
    const [d] = await this.db.query(
      `SELECT d.id, d.body, d.status, d.endpoint_id, w.firm_id, w.url, w.secret, w.previous_secret,
              w.previous_secret_expires_at, w.disabled_at
       FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id WHERE d.id = $1`,
      [deliveryId],
    );
    if (!d) return { skipped: 'delivery gone' };
    if (d.status === 'succeeded') return { skipped: 'already delivered' };
    if (d.disabled_at) {
      await this.db.query(
        `UPDATE webhook_delivery SET status = 'skipped', last_error = 'endpoint disabled', next_attempt_at = NULL
         WHERE id = $1 AND status = 'pending'`,
        [deliveryId],
      );
      return { skipped: 'endpoint disabled' };
    }
    const secrets = [d.secret as string];
    if (d.previous_secret && new Date(d.previous_secret_expires_at) > new Date()) secrets.push(d.previous_secret);
    const started = Date.now();
    const result = await this.post(d.url, d.body, signWebhook(secrets, d.id, new Date(started), d.body));
    const durationMs = Date.now() - started;
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const error = ok ? null : (result.error ?? `HTTP ${result.statusCode}`);

    await this.db.transaction(async (m) => {
      await m.insert(WebhookAttemptEntity, {
        deliveryId,
        statusCode: result.statusCode,
        durationMs,
        error: error?.slice(0, 500) ?? null,
        responseExcerpt: result.excerpt,
      });
      const [before] = await m.query(`SELECT status FROM webhook_delivery WHERE id = $1 FOR UPDATE`, [deliveryId]);
      await m.query(
        `UPDATE webhook_delivery SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
           status = CASE WHEN $4 THEN 'succeeded' WHEN $5 THEN 'failed' ELSE status END,
           succeeded_at = CASE WHEN $4 THEN now() ELSE succeeded_at END,
           next_attempt_at = CASE WHEN $4 OR $5 THEN NULL ELSE now() + $6 * interval '1 millisecond' END
         WHERE id = $1`,
        [deliveryId, result.statusCode, error?.slice(0, 500) ?? null, ok, final, this.config.webhooks.backoffMs],
      );
      if (ok) {
        await m.query(`UPDATE webhook_endpoint SET consecutive_failures = 0, last_success_at = now() WHERE id = $1`, [
          d.endpoint_id,
        ]);
      } else if (final && before?.status === 'pending') {
        const { disabledNow, failures } = await this.endpoints.countFailure(m, d.endpoint_id);
        if (disabledNow) {
          await recordEvent(m, {
            type: 'webhook.endpoint-disabled',
            aggregateType: 'firm',
            aggregateId: d.firm_id,
            payload: { endpointId: d.endpoint_id, firmId: d.firm_id, failures },
          });
        }
      }
    });
    return ok
      ? { sent: true, statusCode: result.statusCode as number }
      : { sent: false, error: error as string, final };
  }

  private async post(
    url: string,
    body: string,
    signed: SignedHeaders,
  ): Promise<{ statusCode: number | null; error?: string; excerpt: string | null }> {
    try {
      return await postWebhook(
        url,
        body,
        { ...signed, 'content-type': 'application/json', 'user-agent': 'Kooperant-Webhooks/1.0' },
        { policy: this.config.webhooks, timeoutMs: this.config.webhooks.timeoutMs, excerptBytes: EXCERPT_BYTES },
      );
    } catch (err) {
      const e = err as Error & { code?: string };
      const why = e instanceof PrivateTargetError || e.name === 'TimeoutError' ? e.message : null;
      return { statusCode: null, error: why ?? e.code ?? e.message, excerpt: null };
    }
  }

  /** A page of an endpoint's deliveries, newest first, each with its attempts (one query for the whole page). */
  async deliveries(
    actor: Actor,
    endpointId: string,
    opts: { first: number; after?: { createdAt: string; id: string }; status?: WebhookDeliveryStatus },
  ): Promise<DeliveryPage> {
    await this.endpoints.get(actor, endpointId);
    const qb = this.db
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.endpoint_id = :endpointId', { endpointId })
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(opts.first + 1);
    if (opts.status) qb.andWhere('d.status = :status', { status: opts.status });
    if (opts.after) {
      qb.andWhere('(d.created_at, d.id) < (:createdAt::timestamptz, :id::uuid)', opts.after);
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, opts.first);
    const attempts = items.length
      ? await this.db
          .getRepository(WebhookAttemptEntity)
          .createQueryBuilder('a')
          .where('a.delivery_id = ANY(:ids)', { ids: items.map((d) => d.id) })
          .orderBy('a.attempted_at', 'ASC')
          .getMany()
      : [];
    return {
      items: items.map((d) => Object.assign(d, { attemptLog: attempts.filter((a) => a.deliveryId === d.id) })),
      hasNextPage: rows.length > opts.first,
    };
  }

  /** Sends a failed or skipped delivery again (its attempts start afresh); its firm's admins only. */
  async retry(actor: Actor, deliveryId: string): Promise<WebhookDeliveryEntity> {
    const d = await this.db.getRepository(WebhookDeliveryEntity).findOneBy({ id: deliveryId });
    if (!d) throw DomainError.notFound('Webhook delivery', WebhookErrorCode.DELIVERY_NOT_FOUND);
    try {
      await this.endpoints.get(actor, d.endpointId, true);
    } catch (e) {
      if (e instanceof DomainError && e.code === WebhookErrorCode.ENDPOINT_NOT_FOUND) {
        throw DomainError.notFound('Webhook delivery', WebhookErrorCode.DELIVERY_NOT_FOUND);
      }
      throw e;
    }
    // The worker sends it: the request records the wish with its event, in one transaction.
    await this.db.transaction(async (m) => {
      const [row] = await queryRows<{ attempts: number }>(
        m,
        `UPDATE webhook_delivery SET status = 'pending', next_attempt_at = now()
         WHERE id = $1 AND status IN ('failed', 'skipped') RETURNING attempts`,
        [deliveryId],
      );
      if (!row) {
        throw DomainError.conflict(
          WebhookErrorCode.DELIVERY_NOT_RETRYABLE,
          `Only failed or skipped deliveries can be sent again; this one is ${d.status}.`,
          { status: d.status },
        );
      }
      await recordEvent(m, {
        type: WEBHOOK_RETRY_EVENT,
        aggregateType: 'webhook_delivery',
        aggregateId: deliveryId,
        payload: { deliveryId, attempts: row.attempts },
        actorUserId: actor.userId,
      });
    });
    return this.db.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id: deliveryId });
  }
}

function unzip<A, B, C>(rows: (readonly [A, B, C])[]): [A[], B[], C[]] {
  return [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])];
}
