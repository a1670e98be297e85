import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { idempotent } from '@kooperant/platform-database';
import { isFirmAdmin, isFirmMember, type Actor } from '@kooperant/identity';
import { NOTIFICATION_KINDS } from '../kinds';
import { WebhookEndpointEntity } from './webhook.entity';
import { newWebhookSecret } from './webhook-signature';
import { checkWebhookUrl } from './webhook-target';

/** Endpoints a firm may have: enough for an ERP, a test system and a chat hook, not a fan-out service. */
export const MAX_ENDPOINTS_PER_FIRM = 10;

/** After a rotation the previous secret still signs (as a second signature) for this long. */
const PREVIOUS_SECRET_GRACE_MS = 24 * 3600_000;

export interface WebhookEndpointInput {
  url: string;
  description?: string | null;
  /** Notification kinds to send; empty or absent: every kind that concerns the firm. */
  kinds?: string[] | null;
}

export interface WebhookEndpointChange {
  url?: string | null;
  description?: string | null;
  kinds?: string[] | null;
  /** false disables the endpoint; true enables it again and clears its failure count. */
  enabled?: boolean | null;
}

export interface EndpointWithSecret {
  endpoint: WebhookEndpointEntity;
  /** Shown once: the firm stores it to verify signatures. */
  secret: string;
}

export const WebhookErrorCode = {
  ENDPOINT_NOT_FOUND: 'WEBHOOK_ENDPOINT_NOT_FOUND',
  DELIVERY_NOT_FOUND: 'WEBHOOK_DELIVERY_NOT_FOUND',
  ENDPOINT_LIMIT: 'WEBHOOK_ENDPOINT_LIMIT_REACHED',
  DELIVERY_NOT_RETRYABLE: 'WEBHOOK_DELIVERY_NOT_RETRYABLE',
} as const;

/**
 * A firm's webhook endpoints. Its members see them (never the secret, which is shown once when made or rotated);
 * its admins add, change, disable, enable, rotate and remove them. For anyone else an endpoint does not exist.
 */
@Injectable()
export class WebhookEndpointService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  async list(actor: Actor, firmId: string): Promise<WebhookEndpointEntity[]> {
    const roles = await actor.roles();
    if (!roles.platformAdmin && !isFirmMember(roles, firmId)) throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    return this.db.getRepository(WebhookEndpointEntity).find({ where: { firmId }, order: { createdAt: 'ASC' } });
  }

  /** An endpoint the actor may read (a member of its firm, or a platform admin). */
  async get(actor: Actor, id: string, manage = false): Promise<WebhookEndpointEntity> {
    const endpoint = await this.db.getRepository(WebhookEndpointEntity).findOneBy({ id });
    const roles = await actor.roles();
    if (!endpoint || (!roles.platformAdmin && !isFirmMember(roles, endpoint.firmId))) {
      throw DomainError.notFound('Webhook endpoint', WebhookErrorCode.ENDPOINT_NOT_FOUND);
    }
    if (manage && !roles.platformAdmin && !isFirmAdmin(roles, endpoint.firmId)) {
      throw DomainError.forbidden("Only the firm's admins manage its webhook endpoints.");
    }
    return endpoint;
  }

  /** Adds an endpoint with a new secret. Idempotent by key: a replay returns the endpoint and its secret. */
  async create(
    actor: Actor,
    firmId: string,
    input: WebhookEndpointInput,
    idempotencyKey: string,
  ): Promise<EndpointWithSecret> {
    const roles = await actor.roles();
    if (!roles.platformAdmin && !isFirmMember(roles, firmId)) throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    if (!roles.platformAdmin && !isFirmAdmin(roles, firmId)) {
      throw DomainError.forbidden("Only the firm's admins manage its webhook endpoints.");
    }
    const clean = this.validate(input, true) as Required<WebhookEndpointInput>;
    const id = await this.db.transaction(async (m) => {
      const r = await idempotent(
        m,
        { operation: 'createWebhookEndpoint', userId: actor.userId, key: idempotencyKey, input: { firmId, ...input } },
        async () => {
          // Serialises the firm's additions, so that two at once cannot pass the limit together.
          await m.query(`SELECT id FROM firm WHERE id = $1 FOR UPDATE`, [firmId]);
          const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM webhook_endpoint WHERE firm_id = $1`, [firmId]);
          if (n >= MAX_ENDPOINTS_PER_FIRM) {
            throw DomainError.conflict(
              WebhookErrorCode.ENDPOINT_LIMIT,
              `A firm can have at most ${MAX_ENDPOINTS_PER_FIRM} webhook endpoints.`,
            );
          }
          const saved = await m.save(
            m.create(WebhookEndpointEntity, {
              firmId,
              url: clean.url,
              description: clean.description ?? '',
              kinds: clean.kinds ?? [],
              secret: newWebhookSecret(),
              createdBy: actor.userId,
            }),
          );
          return saved.id;
        },
      );
      return r.id;
    });
    return this.withSecret(id);
  }

  async update(actor: Actor, id: string, change: WebhookEndpointChange): Promise<WebhookEndpointEntity> {
    await this.get(actor, id, true);
    const clean = this.validate(change, false);
    const sets: string[] = [];
    const params: unknown[] = [id];
    if (clean.url !== undefined) sets.push(`url = $${params.push(clean.url)}`);
    if (clean.description !== undefined) sets.push(`description = $${params.push(clean.description)}`);
    if (clean.kinds !== undefined) sets.push(`kinds = $${params.push(clean.kinds)}::text[]`);
    if (change.enabled === true) {
      sets.push(`disabled_at = NULL, disabled_reason = NULL, consecutive_failures = 0`);
    } else if (change.enabled === false) {
      sets.push(
        `disabled_at = COALESCE(disabled_at, now()), disabled_reason = COALESCE(disabled_reason, 'by the firm')`,
      );
    }
    if (sets.length) await this.db.query(`UPDATE webhook_endpoint SET ${sets.join(', ')} WHERE id = $1`, params);
    return this.db.getRepository(WebhookEndpointEntity).findOneByOrFail({ id });
  }

  /** Removes an endpoint with its delivery log. */
  async remove(actor: Actor, id: string): Promise<string> {
    await this.get(actor, id, true);
    await this.db.query(`DELETE FROM webhook_endpoint WHERE id = $1`, [id]);
    return id;
  }

  /** A new secret; the previous one keeps signing alongside for a day, so receivers can switch without losses. */
  async rotateSecret(actor: Actor, id: string): Promise<EndpointWithSecret> {
    await this.get(actor, id, true);
    await this.db.query(
      `UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_expires_at = $2, secret = $3 WHERE id = $1`,
      [id, new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS), newWebhookSecret()],
    );
    return this.withSecret(id);
  }

  /**
   * Records a delivery that failed for good: counts it, and disables the endpoint when the count reaches the limit
   * (returns true then, once). Runs in the caller's transaction, with the event that tells the firm.
   */
  async countFailure(m: EntityManager, endpointId: string): Promise<{ disabledNow: boolean; failures: number }> {
    const [row] = await m.query(
      `SELECT consecutive_failures, disabled_at FROM webhook_endpoint WHERE id = $1 FOR UPDATE`,
      [endpointId],
    );
    if (!row) return { disabledNow: false, failures: 0 };
    const failures = (row.consecutive_failures as number) + 1;
    const disabledNow = row.disabled_at === null && failures >= this.config.webhooks.disableAfter;
    await m.query(
      `UPDATE webhook_endpoint SET consecutive_failures = $2,
         disabled_at = CASE WHEN $3 THEN now() ELSE disabled_at END,
         disabled_reason = CASE WHEN $3 THEN 'after failed deliveries' ELSE disabled_reason END
       WHERE id = $1`,
      [endpointId, failures, disabledNow],
    );
    return { disabledNow, failures };
  }

  private async withSecret(id: string): Promise<EndpointWithSecret> {
    const endpoint = await this.db.getRepository(WebhookEndpointEntity).findOneByOrFail({ id });
    const [{ secret }] = await this.db.query(`SELECT secret FROM webhook_endpoint WHERE id = $1`, [id]);
    return { endpoint, secret };
  }

  private validate(input: WebhookEndpointChange, creating: boolean): WebhookEndpointChange {
    const p = new ProblemCollector();
    const out: WebhookEndpointChange = {};
    if (input.url !== undefined && input.url !== null) {
      try {
        out.url = checkWebhookUrl(input.url, this.config.webhooks);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        for (const x of e.problems) p.add(x.field, x.reason, x.message);
      }
    } else if (creating || input.url === null) {
      p.add('url', 'REQUIRED', 'Give the URL to send webhooks to.');
    }
    if (input.description !== undefined && input.description !== null) {
      out.description = input.description.trim();
      if (out.description.length > 200) p.add('description', 'TOO_LONG', 'At most 200 characters.');
    } else if (input.description === null) out.description = '';
    if (input.kinds !== undefined) {
      const kinds = [...new Set(input.kinds ?? [])];
      kinds.forEach((k, i) => {
        if (!(NOTIFICATION_KINDS as readonly string[]).includes(k)) {
          p.add(`kinds.${i}`, 'UNKNOWN_KIND', `Unknown notification kind "${k}".`);
        }
      });
      out.kinds = kinds;
    }
    p.throwIfAny();
    return out;
  }
}
