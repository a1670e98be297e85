import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import { queryRows, recordEvent } from '@kooperant/platform-database';
import type { Actor } from '@kooperant/identity';
import { OrderService, type OrderView } from '../order/order.service';
import { OrderErrorCode } from '../order/order.errors';
import type { WorkPackageStatus } from '../order/work-package.entity';

/**
 * A package's way through production: awarded → in production → handed over (by its firm) → accepted (by the firm
 * of a step that follows it, or by the buyer). Every transition is one conditional UPDATE that stamps who and when,
 * with its outbox event in the same transaction; the order follows (in progress at the first start, completed when
 * every package is accepted).
 */
@Injectable()
export class WorkPackageLifecycleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
  ) {}

  async start(actor: Actor, packageId: string): Promise<OrderView> {
    const pkg = await this.requirePackage(packageId);
    await this.requireAwardedFirm(actor, pkg);
    return this.move(
      actor,
      pkg,
      'awarded',
      'in_production',
      'package.started',
      async (m) => {
        await m.query(
          `UPDATE cooperative_order SET status = 'in_progress', status_changed_by = $2, status_changed_at = now(), version = version + 1
         WHERE id = $1 AND status = 'awarded'`,
          [pkg.order_id, actor.userId],
        );
      },
      ['awarded', 'in_progress'],
    );
  }

  async handOver(actor: Actor, packageId: string): Promise<OrderView> {
    const pkg = await this.requirePackage(packageId);
    await this.requireAwardedFirm(actor, pkg);
    return this.move(actor, pkg, 'in_production', 'handed_over', 'package.handed-over');
  }

  async accept(actor: Actor, packageId: string): Promise<OrderView> {
    const pkg = await this.requirePackage(packageId);
    const roles = await actor.roles();
    const view = await this.orders.load(pkg.order_id);
    const followerFirms: { awarded_firm_id: string }[] = await this.db.query(
      `SELECT w.awarded_firm_id FROM work_package_dependency d JOIN work_package w ON w.id = d.package_id
       WHERE d.predecessor_id = $1 AND w.awarded_firm_id IS NOT NULL`,
      [packageId],
    );
    const buyer = roles.firms.has(view.order.buyerFirmId);
    const nextStep = followerFirms.some((f) => roles.firms.has(f.awarded_firm_id));
    if (!buyer && !nextStep) {
      if (await this.orders.canSee(roles, view.order)) {
        throw DomainError.forbidden('The buyer, or the firm of the next step, accepts a handed-over package.');
      }
      throw DomainError.notFound('Work package', OrderErrorCode.PACKAGE_NOT_FOUND);
    }
    return this.move(actor, pkg, 'handed_over', 'accepted', 'package.accepted', async (m) => {
      const done = await queryRows<{ id: string }>(
        m,
        `UPDATE cooperative_order SET status = 'completed', status_changed_by = $2, status_changed_at = now(), version = version + 1
         WHERE id = $1 AND status = 'in_progress' AND NOT EXISTS (SELECT 1 FROM work_package WHERE order_id = $1 AND status <> 'accepted')
         RETURNING id`,
        [pkg.order_id, actor.userId],
      );
      if (done.length) {
        await recordEvent(m, {
          type: 'order.completed',
          aggregateType: 'order',
          aggregateId: pkg.order_id,
          payload: { orderId: pkg.order_id },
          actorUserId: actor.userId,
        });
      }
    });
  }

  private async move(
    actor: Actor,
    pkg: { id: string; order_id: string; awarded_firm_id: string | null; due_date: Date },
    from: WorkPackageStatus,
    to: WorkPackageStatus,
    eventType: string,
    after?: (m: EntityManager) => Promise<void>,
    orderStatuses: string[] = ['in_progress'],
  ): Promise<OrderView> {
    await this.db.transaction(async (m) => {
      const rows = await queryRows<{ id: string; on_time: boolean }>(
        m,
        `UPDATE work_package w SET status = $2, status_changed_by = $3, status_changed_at = now(), version = w.version + 1
         FROM cooperative_order o
         WHERE w.id = $1 AND w.status = $4 AND o.id = w.order_id AND o.status = ANY($5::text[])
           -- a step starts only once every step it follows has been handed over
           AND ($4 <> 'awarded' OR NOT EXISTS (
             SELECT 1 FROM work_package_dependency d JOIN work_package p ON p.id = d.predecessor_id
             WHERE d.package_id = w.id AND p.status NOT IN ('handed_over', 'accepted')))
         RETURNING w.id, now() <= w.due_date AS on_time`,
        [pkg.id, to, actor.userId, from, orderStatuses],
      );
      if (rows.length !== 1) {
        const [now] = await m.query(
          `SELECT w.status, o.status AS order_status FROM work_package w JOIN cooperative_order o ON o.id = w.order_id WHERE w.id = $1`,
          [pkg.id],
        );
        throw DomainError.conflict(
          OrderErrorCode.PACKAGE_STATE_CONFLICT,
          now?.status === from && to === 'in_production'
            ? 'A step starts once every step it follows has been handed over.'
            : `The package is ${now?.status} (order ${now?.order_status}); it cannot become ${to}.`,
          { status: now?.status, orderStatus: now?.order_status },
        );
      }
      await recordEvent(m, {
        type: eventType,
        aggregateType: 'order',
        aggregateId: pkg.order_id,
        payload: { orderId: pkg.order_id, packageId: pkg.id, firmId: pkg.awarded_firm_id, onTime: rows[0].on_time },
        actorUserId: actor.userId,
      });
      await after?.(m);
    });
    return this.orders.load(pkg.order_id);
  }

  private async requireAwardedFirm(
    actor: Actor,
    pkg: { order_id: string; awarded_firm_id: string | null },
  ): Promise<void> {
    const roles = await actor.roles();
    if (pkg.awarded_firm_id && roles.firms.has(pkg.awarded_firm_id)) return;
    const view = await this.orders.load(pkg.order_id);
    if (await this.orders.canSee(roles, view.order)) {
      throw DomainError.forbidden('Only the firm the package was awarded to can do this.');
    }
    throw DomainError.notFound('Work package', OrderErrorCode.PACKAGE_NOT_FOUND);
  }

  private async requirePackage(packageId: string) {
    const [row] = /^[0-9a-f-]{36}$/i.test(packageId)
      ? await this.db.query(`SELECT id, order_id, awarded_firm_id, due_date FROM work_package WHERE id = $1`, [
          packageId,
        ])
      : [];
    if (!row) throw DomainError.notFound('Work package', OrderErrorCode.PACKAGE_NOT_FOUND);
    return row as { id: string; order_id: string; awarded_firm_id: string | null; due_date: Date };
  }
}
