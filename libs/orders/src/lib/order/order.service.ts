import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { idempotent, queryRows, recordEvent, replayOf } from '@kooperant/platform-database';
import { FirmService, type Actor, type ActorRoles } from '@kooperant/identity';
import { TaxonomyService, type TaxonomySnapshot } from '@kooperant/catalogue';
import { CooperativeOrderEntity, type OrderStatus } from './cooperative-order.entity';
import { WorkPackageEntity } from './work-package.entity';
import { WorkPackageDependencyEntity } from './work-package-dependency.entity';
import { OrderInvitationEntity } from './order-invitation.entity';
import { OrderErrorCode } from './order.errors';
import { validateOrderDraft, type OrderDraft, type WorkPackageDraft } from './order.validation';

export interface CreateOrderCommand extends OrderDraft {
  buyerFirmId: string;
  /** The buyer's cluster to post in; defaults to the first that verified the firm. */
  clusterId?: string | null;
}

export type UpdateOrderCommand = Partial<OrderDraft> & { orderId: string };

/** An order with its packages (in chain order) and each package's predecessors. */
export interface OrderView {
  order: CooperativeOrderEntity;
  packages: (WorkPackageEntity & { after: string[] })[];
  invitedFirmIds: string[];
}

export interface OrderPage {
  items: OrderView[];
  hasNextPage: boolean;
}

/**
 * Orders a set of firms may see as suppliers (SQL, `o` is the order; $n holds the firm ids): by the order's
 * visibility, or because the firm was invited (by the buyer, or by a coordinator brokering a match).
 */
export function supplierVisibility(firmsParam: string): string {
  return `o.buyer_firm_id <> ALL(${firmsParam}::uuid[]) AND (
    (o.visibility IN ('cluster', 'partner_clusters') AND EXISTS (
      SELECT 1 FROM cluster_membership m WHERE m.firm_id = ANY(${firmsParam}::uuid[]) AND m.status = 'verified'
        AND (m.cluster_id = o.cluster_id OR (o.visibility = 'partner_clusters'
             AND m.cluster_id = (SELECT c.partner_cluster_id FROM cluster c WHERE c.id = o.cluster_id)))))
    OR (EXISTS (
      SELECT 1 FROM order_invitation i WHERE i.order_id = o.id AND i.firm_id = ANY(${firmsParam}::uuid[]))))`;
}

@Injectable()
export class OrderService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly firms: FirmService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** A buyer firm posts a cooperative order as a draft. The idempotency key makes a replay return the first order. */
  async createOrder(actor: Actor, cmd: CreateOrderCommand, idempotencyKey: string): Promise<OrderView> {
    await this.firms.requireFirmMember(actor, cmd.buyerFirmId);
    const { buyerFirmId: _bf, ...replayInput } = cmd;
    const scope = {
      operation: 'createCooperativeOrder',
      userId: actor.userId,
      key: idempotencyKey,
      input: { ...replayInput, buyerFirmId: cmd.buyerFirmId },
    };
    const replayed = await replayOf(this.db.manager, scope);
    if (replayed) return this.load(replayed);
    const clusterId = await this.postingCluster(cmd.buyerFirmId, cmd.clusterId ?? undefined);
    const { order, packages } = await this.validate(cmd, cmd.buyerFirmId);
    const id = await this.db.transaction(async (m) => {
      const { buyerFirmId: _b, ...input } = cmd;
      const r = await idempotent(
        m,
        {
          operation: 'createCooperativeOrder',
          userId: actor.userId,
          key: idempotencyKey,
          input: { ...input, buyerFirmId: cmd.buyerFirmId },
        },
        async () => {
          const { packageOrder: _o, invitedFirmIds, ...columns } = order;
          const saved = await m.save(
            m.create(CooperativeOrderEntity, {
              ...columns,
              buyerFirmId: cmd.buyerFirmId,
              clusterId,
              status: 'draft',
              createdBy: actor.userId,
              statusChangedBy: actor.userId,
              statusChangedAt: new Date(),
            }),
          );
          await this.writePackages(m, saved.id, packages);
          await this.writeInvitations(m, saved.id, invitedFirmIds, actor.userId);
          await this.event(m, 'order.created', saved, actor);
          return saved.id;
        },
      );
      return r.id;
    });
    return this.load(id);
  }

  /** Changes a draft; given work packages replace the old ones. */
  async updateOrder(actor: Actor, cmd: UpdateOrderCommand): Promise<OrderView> {
    const current = await this.requireBuyerOrder(actor, cmd.orderId);
    if (current.order.status !== 'draft') {
      throw DomainError.conflict(
        OrderErrorCode.ORDER_STATE_CONFLICT,
        'Only a draft can be changed; cancel and post anew.',
      );
    }
    const o = current.order;
    const snap = await this.taxonomy.snapshot();
    const code = (id: string | null) => (id ? (snap.byId.get(id)?.code ?? id) : null);
    const merged: OrderDraft = {
      language: cmd.language ?? o.language,
      title: cmd.title ?? o.title,
      description: cmd.description ?? o.description,
      delivery: cmd.delivery ?? {
        street: o.deliveryStreet,
        city: o.deliveryCity,
        postcode: o.deliveryPostcode,
        country: o.deliveryCountry,
        lat: o.deliveryLat,
        lng: o.deliveryLng,
      },
      deliveryDate: cmd.deliveryDate ?? o.deliveryDate,
      currency: cmd.currency ?? o.currency,
      budgetMinor: cmd.budgetMinor !== undefined ? cmd.budgetMinor : o.budgetMinor,
      visibility: cmd.visibility ?? o.visibility,
      quoteDeadline: cmd.quoteDeadline ?? o.quoteDeadline,
      invitedFirmIds: cmd.invitedFirmIds ?? current.invitedFirmIds,
      workPackages:
        cmd.workPackages ??
        current.packages.map((w) => ({
          key: w.key,
          title: w.title,
          description: w.description,
          processCode: code(w.processId) as string,
          materialCode: code(w.materialId),
          quantity: w.quantity,
          quantityUnit: w.quantityUnit,
          maxPartLengthMm: w.maxPartLengthMm,
          maxPartWidthMm: w.maxPartWidthMm,
          maxPartHeightMm: w.maxPartHeightMm,
          thicknessMm: w.thicknessMm,
          toleranceMm: w.toleranceMm,
          requiredCertificationCodes: w.requiredCertificationIds.map((id) => code(id) as string),
          dueDate: w.dueDate,
          after: w.after,
        })),
    };
    const { order, packages } = await this.validate(merged, o.buyerFirmId);
    await this.db.transaction(async (m) => {
      const { packageOrder: _o, invitedFirmIds, ...columns } = order;
      const res = await m
        .createQueryBuilder()
        .update(CooperativeOrderEntity)
        .set({ ...columns, version: () => 'version + 1' })
        .where('id = :id AND version = :v AND status = :draft', { id: o.id, v: o.version, draft: 'draft' })
        .execute();
      if (res.affected !== 1) {
        throw DomainError.conflict(
          OrderErrorCode.ORDER_STATE_CONFLICT,
          'The order changed meanwhile; reload it and try again.',
        );
      }
      if (cmd.workPackages) {
        await m.delete(WorkPackageEntity, { orderId: o.id });
        await this.writePackages(m, o.id, packages);
      }
      if (cmd.invitedFirmIds) {
        await m.delete(OrderInvitationEntity, { orderId: o.id });
        await this.writeInvitations(m, o.id, invitedFirmIds, actor.userId);
      }
      await this.event(m, 'order.updated', o, actor);
    });
    return this.load(o.id);
  }

  /** Opens a draft for quotes until its quote deadline. */
  async publishOrder(actor: Actor, orderId: string): Promise<OrderView> {
    const current = await this.requireBuyerOrder(actor, orderId);
    // Only a draft's deadline matters here: an order published already is refused as such (by the transition).
    if (current.order.status === 'draft' && current.order.quoteDeadline.getTime() <= Date.now()) {
      throw DomainError.invalid('quoteDeadline', 'IN_PAST', 'The quote deadline has passed; move it first.');
    }
    // The event carries the number of packages published (for the cluster's KPIs), counted in the same transaction.
    await this.transition(
      actor,
      current.order,
      ['draft'],
      'open',
      'order.published',
      { publishedAt: () => 'now()' },
      (m) =>
        m
          .query(`SELECT count(*)::int AS n FROM work_package WHERE order_id = $1`, [orderId])
          .then(([row]: { n: number }[]) => ({ packageCount: row.n })),
    );
    return this.load(orderId);
  }

  async cancelOrder(actor: Actor, orderId: string, reason: string): Promise<OrderView> {
    const current = await this.requireBuyerOrder(actor, orderId);
    const why = (reason ?? '').trim();
    if (why.length < 3 || why.length > 2000)
      throw DomainError.invalid('reason', 'LENGTH', 'Say why, in 3 to 2000 characters.');
    await this.transition(
      actor,
      current.order,
      ['draft', 'open', 'awarded', 'in_progress'],
      'cancelled',
      'order.cancelled',
      {
        cancelledAt: () => 'now()',
        cancelReason: why,
      },
    );
    return this.load(orderId);
  }

  /**
   * An order for whoever may see it: members of the buyer firm; coordinators of its cluster (and of the partner
   * cluster when it is shared with both); supplier firms it is open to, once published. Others: not found.
   */
  async getOrder(actor: Actor, orderId: string): Promise<OrderView> {
    const view = await this.load(orderId).catch(() => null);
    if (!view || !(await this.canSee(await actor.roles(), view.order))) {
      throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
    }
    return view;
  }

  /** Orders of the caller's firms as buyer, newest first. */
  async myOrders(
    actor: Actor,
    opts: { firmId?: string; status?: OrderStatus; first: number; after?: { createdAt: string; id: string } },
  ): Promise<OrderPage> {
    const roles = await actor.roles();
    if (opts.firmId && !roles.firms.has(opts.firmId)) throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    const firmIds = opts.firmId ? [opts.firmId] : [...roles.firms.keys()];
    if (firmIds.length === 0) return { items: [], hasNextPage: false };
    const params: unknown[] = [firmIds, opts.first + 1];
    let where = `o.buyer_firm_id = ANY($1::uuid[])`;
    if (opts.status) where += ` AND o.status = $${params.push(opts.status)}`;
    if (opts.after) {
      where += ` AND (o.created_at, o.id) < ($${params.push(opts.after.createdAt)}::timestamptz, $${params.push(opts.after.id)}::uuid)`;
    }
    return this.page(
      `SELECT o.id FROM cooperative_order o WHERE ${where} ORDER BY o.created_at DESC, o.id DESC LIMIT $2`,
      params,
      opts.first,
    );
  }

  /** Open orders a supplier firm of the caller may quote: visible to it, before their quote deadline, not its own. */
  async openOrders(
    actor: Actor,
    opts: {
      supplierFirmId?: string;
      processCodes?: string[];
      first: number;
      after?: { createdAt: string; id: string };
    },
  ): Promise<OrderPage> {
    const roles = await actor.roles();
    if (opts.supplierFirmId && !roles.firms.has(opts.supplierFirmId))
      throw DomainError.notFound('Firm', 'FIRM_NOT_FOUND');
    const firmIds = opts.supplierFirmId ? [opts.supplierFirmId] : [...roles.firms.keys()];
    if (firmIds.length === 0) return { items: [], hasNextPage: false };
    const params: unknown[] = [firmIds, opts.first + 1];
    let where = `o.status = 'open' AND o.quote_deadline > now() AND ${supplierVisibility('$1')}`;
    if (opts.processCodes?.length) {
      const snap = await this.taxonomy.snapshot();
      const p = new ProblemCollector();
      const ids = this.processIds(snap, opts.processCodes, p);
      p.throwIfAny();
      where += ` AND EXISTS (SELECT 1 FROM work_package w WHERE w.order_id = o.id AND w.status = 'open' AND w.process_id = ANY($${params.push(ids)}::uuid[]))`;
    }
    if (opts.after) {
      where += ` AND (o.created_at, o.id) < ($${params.push(opts.after.createdAt)}::timestamptz, $${params.push(opts.after.id)}::uuid)`;
    }
    return this.page(
      `SELECT o.id FROM cooperative_order o WHERE ${where} ORDER BY o.created_at DESC, o.id DESC LIMIT $2`,
      params,
      opts.first,
    );
  }

  private processIds(snap: TaxonomySnapshot, codes: string[], p: ProblemCollector): string[] {
    const ids: string[] = [];
    codes.forEach((c, i) => {
      const n = snap.byCode.get(c);
      if (!n || n.kind !== 'process') p.add(`filter.processCodes.${i}`, 'UNKNOWN_REFERENCE', `Unknown process "${c}".`);
      else ids.push(...snap.withDescendants(n.id));
    });
    return ids;
  }

  private async page(sql: string, params: unknown[], first: number): Promise<OrderPage> {
    const rows: { id: string }[] = await this.db.query(sql, params);
    const ids = rows.slice(0, first).map((r) => r.id);
    const views = await this.loadMany(ids);
    return { items: ids.map((id) => views.get(id) as OrderView), hasNextPage: rows.length > first };
  }

  /** The buyer's members, the coordinators of the order's cluster and platform admins see every quote of an order. */
  seesAllQuotes(roles: ActorRoles, order: CooperativeOrderEntity): boolean {
    return roles.platformAdmin || roles.firms.has(order.buyerFirmId) || roles.coordinatorOf.has(order.clusterId);
  }

  /** Whether a firm is among the suppliers a (published) order is meant for: not the buyer, and allowed by visibility. */
  async visibleToSupplierFirm(orderId: string, firmId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM cooperative_order o WHERE o.id = $2 AND o.status <> 'draft' AND ${supplierVisibility('$1')}`,
      [[firmId], orderId],
    );
    return rows.length > 0;
  }

  async canSee(roles: ActorRoles, order: CooperativeOrderEntity): Promise<boolean> {
    if (roles.platformAdmin || roles.firms.has(order.buyerFirmId)) return true;
    if (roles.coordinatorOf.size > 0) {
      const [row] = await this.db.query(`SELECT partner_cluster_id FROM cluster WHERE id = $1`, [order.clusterId]);
      if (roles.coordinatorOf.has(order.clusterId)) return true;
      if (
        order.visibility === 'partner_clusters' &&
        row?.partner_cluster_id &&
        roles.coordinatorOf.has(row.partner_cluster_id)
      )
        return true;
    }
    if (order.status === 'draft' || roles.firms.size === 0) return false;
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM cooperative_order o WHERE o.id = $2 AND ${supplierVisibility('$1')}`,
      [[...roles.firms.keys()], order.id],
    );
    return rows.length > 0;
  }

  async requireBuyerOrder(actor: Actor, orderId: string): Promise<OrderView> {
    const view = await this.load(orderId).catch(() => null);
    const roles = await actor.roles();
    if (!view || !(roles.firms.has(view.order.buyerFirmId) || roles.platformAdmin)) {
      throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
    }
    return view;
  }

  /** The cluster the order is posted in: one that verified the buyer firm. */
  private async postingCluster(firmId: string, wanted?: string): Promise<string> {
    const rows: { cluster_id: string }[] = await this.db.query(
      `SELECT cluster_id FROM cluster_membership WHERE firm_id = $1 AND status = 'verified' ORDER BY decided_at, cluster_id`,
      [firmId],
    );
    if (rows.length === 0) {
      throw DomainError.conflict(
        OrderErrorCode.FIRM_NOT_VERIFIED,
        'Your firm must be verified by a cluster coordinator before it can post orders.',
      );
    }
    if (wanted && !rows.some((r) => r.cluster_id === wanted)) {
      throw DomainError.invalid('clusterId', 'NOT_A_MEMBER', 'Your firm is not a verified member of this cluster.');
    }
    return wanted ?? rows[0].cluster_id;
  }

  private async validate(d: OrderDraft, buyerFirmId: string) {
    const p = new ProblemCollector();
    const order = validateOrderDraft(d, new Date(), p);
    const snap = await this.taxonomy.snapshot();
    const resolve = (code: string | null | undefined, kind: string, field: string) => {
      if (code == null || code === '') return null;
      const n = snap.byCode.get(code);
      if (!n || n.kind !== kind) {
        p.add(field, 'UNKNOWN_REFERENCE', `Unknown ${kind} "${code}".`);
        return null;
      }
      return n.id;
    };
    const packages = (d.workPackages ?? []).map((w: WorkPackageDraft, i) => {
      const f = `workPackages.${i}`;
      const processId = resolve(w.processCode, 'process', `${f}.processCode`);
      if (!w.processCode) p.add(`${f}.processCode`, 'REQUIRED', 'Name the process of this step.');
      return {
        draft: w,
        processId,
        materialId: resolve(w.materialCode, 'material', `${f}.materialCode`),
        certificationIds: (w.requiredCertificationCodes ?? [])
          .map((c, j) => resolve(c, 'certification', `${f}.requiredCertificationCodes.${j}`))
          .filter((x): x is string => x !== null),
      };
    });
    if (order.invitedFirmIds.length) {
      const known = await this.firms.firmsByIds(order.invitedFirmIds);
      order.invitedFirmIds.forEach((id, i) => {
        if (!known[i]) p.add(`invitedFirmIds.${i}`, 'UNKNOWN_REFERENCE', 'No such firm.');
        else if (id === buyerFirmId) p.add(`invitedFirmIds.${i}`, 'SELF', 'A firm does not quote its own order.');
      });
    }
    p.throwIfAny();
    const rank = new Map(order.packageOrder.map((k, i) => [k, i]));
    packages.sort((a, b) => (rank.get(a.draft.key.trim()) ?? 0) - (rank.get(b.draft.key.trim()) ?? 0));
    return { order, packages };
  }

  private async writePackages(
    m: EntityManager,
    orderId: string,
    packages: {
      draft: WorkPackageDraft;
      processId: string | null;
      materialId: string | null;
      certificationIds: string[];
    }[],
  ): Promise<void> {
    // Ids made here, so that all packages go in one INSERT (one round trip, not one per package).
    const ids = new Map(packages.map((p) => [p.draft.key.trim(), randomUUID()]));
    await m.insert(
      WorkPackageEntity,
      packages.map((p, position) => {
        const w = p.draft;
        return {
          id: ids.get(w.key.trim()),
          orderId,
          key: w.key.trim(),
          position,
          title: w.title.trim(),
          description: (w.description ?? '').trim(),
          processId: p.processId as string,
          materialId: p.materialId,
          quantity: w.quantity,
          quantityUnit: w.quantityUnit,
          maxPartLengthMm: w.maxPartLengthMm ?? null,
          maxPartWidthMm: w.maxPartWidthMm ?? null,
          maxPartHeightMm: w.maxPartHeightMm ?? null,
          thicknessMm: w.thicknessMm ?? null,
          toleranceMm: w.toleranceMm ?? null,
          requiredCertificationIds: [...new Set(p.certificationIds)],
          dueDate: w.dueDate,
          status: 'open' as const,
        };
      }),
    );
    const edges = packages.flatMap((p) =>
      [...new Set(p.draft.after ?? [])].map((k) => ({
        packageId: ids.get(p.draft.key.trim()) as string,
        predecessorId: ids.get(k) as string,
      })),
    );
    if (edges.length) await m.insert(WorkPackageDependencyEntity, edges);
  }

  private async writeInvitations(m: EntityManager, orderId: string, firmIds: string[], userId: string) {
    if (firmIds.length)
      await m.insert(
        OrderInvitationEntity,
        firmIds.map((firmId) => ({ orderId, firmId, invitedBy: userId })),
      );
  }

  private async transition(
    actor: Actor,
    order: CooperativeOrderEntity,
    from: OrderStatus[],
    to: OrderStatus,
    eventType: string,
    extra: Record<string, unknown>,
    eventFacts?: (m: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows = await queryRows<{ id: string }>(
        m,
        `UPDATE cooperative_order SET status = $2, status_changed_by = $3, status_changed_at = now(), version = version + 1
         WHERE id = $1 AND status = ANY($4::text[]) RETURNING id`,
        [order.id, to, actor.userId, from],
      );
      if (rows.length !== 1) {
        const [now] = await m.query(`SELECT status FROM cooperative_order WHERE id = $1`, [order.id]);
        throw DomainError.conflict(
          OrderErrorCode.ORDER_STATE_CONFLICT,
          `The order is ${now?.status}; it cannot become ${to}.`,
          {
            status: now?.status,
          },
        );
      }
      if (Object.keys(extra).length) await m.update(CooperativeOrderEntity, { id: order.id }, extra);
      await this.event(m, eventType, { ...order, status: to }, actor, await eventFacts?.(m));
    });
  }

  private event(
    m: EntityManager,
    type: string,
    order: CooperativeOrderEntity,
    actor: Actor,
    facts: Record<string, unknown> = {},
  ) {
    return recordEvent(m, {
      type,
      aggregateType: 'order',
      aggregateId: order.id,
      payload: {
        orderId: order.id,
        buyerFirmId: order.buyerFirmId,
        clusterId: order.clusterId,
        status: order.status,
        ...facts,
      },
      actorUserId: actor.userId,
    });
  }

  async load(id: string): Promise<OrderView> {
    const views = await this.loadMany([id]);
    const view = views.get(id);
    if (!view) throw DomainError.notFound('Order', OrderErrorCode.ORDER_NOT_FOUND);
    return view;
  }

  /** Orders with packages, dependencies and invitations: four queries for any number of orders. */
  private async loadMany(ids: string[]): Promise<Map<string, OrderView>> {
    if (ids.length === 0) return new Map();
    const [orders, packages, deps, invites] = await Promise.all([
      this.db.getRepository(CooperativeOrderEntity).findBy({ id: In(ids) }),
      this.db.getRepository(WorkPackageEntity).find({ where: { orderId: In(ids) }, order: { position: 'ASC' } }),
      this.db.query(
        `SELECT d.package_id, p.key FROM work_package_dependency d JOIN work_package p ON p.id = d.predecessor_id
         WHERE p.order_id = ANY($1::uuid[]) ORDER BY p.position`,
        [ids],
      ) as Promise<{ package_id: string; key: string }[]>,
      this.db.getRepository(OrderInvitationEntity).findBy({ orderId: In(ids) }),
    ]);
    const after = new Map<string, string[]>();
    for (const d of deps) after.set(d.package_id, [...(after.get(d.package_id) ?? []), d.key]);
    const out = new Map<string, OrderView>();
    for (const o of orders) {
      out.set(o.id, {
        order: o,
        packages: packages
          .filter((p) => p.orderId === o.id)
          .map((p) => Object.assign(p, { after: after.get(p.id) ?? [] })),
        invitedFirmIds: invites.filter((i) => i.orderId === o.id).map((i) => i.firmId),
      });
    }
    return out;
  }
}
