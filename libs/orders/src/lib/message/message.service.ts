import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { idempotent, recordEvent, rowToEntity } from '@kooperant/platform-database';
import type { Actor, ActorRoles } from '@kooperant/identity';
import { OrderService } from '../order/order.service';
import { OrderErrorCode } from '../order/order.errors';
import type { CooperativeOrderEntity } from '../order/cooperative-order.entity';
import { QuoteService } from '../quote/quote.service';
import { MessageEntity } from './message.entity';
import { threadKey } from './message-read.entity';
import { normalizeMessageBody } from './message.validation';
import { UNREAD_COUNTS_SQL } from './unread-counts.sql';

export interface PostMessageCommand {
  orderId: string;
  /** The quote whose thread to write in; absent or null for the order's general thread. */
  quoteId?: string | null;
  body: string;
  /** The firm on whose behalf to write: one of the caller's that takes part in the thread. */
  firmId?: string | null;
}

export interface MessagePage {
  /** Newest first. */
  items: MessageEntity[];
  hasNextPage: boolean;
}

export interface UnreadCount {
  orderId: string;
  quoteId: string | null;
  unread: number;
}

export interface MessageAuthorView {
  id: string;
  displayName: string;
}

export interface ThreadReadView {
  orderId: string;
  quoteId: string | null;
  lastReadAt: Date;
}

/** Who the caller is in a thread they may read. */
interface ThreadAccess {
  order: CooperativeOrderEntity;
  /** The quote's id as stored, for a quote's thread; null for the order's general thread. */
  quoteId: string | null;
  /** The caller's firms that take part in the thread: they may write on behalf of these. */
  partyFirmIds: string[];
  /** The caller coordinates the order's cluster, or the partner cluster of an order shared with both. */
  coordinator: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Message threads of cooperative orders: one general thread per order and one per quote.
 *
 * Who reads a thread (anyone else gets ORDER_NOT_FOUND or QUOTE_NOT_FOUND, as if it did not exist):
 * - the order's thread: members of the buyer firm, coordinators of the order's cluster (and of the partner cluster
 *   when the order is shared with it), and members of firms that take part in a quote of the order (its lead firm or
 *   the firm of a leg of its current version; any status). Not every firm the order is open to.
 * - a quote's thread: the buyer firm's members, the order's coordinators, and members of the quote's firms. So a
 *   supplier reads its own quotes' threads, never a competitor's.
 * Platform admins read every thread; only parties write.
 */
@Injectable()
export class MessageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
    private readonly quotes: QuoteService,
  ) {}

  /** Writes a message and its `message.posted` outbox event in one transaction. Idempotent by key. */
  async postMessage(actor: Actor, cmd: PostMessageCommand, idempotencyKey: string): Promise<MessageEntity> {
    const p = new ProblemCollector();
    const body = normalizeMessageBody(cmd.body, p);
    p.throwIfAny();
    const roles = await actor.roles();
    const access = await this.access(roles, cmd.orderId, cmd.quoteId ?? null);
    const authorFirmId = this.authorFirm(roles, access, cmd.firmId ?? null);
    const id = await this.db.transaction(async (m) => {
      const r = await idempotent(
        m,
        { operation: 'postMessage', userId: actor.userId, key: idempotencyKey, input: cmd },
        async () => {
          const saved = await m.save(
            m.create(MessageEntity, {
              orderId: access.order.id,
              quoteId: access.quoteId,
              authorUserId: actor.userId,
              authorFirmId,
              body: body as string,
            }),
          );
          await recordEvent(m, {
            type: 'message.posted',
            aggregateType: 'order',
            aggregateId: access.order.id,
            payload: { orderId: access.order.id, quoteId: access.quoteId, messageId: saved.id },
            actorUserId: actor.userId,
          });
          return saved.id;
        },
      );
      return r.id;
    });
    return this.db.getRepository(MessageEntity).findOneByOrFail({ id });
  }

  /** A page of a thread, newest first, keyset-paged by (createdAt, id). */
  async thread(
    actor: Actor,
    orderId: string,
    quoteId: string | null,
    first: number,
    after?: { createdAt: string; id: string },
  ): Promise<MessagePage> {
    const a = await this.access(await actor.roles(), orderId, quoteId);
    const params: unknown[] = [a.order.id, first + 1];
    let where = `m.order_id = $1 AND ${a.quoteId ? `m.quote_id = $${params.push(a.quoteId)}` : 'm.quote_id IS NULL'}`;
    if (after) {
      where += ` AND (m.created_at, m.id) < ($${params.push(after.createdAt)}::timestamptz, $${params.push(after.id)}::uuid)`;
    }
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT m.* FROM message m WHERE ${where} ORDER BY m.created_at DESC, m.id DESC LIMIT $2`,
      params,
    );
    const meta = this.db.getMetadata(MessageEntity);
    return {
      items: rows.slice(0, first).map((r) => rowToEntity<MessageEntity>(meta, r)),
      hasNextPage: rows.length > first,
    };
  }

  /**
   * The caller has read the thread up to now. Never moves back, and covers every message already in the thread even
   * when its created_at (rounded to milliseconds) is a hair later than now().
   */
  async markThreadRead(actor: Actor, orderId: string, quoteId: string | null): Promise<ThreadReadView> {
    const a = await this.access(await actor.roles(), orderId, quoteId);
    const params: unknown[] = [actor.userId, a.order.id, threadKey(a.quoteId)];
    const inThread = a.quoteId ? `m.quote_id = $${params.push(a.quoteId)}` : 'm.quote_id IS NULL';
    const [row] = await this.db.query(
      `INSERT INTO message_read (user_id, order_id, thread_key, last_read_at)
       SELECT $1, $2, $3, GREATEST(now(), (SELECT max(m.created_at) FROM message m WHERE m.order_id = $2 AND ${inThread}))
       ON CONFLICT (user_id, order_id, thread_key)
         DO UPDATE SET last_read_at = GREATEST(message_read.last_read_at, EXCLUDED.last_read_at)
       RETURNING last_read_at`,
      params,
    );
    return { orderId: a.order.id, quoteId: a.quoteId, lastReadAt: row.last_read_at };
  }

  /**
   * Threads the caller takes part in (as buyer, coordinator or supplier; not merely as platform admin) with messages
   * by others newer than the caller last read them, most recent first. One query.
   */
  async unreadCounts(actor: Actor): Promise<UnreadCount[]> {
    const roles = await actor.roles();
    const firmIds = [...roles.firms.keys()];
    const clusterIds = [...roles.coordinatorOf];
    if (firmIds.length === 0 && clusterIds.length === 0) return [];
    const rows: { order_id: string; quote_id: string | null; unread: number }[] = await this.db.query(
      UNREAD_COUNTS_SQL,
      [actor.userId, firmIds, clusterIds],
    );
    return rows.map((r) => ({ orderId: r.order_id, quoteId: r.quote_id, unread: r.unread }));
  }

  /** Display names of message authors, in the order of `ids` (null for an unknown id): one query for a batch. */
  async authorsByIds(ids: readonly string[]): Promise<(MessageAuthorView | null)[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; display_name: string }[] = await this.db.query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids.filter((id) => UUID.test(id))],
    );
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name }]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  /** Who the caller is in the thread; ORDER_NOT_FOUND / QUOTE_NOT_FOUND when they may not read it. */
  private async access(roles: ActorRoles, orderId: string, quoteId: string | null): Promise<ThreadAccess> {
    const view = UUID.test(orderId) ? await this.orders.load(orderId).catch(() => null) : null;
    if (!view) throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
    const order = view.order;
    const coordinator = await this.coordinates(roles, order);
    const buyer = roles.firms.has(order.buyerFirmId) ? [order.buyerFirmId] : [];
    const wholeOrder = buyer.length > 0 || coordinator || roles.platformAdmin;

    if (quoteId === null) {
      const suppliers = await this.quotingFirms(order.id, roles);
      if (!wholeOrder && suppliers.length === 0) throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
      return { order, quoteId: null, partyFirmIds: [...new Set([...buyer, ...suppliers])], coordinator };
    }

    const quote = UUID.test(quoteId) ? await this.quotes.load(quoteId).catch(() => null) : null;
    if (quote && quote.quote.orderId === order.id) {
      const quoteFirms = new Set([quote.quote.leadFirmId, ...quote.legs.map((l) => l.firmId)]);
      const mine = [...quoteFirms].filter((f) => roles.firms.has(f));
      if (wholeOrder || mine.length > 0) {
        return { order, quoteId: quote.quote.id, partyFirmIds: [...new Set([...buyer, ...mine])], coordinator };
      }
    }
    // Say no more than the caller may know: the order exists only for those who read its thread.
    const readsOrder = wholeOrder || (await this.quotingFirms(order.id, roles)).length > 0;
    throw readsOrder
      ? DomainError.notFound('Quote', OrderErrorCode.QUOTE_NOT_FOUND)
      : DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
  }

  /** The firm a message is written on behalf of: the given one, else the caller's only party firm; null for a coordinator. */
  private authorFirm(roles: ActorRoles, a: ThreadAccess, firmId: string | null): string | null {
    if (firmId) {
      if (!roles.firms.has(firmId)) throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
      if (!a.partyFirmIds.includes(firmId)) {
        throw DomainError.invalid('firmId', 'NOT_A_PARTY', 'This firm takes no part in this thread.');
      }
      return firmId;
    }
    if (a.coordinator) return null;
    if (a.partyFirmIds.length === 1) return a.partyFirmIds[0];
    if (a.partyFirmIds.length > 1) {
      throw DomainError.invalid('firmId', 'REQUIRED', 'Say on behalf of which of your firms you write.');
    }
    throw DomainError.forbidden('Platform admins read threads; only their parties write in them.');
  }

  /** Coordinators of the order's cluster, and of the partner cluster when the order is shared with both. */
  private async coordinates(roles: ActorRoles, order: CooperativeOrderEntity): Promise<boolean> {
    if (roles.coordinatorOf.has(order.clusterId)) return true;
    if (order.visibility !== 'partner_clusters' || roles.coordinatorOf.size === 0) return false;
    const [row] = await this.db.query(`SELECT partner_cluster_id FROM cluster WHERE id = $1`, [order.clusterId]);
    return !!row?.partner_cluster_id && roles.coordinatorOf.has(row.partner_cluster_id);
  }

  /** The caller's firms that lead a quote of the order or carry out a leg of its current version (any status). */
  private async quotingFirms(orderId: string, roles: ActorRoles): Promise<string[]> {
    if (roles.firms.size === 0) return [];
    const rows: { firm_id: string }[] = await this.db.query(
      `SELECT q.lead_firm_id AS firm_id FROM quote q WHERE q.order_id = $1 AND q.lead_firm_id = ANY($2::uuid[])
       UNION
       SELECT l.firm_id FROM quote q JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version
       WHERE q.order_id = $1 AND l.firm_id = ANY($2::uuid[])`,
      [orderId, [...roles.firms.keys()]],
    );
    return rows.map((r) => r.firm_id);
  }
}
