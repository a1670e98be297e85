import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { idempotent, queryRows, recordEvent, replayOf } from '@kooperant/platform-database';
import type { Actor } from '@kooperant/identity';
import { OrderService } from '../order/order.service';
import { OrderErrorCode } from '../order/order.errors';
import { WorkPackageDependencyEntity } from '../order/work-package-dependency.entity';
import { QuoteEntity } from './quote.entity';
import { QuoteLegEntity } from './quote-leg.entity';
import { isConnected, validateQuoteDraft, type QuoteDraft } from './quote.validation';

export interface SubmitQuoteCommand extends QuoteDraft {
  orderId: string;
  /** The submitting (lead) firm: one of the caller's. */
  firmId: string;
}

export interface QuoteView {
  quote: QuoteEntity;
  /** Legs of the current version. */
  legs: QuoteLegEntity[];
}

@Injectable()
export class QuoteService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
  ) {}

  /**
   * A supplier firm quotes one or several packages of an open order before its deadline. Legs by other firms make it
   * a joint chain quote, which counts once each partner firm has confirmed its legs. Idempotent by key.
   */
  async submitQuote(actor: Actor, cmd: SubmitQuoteCommand, idempotencyKey: string): Promise<QuoteView> {
    const roles = await actor.roles();
    if (!roles.firms.has(cmd.firmId)) throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    const scope = { operation: 'submitQuote', userId: actor.userId, key: idempotencyKey, input: cmd };
    const replayed = await replayOf(this.db.manager, scope);
    if (replayed) return this.load(replayed);
    const legs = await this.checkLegs(cmd.orderId, cmd.firmId, cmd);
    const id = await this.db.transaction(async (m) => {
      const r = await idempotent(
        m,
        { operation: 'submitQuote', userId: actor.userId, key: idempotencyKey, input: cmd },
        async () => {
          const joint = legs.some((l) => l.firmId !== cmd.firmId);
          const quote = await m.save(
            m.create(QuoteEntity, {
              orderId: cmd.orderId,
              leadFirmId: cmd.firmId,
              status: joint ? 'pending_partners' : 'submitted',
              currentVersion: 1,
              validUntil: cmd.validUntil,
              notes: (cmd.notes ?? '').trim(),
              submittedBy: actor.userId,
            }),
          );
          await this.insertLegs(m, quote.id, 1, cmd.firmId, actor.userId, legs);
          await this.event(m, joint ? 'quote.partners-asked' : 'quote.submitted', quote, actor);
          return quote.id;
        },
      );
      return r.id;
    });
    return this.load(id);
  }

  /** A new version of a quote, before award; the old version stays for the record. */
  async reviseQuote(actor: Actor, quoteId: string, draft: QuoteDraft): Promise<QuoteView> {
    const current = await this.requireOwnQuote(actor, quoteId);
    if (current.quote.status === 'withdrawn') {
      throw DomainError.conflict(OrderErrorCode.QUOTE_STATE_CONFLICT, 'A withdrawn quote cannot be revised.');
    }
    await this.assertNoneAwarded(current.legs.map((l) => l.id));
    const legs = await this.checkLegs(current.quote.orderId, current.quote.leadFirmId, draft);
    await this.db.transaction(async (m) => {
      const next = current.quote.currentVersion + 1;
      const rows = await queryRows<{ id: string }>(
        m,
        `UPDATE quote SET current_version = $2, valid_until = $3, notes = $4, status = $5, updated_at = now()
         WHERE id = $1 AND current_version = $6 AND status <> 'withdrawn' RETURNING id`,
        [
          quoteId,
          next,
          draft.validUntil,
          (draft.notes ?? '').trim(),
          legs.some((l) => l.firmId !== current.quote.leadFirmId) ? 'pending_partners' : 'submitted',
          current.quote.currentVersion,
        ],
      );
      if (rows.length !== 1)
        throw DomainError.conflict(OrderErrorCode.QUOTE_STATE_CONFLICT, 'The quote changed meanwhile.');
      await this.insertLegs(m, quoteId, next, current.quote.leadFirmId, actor.userId, legs);
      await this.event(m, 'quote.revised', { ...current.quote, currentVersion: next }, actor);
    });
    return this.load(quoteId);
  }

  async withdrawQuote(actor: Actor, quoteId: string): Promise<QuoteView> {
    const current = await this.requireOwnQuote(actor, quoteId);
    await this.assertNoneAwarded(current.legs.map((l) => l.id));
    await this.db.transaction(async (m) => {
      const rows = await queryRows<{ id: string }>(
        m,
        `UPDATE quote SET status = 'withdrawn', withdrawn_at = now(), updated_at = now()
         WHERE id = $1 AND status <> 'withdrawn'
           AND NOT EXISTS (SELECT 1 FROM work_package w JOIN quote_leg l ON l.id = w.awarded_leg_id WHERE l.quote_id = $1)
         RETURNING id`,
        [quoteId],
      );
      if (rows.length !== 1) {
        throw DomainError.conflict(OrderErrorCode.QUOTE_STATE_CONFLICT, 'The quote is withdrawn or awarded already.');
      }
      await this.event(m, 'quote.withdrawn', current.quote, actor);
    });
    return this.load(quoteId);
  }

  /**
   * A member of a partner firm confirms that firm's legs of a joint quote; the last confirmation submits it, so like a
   * quote it must come while the order is open and before its quote deadline (QUOTING_CLOSED otherwise).
   */
  async confirmQuoteLegs(actor: Actor, quoteId: string, firmId: string): Promise<QuoteView> {
    const roles = await actor.roles();
    const view = await this.load(quoteId).catch(() => null);
    if (!view || !roles.firms.has(firmId) || !view.legs.some((l) => l.firmId === firmId)) {
      throw DomainError.notFound('Quote', OrderErrorCode.QUOTE_NOT_FOUND);
    }
    if (view.quote.status !== 'pending_partners') {
      throw DomainError.conflict(OrderErrorCode.QUOTE_STATE_CONFLICT, `The quote is ${view.quote.status}.`);
    }
    // The last confirmation submits the quote: as a quote is, only while the order takes quotes.
    const order = await this.orders.load(view.quote.orderId);
    if (order.order.status !== 'open' || order.order.quoteDeadline.getTime() <= Date.now()) {
      throw DomainError.conflict(OrderErrorCode.QUOTING_CLOSED, 'This order takes no more quotes.');
    }
    await this.db.transaction(async (m) => {
      await m.query(
        `UPDATE quote_leg SET confirmed_by = $3, confirmed_at = now()
         WHERE quote_id = $1 AND firm_id = $2 AND version = $4 AND confirmed_at IS NULL`,
        [quoteId, firmId, actor.userId, view.quote.currentVersion],
      );
      const done = await queryRows<{ id: string }>(
        m,
        `UPDATE quote SET status = 'submitted', updated_at = now()
         WHERE id = $1 AND status = 'pending_partners' AND current_version = $2
           AND NOT EXISTS (SELECT 1 FROM quote_leg WHERE quote_id = $1 AND version = $2 AND confirmed_at IS NULL)
         RETURNING id`,
        [quoteId, view.quote.currentVersion],
      );
      if (done.length) await this.event(m, 'quote.submitted', view.quote, actor);
    });
    return this.load(quoteId);
  }

  /**
   * Quotes of an order as the caller may see them. Bids are sealed: a supplier sees only quotes its firms take part
   * in; the buyer and the coordinators of the order's cluster see all.
   */
  async quotesOfOrder(actor: Actor, orderId: string): Promise<QuoteView[]> {
    const view = await this.orders.getOrder(actor, orderId);
    const roles = await actor.roles();
    const all = this.orders.seesAllQuotes(roles, view.order);
    const firmIds = [...roles.firms.keys()];
    const rows: { id: string }[] = await this.db.query(
      all
        ? `SELECT q.id FROM quote q WHERE q.order_id = $1 ORDER BY q.created_at, q.id`
        : `SELECT q.id FROM quote q WHERE q.order_id = $1 AND (q.lead_firm_id = ANY($2::uuid[]) OR EXISTS (
             SELECT 1 FROM quote_leg l WHERE l.quote_id = q.id AND l.firm_id = ANY($2::uuid[]))) ORDER BY q.created_at, q.id`,
      all ? [orderId] : [orderId, firmIds],
    );
    const views = await this.loadMany(rows.map((r) => r.id));
    return rows.map((r) => views.get(r.id) as QuoteView);
  }

  /** A quote for the buyer, the order's coordinators and the firms that take part in it. */
  async getQuote(actor: Actor, quoteId: string): Promise<QuoteView> {
    const view = await this.load(quoteId).catch(() => null);
    if (!view) throw DomainError.notFound('Quote', OrderErrorCode.QUOTE_NOT_FOUND);
    const roles = await actor.roles();
    const order = await this.orders.load(view.quote.orderId);
    const party = view.legs.some((l) => roles.firms.has(l.firmId)) || roles.firms.has(view.quote.leadFirmId);
    if (!party && !this.orders.seesAllQuotes(roles, order.order))
      throw DomainError.notFound('Quote', OrderErrorCode.QUOTE_NOT_FOUND);
    return view;
  }

  async load(id: string): Promise<QuoteView> {
    const v = (await this.loadMany([id])).get(id);
    if (!v) throw DomainError.notFound('Quote', OrderErrorCode.QUOTE_NOT_FOUND);
    return v;
  }

  async loadMany(ids: string[]): Promise<Map<string, QuoteView>> {
    if (ids.length === 0) return new Map();
    const quotes = await this.db.getRepository(QuoteEntity).findBy({ id: In(ids) });
    const legs: QuoteLegEntity[] = quotes.length
      ? await this.db
          .getRepository(QuoteLegEntity)
          .createQueryBuilder('l')
          .innerJoin(QuoteEntity, 'q', 'q.id = l.quote_id AND q.current_version = l.version')
          .where('l.quote_id IN (:...ids)', { ids })
          .getMany()
      : [];
    return new Map(quotes.map((q) => [q.id, { quote: q, legs: legs.filter((l) => l.quoteId === q.id) }]));
  }

  private async requireOwnQuote(actor: Actor, quoteId: string): Promise<QuoteView> {
    const view = await this.load(quoteId).catch(() => null);
    const roles = await actor.roles();
    if (!view || !roles.firms.has(view.quote.leadFirmId))
      throw DomainError.notFound('Quote', OrderErrorCode.QUOTE_NOT_FOUND);
    return view;
  }

  private async assertNoneAwarded(legIds: string[]): Promise<void> {
    if (legIds.length === 0) return;
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM work_package WHERE awarded_leg_id = ANY($1::uuid[]) LIMIT 1`,
      [legIds],
    );
    if (rows.length)
      throw DomainError.conflict(OrderErrorCode.QUOTE_STATE_CONFLICT, 'Part of this quote is awarded already.');
  }

  /** Checks a quote against its order: open and before the deadline, its packages open, its firms allowed to quote. */
  private async checkLegs(orderId: string, leadFirmId: string, draft: QuoteDraft) {
    const p = new ProblemCollector();
    validateQuoteDraft(draft, new Date(), p);
    p.throwIfAny();
    const view = await this.orders.load(orderId).catch(() => null);
    if (!view || !(await this.orders.visibleToSupplierFirm(orderId, leadFirmId))) {
      throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
    }
    if (view.order.status !== 'open' || view.order.quoteDeadline.getTime() <= Date.now()) {
      throw DomainError.conflict(OrderErrorCode.QUOTING_CLOSED, 'This order takes no more quotes.');
    }
    const packages = new Map(view.packages.map((w) => [w.id, w]));
    const legs = draft.legs.map((l, i) => {
      const w = packages.get(l.packageId);
      if (!w) p.add(`legs.${i}.packageId`, 'UNKNOWN_REFERENCE', 'No such work package in this order.');
      else if (w.status !== 'open') p.add(`legs.${i}.packageId`, 'NOT_OPEN', `The package "${w.key}" is ${w.status}.`);
      return { ...l, firmId: l.firmId ?? leadFirmId };
    });
    for (const [i, l] of legs.entries()) {
      if (l.firmId !== leadFirmId && !(await this.orders.visibleToSupplierFirm(orderId, l.firmId))) {
        p.add(`legs.${i}.firmId`, 'NOT_ALLOWED', 'This firm cannot quote this order.');
      }
    }
    if (new Set(legs.map((l) => l.firmId)).size > 1) {
      const edges = await this.db
        .getRepository(WorkPackageDependencyEntity)
        .findBy({ packageId: In([...packages.keys()]) });
      if (
        !isConnected(
          legs.map((l) => l.packageId),
          edges,
        )
      ) {
        p.add('legs', 'NOT_CONSECUTIVE', 'A joint quote covers consecutive packages of the chain.');
      }
    }
    p.throwIfAny();
    return legs;
  }

  private async insertLegs(
    m: EntityManager,
    quoteId: string,
    version: number,
    leadFirmId: string,
    userId: string,
    legs: (QuoteDraft['legs'][number] & { firmId: string })[],
  ): Promise<void> {
    await m.insert(
      QuoteLegEntity,
      legs.map((l) => ({
        quoteId,
        version,
        packageId: l.packageId,
        firmId: l.firmId,
        priceMinor: l.priceMinor,
        currency: l.currency as QuoteLegEntity['currency'],
        leadTimeDays: l.leadTimeDays,
        notes: (l.notes ?? '').trim(),
        confirmedBy: l.firmId === leadFirmId ? userId : null,
        confirmedAt: l.firmId === leadFirmId ? new Date() : null,
      })),
    );
  }

  private event(m: EntityManager, type: string, quote: QuoteEntity, actor: Actor) {
    return recordEvent(m, {
      type,
      aggregateType: 'quote',
      aggregateId: quote.id,
      payload: {
        quoteId: quote.id,
        orderId: quote.orderId,
        leadFirmId: quote.leadFirmId,
        version: quote.currentVersion,
      },
      actorUserId: actor.userId,
    });
  }
}
