import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { idempotent, recordEvent } from '@kooperant/platform-database';
import type { Actor, ActorRoles } from '@kooperant/identity';
import { ExchangeCommentEntity, ExchangePostEntity, type ExchangeTopic } from './exchange.entity';

export const ExchangeErrorCode = {
  POST_NOT_FOUND: 'EXCHANGE_POST_NOT_FOUND',
  NOT_A_COORDINATOR: 'NOT_A_COORDINATOR',
  NO_PARTNER_CLUSTER: 'NO_PARTNER_CLUSTER',
  NOTHING_TO_FORWARD_TO: 'NOTHING_TO_FORWARD_TO',
} as const;

const TOPICS: readonly ExchangeTopic[] = ['good_practice', 'cooperation_offer', 'question'];
const LANGUAGES = ['en', 'pl', 'lt'] as const;

export interface PostCommand {
  /** The cluster to write for; may be omitted by a coordinator of one cluster. */
  clusterId?: string | null;
  topic: ExchangeTopic;
  title: string;
  body: string;
  language: 'en' | 'pl' | 'lt';
  orderId?: string | null;
  offerId?: string | null;
  firmId?: string | null;
}

export interface ForwardCommand {
  clusterId?: string | null;
  /** Exactly one of orderId and offerId. */
  orderId?: string | null;
  offerId?: string | null;
  /** Firms of the partner cluster to forward to; omitted: every verified member of it. */
  firmIds?: string[] | null;
  note?: string | null;
  language: 'en' | 'pl' | 'lt';
}

export interface PostFilter {
  topic?: ExchangeTopic | null;
  orderId?: string | null;
  offerId?: string | null;
  firmId?: string | null;
}

export interface PostPage {
  items: ExchangePostEntity[];
  hasNextPage: boolean;
}

/**
 * The coordinators' exchange between partner clusters: posts (good practices, cooperation offers, questions) linked
 * to orders, offers or firms, comments, and forwarding an order or an offer to the partner cluster's firms (an order
 * forwarded is opened to them, as an invitation). Every post and comment is read by the coordinators of the author's
 * cluster and of its partner cluster, and by nobody else: for anyone else a post does not exist.
 */
@Injectable()
export class ExchangeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async createPost(actor: Actor, cmd: PostCommand, idempotencyKey: string): Promise<ExchangePostEntity> {
    const p = new ProblemCollector();
    const title = text(cmd.title, 'title', 200, p);
    const body = text(cmd.body, 'body', 10_000, p);
    if (!TOPICS.includes(cmd.topic)) {
      p.add(
        'topic',
        'UNKNOWN',
        'Write a good practice, a cooperation offer or a question (forwards are made by forwarding).',
      );
    }
    if (!LANGUAGES.includes(cmd.language)) p.add('language', 'UNKNOWN', 'en, pl or lt.');
    p.throwIfAny();
    const roles = await actor.roles();
    const clusterId = this.actingCluster(roles, cmd.clusterId);
    const id = await this.db.transaction(async (m) => {
      const r = await idempotent(
        m,
        { operation: 'createExchangePost', userId: actor.userId, key: idempotencyKey, input: cmd },
        async () => {
          await this.checkLinks(m, clusterId, cmd);
          const saved = await m.save(
            m.create(ExchangePostEntity, {
              clusterId,
              authorUserId: actor.userId,
              topic: cmd.topic,
              title,
              body,
              language: cmd.language,
              orderId: cmd.orderId ?? null,
              offerId: cmd.offerId ?? null,
              firmId: cmd.firmId ?? null,
            }),
          );
          await recordEvent(m, {
            type: 'exchange.posted',
            aggregateType: 'exchange_post',
            aggregateId: saved.id,
            payload: { postId: saved.id, clusterId },
            actorUserId: actor.userId,
          });
          return saved.id;
        },
      );
      return r.id;
    });
    return this.db.getRepository(ExchangePostEntity).findOneByOrFail({ id });
  }

  async comment(
    actor: Actor,
    postId: string,
    bodyText: string,
    idempotencyKey: string,
  ): Promise<ExchangeCommentEntity> {
    const p = new ProblemCollector();
    const body = text(bodyText, 'body', 5_000, p);
    p.throwIfAny();
    const post = await this.post(actor, postId);
    const roles = await actor.roles();
    const clusterId = await this.commentingCluster(roles, post.clusterId);
    const id = await this.db.transaction(async (m) => {
      const r = await idempotent(
        m,
        { operation: 'commentExchangePost', userId: actor.userId, key: idempotencyKey, input: { postId, body } },
        async () => {
          const saved = await m.save(
            m.create(ExchangeCommentEntity, { postId, clusterId, authorUserId: actor.userId, body }),
          );
          await recordEvent(m, {
            type: 'exchange.commented',
            aggregateType: 'exchange_post',
            aggregateId: postId,
            payload: { postId, commentId: saved.id },
            actorUserId: actor.userId,
          });
          return saved.id;
        },
      );
      return r.id;
    });
    return this.db.getRepository(ExchangeCommentEntity).findOneByOrFail({ id });
  }

  /**
   * Forwards an open order of the acting cluster (opening it to the firms, as an invitation to quote) or a published
   * offer of one of its verified firms to the partner cluster's firms: those given (verified members of the partner
   * cluster) or all of them. Recorded as a post of topic `forward`, with an event that tells the firms.
   */
  async forward(actor: Actor, cmd: ForwardCommand, idempotencyKey: string): Promise<ExchangePostEntity> {
    const p = new ProblemCollector();
    const note = cmd.note ? text(cmd.note, 'note', 5_000, p) : '';
    if (!!cmd.orderId === !!cmd.offerId) p.add('orderId', 'ONE_OF', 'Forward either an order or an offer.');
    if (!LANGUAGES.includes(cmd.language)) p.add('language', 'UNKNOWN', 'en, pl or lt.');
    p.throwIfAny();
    const roles = await actor.roles();
    const clusterId = this.actingCluster(roles, cmd.clusterId);
    const id = await this.db.transaction(async (m) => {
      const r = await idempotent(
        m,
        { operation: 'forwardToPartnerCluster', userId: actor.userId, key: idempotencyKey, input: cmd },
        async () => {
          const [c] = await m.query(`SELECT partner_cluster_id FROM cluster WHERE id = $1`, [clusterId]);
          const partner = c?.partner_cluster_id as string | null;
          if (!partner) {
            throw DomainError.conflict(ExchangeErrorCode.NO_PARTNER_CLUSTER, 'This cluster has no partner cluster.');
          }
          const subject = cmd.orderId
            ? await this.forwardableOrder(m, clusterId, cmd.orderId)
            : await this.forwardableOffer(m, clusterId, cmd.offerId as string);
          const firmIds = await this.partnerFirms(m, partner, cmd.firmIds ?? null, subject.ownFirmId);
          const saved = await m.save(
            m.create(ExchangePostEntity, {
              clusterId,
              authorUserId: actor.userId,
              topic: 'forward',
              title: subject.title.slice(0, 200),
              body: note,
              language: cmd.language,
              orderId: cmd.orderId ?? null,
              offerId: cmd.offerId ?? null,
              firmId: subject.ownFirmId,
              forwardedToFirmIds: firmIds,
            }),
          );
          if (cmd.orderId) {
            await m.query(
              `INSERT INTO order_invitation (order_id, firm_id, invited_by)
               SELECT $1, f, $3 FROM unnest($2::uuid[]) AS f ON CONFLICT DO NOTHING`,
              [cmd.orderId, firmIds, actor.userId],
            );
          }
          await recordEvent(m, {
            type: cmd.orderId ? 'exchange.order-forwarded' : 'exchange.offer-forwarded',
            aggregateType: 'exchange_post',
            aggregateId: saved.id,
            payload: {
              postId: saved.id,
              fromClusterId: clusterId,
              toClusterId: partner,
              orderId: cmd.orderId ?? null,
              offerId: cmd.offerId ?? null,
              firmIds,
            },
            actorUserId: actor.userId,
          });
          return saved.id;
        },
      );
      return r.id;
    });
    return this.db.getRepository(ExchangePostEntity).findOneByOrFail({ id });
  }

  /** Posts the actor may read, newest first, keyset-paged by (createdAt, id). */
  async posts(
    actor: Actor,
    filter: PostFilter,
    opts: { first: number; after?: { createdAt: string; id: string } },
  ): Promise<PostPage> {
    const clusters = await this.readableClusters(await actor.roles());
    const qb = this.db
      .getRepository(ExchangePostEntity)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .take(opts.first + 1);
    if (clusters !== 'all') qb.where('p.cluster_id = ANY(:clusters)', { clusters });
    if (filter.topic) qb.andWhere('p.topic = :topic', { topic: filter.topic });
    if (filter.orderId) qb.andWhere('p.order_id = :orderId', { orderId: filter.orderId });
    if (filter.offerId) qb.andWhere('p.offer_id = :offerId', { offerId: filter.offerId });
    if (filter.firmId) qb.andWhere('p.firm_id = :firmId', { firmId: filter.firmId });
    if (opts.after) qb.andWhere('(p.created_at, p.id) < (:createdAt::timestamptz, :id::uuid)', opts.after);
    const rows = await qb.getMany();
    return { items: rows.slice(0, opts.first), hasNextPage: rows.length > opts.first };
  }

  async post(actor: Actor, id: string): Promise<ExchangePostEntity> {
    const post = await this.db.getRepository(ExchangePostEntity).findOneBy({ id });
    const clusters = await this.readableClusters(await actor.roles());
    if (!post || (clusters !== 'all' && !clusters.includes(post.clusterId))) {
      throw DomainError.notFound('Exchange post', ExchangeErrorCode.POST_NOT_FOUND);
    }
    return post;
  }

  /** The comments of several posts (already checked readable), oldest first: one query for a page. */
  async commentsOf(postIds: readonly string[]): Promise<Map<string, ExchangeCommentEntity[]>> {
    const out = new Map<string, ExchangeCommentEntity[]>(postIds.map((id) => [id, []]));
    if (!postIds.length) return out;
    const rows = await this.db
      .getRepository(ExchangeCommentEntity)
      .createQueryBuilder('c')
      .where('c.post_id = ANY(:ids)', { ids: [...postIds] })
      .orderBy('c.created_at', 'ASC')
      .getMany();
    for (const c of rows) out.get(c.postId)?.push(c);
    return out;
  }

  /** Display names of the people who wrote, for a response's posts and comments in one query. */
  async authorNames(ids: readonly string[]): Promise<string[]> {
    const rows: { id: string; display_name: string }[] = await this.db.query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
      [[...ids]],
    );
    const byId = new Map(rows.map((r) => [r.id, r.display_name]));
    return ids.map((id) => byId.get(id) ?? '');
  }

  /** The clusters whose posts the actor reads: those it coordinates and their partners (a platform admin: all). */
  private async readableClusters(roles: ActorRoles): Promise<string[] | 'all'> {
    if (roles.platformAdmin) return 'all';
    const own = [...roles.coordinatorOf];
    if (!own.length) throw DomainError.forbidden('The exchange is for cluster coordinators.');
    const rows: { partner_cluster_id: string | null }[] = await this.db.query(
      `SELECT partner_cluster_id FROM cluster WHERE id = ANY($1::uuid[])`,
      [own],
    );
    return [...new Set([...own, ...rows.map((r) => r.partner_cluster_id).filter((x): x is string => !!x)])];
  }

  private actingCluster(roles: ActorRoles, clusterId: string | null | undefined): string {
    const own = [...roles.coordinatorOf];
    if (clusterId) {
      if (!roles.coordinatorOf.has(clusterId)) {
        throw DomainError.invalid(
          'clusterId',
          ExchangeErrorCode.NOT_A_COORDINATOR,
          'You do not coordinate this cluster.',
        );
      }
      return clusterId;
    }
    if (own.length === 1) return own[0];
    if (!own.length) throw DomainError.forbidden('The exchange is for cluster coordinators.');
    throw DomainError.invalid('clusterId', 'REQUIRED', 'You coordinate several clusters: say for which you write.');
  }

  /** A commenter writes for the post's cluster if they coordinate it, else for their cluster partnered with it. */
  private async commentingCluster(roles: ActorRoles, postClusterId: string): Promise<string> {
    if (roles.coordinatorOf.has(postClusterId)) return postClusterId;
    const [c] = await this.db.query(`SELECT partner_cluster_id FROM cluster WHERE id = $1`, [postClusterId]);
    if (c?.partner_cluster_id && roles.coordinatorOf.has(c.partner_cluster_id)) return c.partner_cluster_id as string;
    throw DomainError.forbidden('Only the coordinators of the two partner clusters comment.');
  }

  /** Links must name things that exist (and an order the coordinators of these clusters see). */
  private async checkLinks(m: EntityManager, clusterId: string, cmd: PostCommand): Promise<void> {
    const p = new ProblemCollector();
    if (cmd.orderId) {
      const [o] = await m.query(
        `SELECT 1 FROM cooperative_order o JOIN cluster c ON c.id = $2
         WHERE o.id = $1 AND o.status <> 'draft'
           AND (o.cluster_id = $2 OR (o.cluster_id = c.partner_cluster_id AND o.visibility = 'partner_clusters'))`,
        [cmd.orderId, clusterId],
      );
      if (!o) p.add('orderId', 'NOT_FOUND', 'No such order among those your cluster sees.');
    }
    if (cmd.offerId) {
      const [o] = await m.query(`SELECT 1 FROM offer WHERE id = $1 AND status = 'published'`, [cmd.offerId]);
      if (!o) p.add('offerId', 'NOT_FOUND', 'No such published offer.');
    }
    if (cmd.firmId) {
      const [f] = await m.query(`SELECT 1 FROM firm WHERE id = $1`, [cmd.firmId]);
      if (!f) p.add('firmId', 'NOT_FOUND', 'No such firm.');
    }
    p.throwIfAny();
  }

  private async forwardableOrder(m: EntityManager, clusterId: string, orderId: string) {
    const [o] = await m.query(
      `SELECT title, buyer_firm_id, status FROM cooperative_order WHERE id = $1 AND cluster_id = $2 FOR UPDATE`,
      [orderId, clusterId],
    );
    if (!o) throw DomainError.invalid('orderId', 'NOT_FOUND', 'No such order of your cluster.');
    if (o.status !== 'open') {
      throw DomainError.invalid(
        'orderId',
        'NOT_OPEN',
        `Only an order open for quotes is forwarded; this one is ${o.status}.`,
      );
    }
    return { title: o.title as string, ownFirmId: o.buyer_firm_id as string };
  }

  private async forwardableOffer(m: EntityManager, clusterId: string, offerId: string) {
    const [o] = await m.query(
      `SELECT o.title, o.firm_id FROM offer o
       JOIN cluster_membership cm ON cm.firm_id = o.firm_id AND cm.cluster_id = $2 AND cm.status = 'verified'
       WHERE o.id = $1 AND o.status = 'published'`,
      [offerId, clusterId],
    );
    if (!o) throw DomainError.invalid('offerId', 'NOT_FOUND', "No such published offer of your cluster's firms.");
    return { title: o.title as string, ownFirmId: o.firm_id as string };
  }

  /** The partner cluster's verified firms to forward to (never the order's buyer or the offer's own firm). */
  private async partnerFirms(
    m: EntityManager,
    partner: string,
    asked: string[] | null,
    exclude: string,
  ): Promise<string[]> {
    const rows: { firm_id: string }[] = await m.query(
      `SELECT firm_id FROM cluster_membership WHERE cluster_id = $1 AND status = 'verified' AND firm_id <> $2
       ORDER BY firm_id`,
      [partner, exclude],
    );
    const members = new Set(rows.map((r) => r.firm_id));
    if (asked) {
      const p = new ProblemCollector();
      const unique = [...new Set(asked)];
      asked.forEach((f, i) => {
        if (!members.has(f)) p.add(`firmIds.${i}`, 'NOT_A_PARTNER_FIRM', 'Not a verified firm of the partner cluster.');
      });
      p.throwIfAny();
      if (!unique.length) p.add('firmIds', 'EMPTY', 'Name at least one firm, or leave the list out for all.');
      p.throwIfAny();
      return unique;
    }
    if (!members.size) {
      throw DomainError.conflict(
        ExchangeErrorCode.NOTHING_TO_FORWARD_TO,
        'The partner cluster has no verified firms yet.',
      );
    }
    return [...members];
  }
}

function text(value: string, field: string, max: number, p: ProblemCollector): string {
  const t = (value ?? '').trim();
  if (!t) p.add(field, 'REQUIRED', 'Must not be empty.');
  else if (t.length > max) p.add(field, 'TOO_LONG', `At most ${max} characters.`);
  return t;
}
