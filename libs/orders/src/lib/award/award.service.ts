import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import { idempotent, queryRows, recordEvent, replayOf } from '@kooperant/platform-database';
import type { Actor } from '@kooperant/identity';
import { OrderService, type OrderView } from '../order/order.service';
import { OrderErrorCode } from '../order/order.errors';

/**
 * Awards work packages. Exactly one award per package even when many requests race: the award is a single
 * conditional UPDATE of the package `WHERE status = 'open'` whose row count is checked. Re-awarding needs an
 * explicit cancel of the first award.
 */
@Injectable()
export class AwardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
  ) {}

  async awardWorkPackage(actor: Actor, packageId: string, quoteId: string, idempotencyKey: string): Promise<OrderView> {
    const orderId = await this.orderOfPackage(packageId);
    const view = await this.orders.requireBuyerOrder(actor, orderId);
    const scope = {
      operation: 'awardWorkPackage',
      userId: actor.userId,
      key: idempotencyKey,
      input: { packageId, quoteId },
    };
    if (await replayOf(this.db.manager, scope)) return this.orders.load(orderId);
    // Open, or in progress with a package whose award was cancelled.
    if (view.order.status !== 'open' && view.order.status !== 'in_progress') {
      throw DomainError.conflict(
        OrderErrorCode.ORDER_STATE_CONFLICT,
        `The order is ${view.order.status}; packages are awarded while it is open.`,
      );
    }
    const [leg] = await this.db.query(
      `SELECT l.id, l.firm_id, l.price_minor, l.currency FROM quote q JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version
       WHERE q.id = $1 AND q.order_id = $2 AND l.package_id = $3 AND q.status = 'submitted' AND q.valid_until > now()`,
      [quoteId, orderId, packageId],
    );
    if (!leg) {
      throw DomainError.invalid(
        'quoteId',
        'NOT_AWARDABLE',
        'This quote does not price this package, or is withdrawn, pending or expired.',
      );
    }
    await this.db.transaction(async (m) => {
      await idempotent(m, scope, async () => {
        const won = await queryRows<{ id: string }>(
          m,
          `UPDATE work_package SET status = 'awarded', awarded_leg_id = $2, awarded_firm_id = $3, awarded_at = now(),
               status_changed_by = $4, status_changed_at = now(), version = version + 1
             WHERE id = $1 AND status = 'open' RETURNING id`,
          [packageId, leg.id, leg.firm_id, actor.userId],
        );
        if (won.length !== 1) {
          throw DomainError.conflict(
            OrderErrorCode.PACKAGE_ALREADY_AWARDED,
            'This package is awarded already; cancel that award first.',
          );
        }
        const event = (type: string, aggregateType: string, aggregateId: string, payload: Record<string, unknown>) =>
          recordEvent(m, { type, aggregateType, aggregateId, payload, actorUserId: actor.userId });
        await event('package.awarded', 'order', orderId, {
          orderId,
          packageId,
          quoteId,
          legId: leg.id,
          firmId: leg.firm_id,
          // The awarded value, for the cooperation KPIs (libs/metrics): the leg's price as quoted.
          priceMinor: Number(leg.price_minor),
          currency: leg.currency,
        });
        // The losers are told: every other submitted quote that priced this package.
        const losers: { id: string; lead_firm_id: string }[] = await m.query(
          `SELECT DISTINCT q.id, q.lead_firm_id FROM quote q JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version
             WHERE q.order_id = $1 AND l.package_id = $2 AND q.id <> $3 AND q.status = 'submitted'`,
          [orderId, packageId, quoteId],
        );
        for (const l of losers)
          await event('quote.lost', 'quote', l.id, { quoteId: l.id, orderId, packageId, leadFirmId: l.lead_firm_id });
        await this.completeAwardIfAllAwarded(m, orderId, actor);
        return packageId;
      });
    });
    return this.orders.load(orderId);
  }

  /** Takes an award back (before production starts); the package is open again and so is the order. */
  async cancelAward(actor: Actor, packageId: string, reason: string): Promise<OrderView> {
    const orderId = await this.orderOfPackage(packageId);
    await this.orders.requireBuyerOrder(actor, orderId);
    const why = (reason ?? '').trim();
    if (why.length < 3 || why.length > 2000)
      throw DomainError.invalid('reason', 'LENGTH', 'Say why, in 3 to 2000 characters.');
    await this.db.transaction(async (m) => {
      const rows = await queryRows<{ awarded_firm_id: string; awarded_leg_id: string }>(
        m,
        `UPDATE work_package w SET status = 'open', awarded_leg_id = NULL, awarded_firm_id = NULL, awarded_at = NULL,
           status_changed_by = $2, status_changed_at = now(), version = w.version + 1
         FROM (SELECT id, awarded_firm_id, awarded_leg_id FROM work_package WHERE id = $1 FOR UPDATE) old
         WHERE w.id = old.id AND w.status = 'awarded'
         RETURNING old.awarded_firm_id, old.awarded_leg_id`,
        [packageId, actor.userId],
      );
      if (rows.length !== 1) {
        throw DomainError.conflict(
          OrderErrorCode.PACKAGE_STATE_CONFLICT,
          'Only an award not yet in production can be cancelled.',
        );
      }
      await m.query(
        `UPDATE cooperative_order SET status = 'open', status_changed_by = $2, status_changed_at = now(), version = version + 1
         WHERE id = $1 AND status = 'awarded'`,
        [orderId, actor.userId],
      );
      await recordEvent(m, {
        type: 'package.award-cancelled',
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId, packageId, firmId: rows[0].awarded_firm_id, legId: rows[0].awarded_leg_id, reason: why },
        actorUserId: actor.userId,
      });
    });
    return this.orders.load(orderId);
  }

  private async completeAwardIfAllAwarded(m: EntityManager, orderId: string, actor: Actor): Promise<void> {
    const done = await queryRows<{ id: string }>(
      m,
      `UPDATE cooperative_order SET status = 'awarded', status_changed_by = $2, status_changed_at = now(), version = version + 1
       WHERE id = $1 AND status = 'open' AND NOT EXISTS (SELECT 1 FROM work_package WHERE order_id = $1 AND status = 'open')
       RETURNING id`,
      [orderId, actor.userId],
    );
    if (done.length) {
      await recordEvent(m, {
        type: 'order.awarded',
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId },
        actorUserId: actor.userId,
      });
    }
  }

  private async orderOfPackage(packageId: string): Promise<string> {
    const [row] = /^[0-9a-f-]{36}$/i.test(packageId)
      ? await this.db.query(`SELECT order_id FROM work_package WHERE id = $1`, [packageId])
      : [];
    if (!row) throw DomainError.notFound('Work package', OrderErrorCode.PACKAGE_NOT_FOUND);
    return row.order_id;
  }
}
