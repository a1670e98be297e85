import { randomUUID } from 'node:crypto';
import { FirmErrorCode } from '@kooperant/identity';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, settlesWithin, type TestApp } from '@kooperant/platform-testing';
import {
  addMember,
  insertCluster,
  insertCoordinator,
  insertUser,
  registerFirm,
  verifyFirm,
} from '@kooperant/identity/testing';
import { OrdersModule } from '../orders.module';
import {
  actorFor,
  chainPackages,
  createOrder,
  DAY_MS,
  daysFromNow,
  openOrder,
  orderDraft,
  packageDraft,
  pairClusters,
  verifiedFirm,
} from '../testing/orders.factories';
import { countRows, outboxEvents } from '@kooperant/platform-testing';
import { OrderErrorCode } from './order.errors';
import { OrderService } from './order.service';

describe('OrderService', () => {
  let app: TestApp;
  let orders: OrderService;

  const rowCounts = async () => ({
    orders: await countRows(app.db, 'cooperative_order'),
    packages: await countRows(app.db, 'work_package'),
    events: await countRows(app.db, 'outbox_event'),
  });

  beforeAll(async () => {
    app = await createTestApp([OrdersModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    orders = app.get(OrderService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  describe('createOrder', () => {
    it('creates a draft with its packages in chain order, their dependencies and invitations, and records order.created', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const invited = await registerFirm(app, 'LT');
      const [cut, bend, coat] = chainPackages();

      const view = await createOrder(app, buyer, {
        visibility: 'invited',
        invitedFirmIds: [invited.firmId],
        workPackages: [coat, bend, cut],
      });

      expect(view.order).toMatchObject({
        status: 'draft',
        buyerFirmId: buyer.firmId,
        clusterId: buyer.clusterId,
        visibility: 'invited',
        currency: 'PLN',
        createdBy: buyer.adminId,
        statusChangedBy: buyer.adminId,
        publishedAt: null,
      });
      expect(view.packages.map((p) => [p.key, p.position, p.status, p.after])).toEqual([
        ['cut', 0, 'open', []],
        ['bend', 1, 'open', ['cut']],
        ['coat', 2, 'open', ['bend']],
      ]);
      expect(await countRows(app.db, 'work_package_dependency')).toBe(2);
      expect(view.invitedFirmIds).toEqual([invited.firmId]);
      const events = await outboxEvents(app.db, 'order.created', view.order.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        aggregate_type: 'order',
        actor_user_id: buyer.adminId,
        payload: { orderId: view.order.id, buyerFirmId: buyer.firmId, clusterId: buyer.clusterId, status: 'draft' },
      });
    });

    it('returns the same order when its idempotency key is replayed with the same input', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const input = { ...orderDraft(), buyerFirmId: buyer.firmId };

      const first = await orders.createOrder(buyer.admin, input, 'order-key-0001');
      const replay = await orders.createOrder(buyer.admin, input, 'order-key-0001');

      expect(replay.order.id).toBe(first.order.id);
      expect(await countRows(app.db, 'cooperative_order')).toBe(1);
      expect(await outboxEvents(app.db, 'order.created')).toHaveLength(1);
    });

    it('rejects a replayed idempotency key with other input as IDEMPOTENCY_KEY_REUSED', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const input = { ...orderDraft(), buyerFirmId: buyer.firmId };
      await orders.createOrder(buyer.admin, input, 'order-key-0002');

      const e = await domainError(
        orders.createOrder(buyer.admin, { ...input, title: 'Inny tytuł zamówienia' }, 'order-key-0002'),
      );

      expect(e.code).toBe(ErrorCode.IDEMPOTENCY_KEY_REUSED);
      expect(fieldsOf(e)).toEqual(['idempotencyKey']);
      expect(await countRows(app.db, 'cooperative_order')).toBe(1);
    });

    it('creates exactly one order when 10 calls with the same idempotency key race', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const input = { ...orderDraft(), buyerFirmId: buyer.firmId };

      const all = Promise.allSettled(
        Array.from({ length: 10 }, () => orders.createOrder(buyer.admin, input, 'order-key-race')),
      );

      expect(await settlesWithin(all, 5_000)).toBe('settled');
      const results = await all;
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      const ids = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.order.id : null)));
      expect(ids.size).toBe(1);
      expect(await countRows(app.db, 'cooperative_order')).toBe(1);
      expect(await countRows(app.db, 'work_package')).toBe(3);
      expect(await outboxEvents(app.db, 'order.created')).toHaveLength(1);
    });

    it('rejects invalid input with VALIDATION_FAILED naming every bad field, and writes nothing', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const before = await rowCounts();

      const e = await domainError(
        createOrder(app, buyer, {
          title: 'ab',
          currency: 'USD',
          quoteDeadline: new Date(Date.now() - DAY_MS),
          workPackages: [
            packageDraft({ processCode: 'process.teleportation' }),
            packageDraft({ key: 'bend', dueDate: daysFromNow(25), after: ['weld'] }),
          ],
        }),
      );

      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(
        ['title', 'currency', 'quoteDeadline', 'workPackages.0.processCode', 'workPackages.1.after'].sort(),
      );
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a buyer firm no cluster has verified with FIRM_NOT_VERIFIED, and writes nothing', async () => {
      const buyer = await registerFirm(app, 'PL');
      const before = await rowCounts();

      const e = await domainError(createOrder(app, buyer));

      expect(e.code).toBe(OrderErrorCode.FIRM_NOT_VERIFIED);
      expect(await rowCounts()).toEqual(before);
    });

    it("rejects a clusterId that is not one of the buyer's verified clusters as VALIDATION_FAILED on clusterId", async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const elsewhere = await insertCluster(app.db, 'LT');

      const e = await domainError(createOrder(app, buyer, { clusterId: elsewhere }));

      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(['clusterId']);
      expect(await countRows(app.db, 'cooperative_order')).toBe(0);
    });

    it('posts in the chosen cluster when the buyer is verified in several', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const second = await insertCluster(app.db, 'LT');
      await verifyFirm(app, buyer, second);

      const view = await createOrder(app, buyer, { clusterId: second });

      expect(view.order.clusterId).toBe(second);
    });

    it('answers a user outside the buyer firm with FIRM_NOT_FOUND', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const stranger = actorFor(app, await insertUser(app.db));

      const e = await domainError(
        orders.createOrder(stranger, { ...orderDraft(), buyerFirmId: buyer.firmId }, 'order-key-0003'),
      );

      expect(e.code).toBe(FirmErrorCode.FIRM_NOT_FOUND);
    });
  });

  describe('updateOrder', () => {
    it('changes a draft, replaces its packages and records order.updated', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const draft = await createOrder(app, buyer);

      const updated = await orders.updateOrder(buyer.admin, {
        orderId: draft.order.id,
        title: 'Obudowy stalowe, seria druga',
        workPackages: [
          packageDraft({ key: 'mill', processCode: 'process.cnc-milling' }),
          packageDraft({ key: 'weld', processCode: 'process.tig-welding', dueDate: daysFromNow(24), after: ['mill'] }),
        ],
      });

      expect(updated.order).toMatchObject({ title: 'Obudowy stalowe, seria druga', status: 'draft', version: 2 });
      expect(updated.packages.map((p) => [p.key, p.after])).toEqual([
        ['mill', []],
        ['weld', ['mill']],
      ]);
      expect(await countRows(app.db, 'work_package')).toBe(2);
      expect(await countRows(app.db, 'work_package_dependency')).toBe(1);
      expect(await outboxEvents(app.db, 'order.updated', draft.order.id)).toHaveLength(1);
    });

    it('keeps the packages when the update does not name them', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const draft = await createOrder(app, buyer);

      const updated = await orders.updateOrder(buyer.admin, { orderId: draft.order.id, budgetMinor: null });

      expect(updated.order.budgetMinor).toBeNull();
      expect(updated.packages.map((p) => p.id)).toEqual(draft.packages.map((p) => p.id));
    });

    it('refuses to change a published order with ORDER_STATE_CONFLICT', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const open = await openOrder(app, buyer);

      const e = await domainError(
        orders.updateOrder(buyer.admin, { orderId: open.order.id, title: 'Zmiana po fakcie' }),
      );

      expect(e.code).toBe(OrderErrorCode.ORDER_STATE_CONFLICT);
      expect((await orders.load(open.order.id)).order.title).toBe(open.order.title);
      expect(await outboxEvents(app.db, 'order.updated')).toHaveLength(0);
    });
  });

  describe('publishOrder', () => {
    it('opens a draft, sets publishedAt and statusChangedBy, and records order.published', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const memberId = await addMember(app, buyer);
      const draft = await createOrder(app, buyer);

      const open = await orders.publishOrder(actorFor(app, memberId), draft.order.id);

      expect(open.order.status).toBe('open');
      expect(open.order.publishedAt).toBeInstanceOf(Date);
      expect(open.order.statusChangedBy).toBe(memberId);
      expect(open.order.version).toBe(draft.order.version + 1);
      const events = await outboxEvents(app.db, 'order.published', draft.order.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor_user_id: memberId,
        payload: { status: 'open', packageCount: draft.packages.length },
      });
    });

    it('refuses to publish an open order again with ORDER_STATE_CONFLICT', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const open = await openOrder(app, buyer);

      const e = await domainError(orders.publishOrder(buyer.admin, open.order.id));

      expect(e.code).toBe(OrderErrorCode.ORDER_STATE_CONFLICT);
      expect(await outboxEvents(app.db, 'order.published')).toHaveLength(1);
      // Its deadline passed since: still the state that is wrong, not the deadline.
      await app.db.query(`UPDATE cooperative_order SET quote_deadline = now() - interval '1 day' WHERE id = $1`, [
        open.order.id,
      ]);
      const late = await domainError(orders.publishOrder(buyer.admin, open.order.id));
      expect(late.code).toBe(OrderErrorCode.ORDER_STATE_CONFLICT);
    });

    it('refuses a draft whose quote deadline has passed with VALIDATION_FAILED on quoteDeadline', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const draft = await createOrder(app, buyer);
      await app.db.query(`UPDATE cooperative_order SET quote_deadline = now() - interval '1 hour' WHERE id = $1`, [
        draft.order.id,
      ]);

      const e = await domainError(orders.publishOrder(buyer.admin, draft.order.id));

      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(['quoteDeadline']);
      expect((await orders.load(draft.order.id)).order.status).toBe('draft');
    });
  });

  describe('cancelOrder', () => {
    it('cancels an open order with its reason and records order.cancelled', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const open = await openOrder(app, buyer);

      const cancelled = await orders.cancelOrder(buyer.admin, open.order.id, '  Klient wycofał zlecenie  ');

      expect(cancelled.order).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Klient wycofał zlecenie',
        statusChangedBy: buyer.adminId,
      });
      expect(cancelled.order.cancelledAt).toBeInstanceOf(Date);
      const events = await outboxEvents(app.db, 'order.cancelled', open.order.id);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({ status: 'cancelled' });
    });

    it('refuses to cancel a cancelled order with ORDER_STATE_CONFLICT', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const draft = await createOrder(app, buyer);
      await orders.cancelOrder(buyer.admin, draft.order.id, 'Zmiana planów');

      const e = await domainError(orders.cancelOrder(buyer.admin, draft.order.id, 'Jeszcze raz'));

      expect(e.code).toBe(OrderErrorCode.ORDER_STATE_CONFLICT);
      expect(await outboxEvents(app.db, 'order.cancelled')).toHaveLength(1);
    });

    it('requires a reason of at least 3 characters', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const draft = await createOrder(app, buyer);

      const e = await domainError(orders.cancelOrder(buyer.admin, draft.order.id, ' x '));

      expect(fieldsOf(e)).toEqual(['reason']);
    });
  });

  describe('getOrder', () => {
    /** A PL cluster paired with an LT cluster, a buyer in PL, suppliers and coordinators on both sides. */
    async function world() {
      const buyer = await verifiedFirm(app, 'PL');
      const partnerCluster = await insertCluster(app.db, 'LT');
      await pairClusters(app.db, buyer.clusterId, partnerCluster);
      return {
        buyer,
        partnerCluster,
        sameCluster: await verifiedFirm(app, 'PL', buyer.clusterId),
        partnerFirm: await verifiedFirm(app, 'LT', partnerCluster),
        coordinator: actorFor(app, await insertCoordinator(app.db, buyer.clusterId)),
        partnerCoordinator: actorFor(app, await insertCoordinator(app.db, partnerCluster)),
      };
    }

    const sees = async (actor: Parameters<OrderService['getOrder']>[0], orderId: string) => {
      try {
        return (await orders.getOrder(actor, orderId)).order.id === orderId;
      } catch (e) {
        expect((e as { code?: string }).code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
        return false;
      }
    };

    it('shows a draft to a plain member of the buyer firm', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const memberId = await addMember(app, buyer);
      const draft = await createOrder(app, buyer);

      expect(await sees(actorFor(app, memberId), draft.order.id)).toBe(true);
    });

    it("shows an order to a coordinator of the order's cluster, drafts included", async () => {
      const w = await world();
      const draft = await createOrder(app, w.buyer);

      expect(await sees(w.coordinator, draft.order.id)).toBe(true);
    });

    it('shows an order to a coordinator of the partner cluster only when it is shared with partner clusters', async () => {
      const w = await world();
      const shared = await openOrder(app, w.buyer, { visibility: 'partner_clusters' });
      const own = await openOrder(app, w.buyer, { visibility: 'cluster' });

      expect(await sees(w.partnerCoordinator, shared.order.id)).toBe(true);
      expect(await sees(w.partnerCoordinator, own.order.id)).toBe(false);
    });

    it('shows an order to a verified firm of the partner cluster only when it is shared with partner clusters', async () => {
      const w = await world();
      const shared = await openOrder(app, w.buyer, { visibility: 'partner_clusters' });
      const own = await openOrder(app, w.buyer, { visibility: 'cluster' });

      expect(await sees(w.partnerFirm.admin, shared.order.id)).toBe(true);
      expect(await sees(w.partnerFirm.admin, own.order.id)).toBe(false);
      expect(await sees(w.sameCluster.admin, own.order.id)).toBe(true);
    });

    it('shows an invitation-only order to the invited firm and to no other supplier', async () => {
      const w = await world();
      const guest = await registerFirm(app, 'LT');
      const open = await openOrder(app, w.buyer, { visibility: 'invited', invitedFirmIds: [guest.firmId] });

      expect(await sees(guest.admin, open.order.id)).toBe(true);
      expect(await sees(w.sameCluster.admin, open.order.id)).toBe(false);
    });

    it('answers a stranger with ORDER_NOT_FOUND', async () => {
      const w = await world();
      const open = await openOrder(app, w.buyer, { visibility: 'partner_clusters' });
      const stranger = actorFor(app, await insertUser(app.db));
      const unverified = await registerFirm(app, 'PL');

      expect((await domainError(orders.getOrder(stranger, open.order.id))).code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
      expect(await sees(unverified.admin, open.order.id)).toBe(false);
      expect(await sees(stranger, randomUUID())).toBe(false);
    });

    it('hides a draft from the suppliers it will be open to, and shows it once published', async () => {
      const w = await world();
      const guest = await registerFirm(app, 'LT');
      const draft = await createOrder(app, w.buyer, { visibility: 'invited', invitedFirmIds: [guest.firmId] });
      const clusterDraft = await createOrder(app, w.buyer, { visibility: 'partner_clusters' });

      expect(await sees(guest.admin, draft.order.id)).toBe(false);
      expect(await sees(w.sameCluster.admin, clusterDraft.order.id)).toBe(false);
      expect(await sees(w.partnerFirm.admin, clusterDraft.order.id)).toBe(false);

      await orders.publishOrder(w.buyer.admin, draft.order.id);
      expect(await sees(guest.admin, draft.order.id)).toBe(true);
    });
  });

  describe('openOrders', () => {
    it('filters by a process code together with its descendants', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const supplier = await verifiedFirm(app, 'PL', buyer.clusterId);
      const cutting = await openOrder(app, buyer, { workPackages: [packageDraft()] });
      const milling = await openOrder(app, buyer, {
        workPackages: [packageDraft({ key: 'mill', processCode: 'process.cnc-milling' })],
      });

      const byParent = await orders.openOrders(supplier.admin, { processCodes: ['process.cutting'], first: 10 });
      const byLeaf = await orders.openOrders(supplier.admin, { processCodes: ['process.cnc-milling'], first: 10 });
      const all = await orders.openOrders(supplier.admin, { first: 10 });

      expect(byParent.items.map((v) => v.order.id)).toEqual([cutting.order.id]);
      expect(byLeaf.items.map((v) => v.order.id)).toEqual([milling.order.id]);
      expect(all.items.map((v) => v.order.id).sort()).toEqual([cutting.order.id, milling.order.id].sort());
    });

    it("excludes the firm's own orders, drafts and orders past their quote deadline", async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const supplier = await verifiedFirm(app, 'PL', buyer.clusterId);
      const visible = await openOrder(app, buyer);
      const late = await openOrder(app, buyer);
      await createOrder(app, buyer);
      await openOrder(app, supplier);
      await app.db.query(`UPDATE cooperative_order SET quote_deadline = now() - interval '1 minute' WHERE id = $1`, [
        late.order.id,
      ]);

      const page = await orders.openOrders(supplier.admin, { first: 10 });

      expect(page.items.map((v) => v.order.id)).toEqual([visible.order.id]);
    });

    it('rejects an unknown process code as VALIDATION_FAILED', async () => {
      const supplier = await verifiedFirm(app, 'PL');

      const e = await domainError(
        orders.openOrders(supplier.admin, { processCodes: ['material.structural-steel'], first: 10 }),
      );

      expect(fieldsOf(e)).toEqual(['filter.processCodes.0']);
    });
  });

  describe('myOrders', () => {
    it('pages with a keyset cursor, returning each order once, newest first, even when orders share created_at', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const created: string[] = [];
      for (let i = 0; i < 7; i++) created.push((await createOrder(app, buyer)).order.id);
      // Three of them in the same millisecond: the id breaks the tie.
      await app.db.query(
        `UPDATE cooperative_order SET created_at = (SELECT created_at FROM cooperative_order WHERE id = $1)
         WHERE id = ANY($2::uuid[])`,
        [created[2], created.slice(2, 5)],
      );
      const expected: { id: string }[] = await app.db.query(
        `SELECT id FROM cooperative_order ORDER BY created_at DESC, id DESC`,
      );

      const seen: string[] = [];
      let after: { createdAt: string; id: string } | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await orders.myOrders(buyer.admin, { first: 2, after });
        seen.push(...page.items.map((v) => v.order.id));
        if (!page.hasNextPage) break;
        const last = page.items[page.items.length - 1].order;
        after = { createdAt: last.createdAt.toISOString(), id: last.id };
      }

      expect(seen).toEqual(expected.map((r) => r.id));
      expect(new Set(seen).size).toBe(7);
    });

    it('filters by status and leaves out orders of other firms', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const other = await verifiedFirm(app, 'PL', buyer.clusterId);
      const open = await openOrder(app, buyer);
      await createOrder(app, buyer);
      await openOrder(app, other);

      const page = await orders.myOrders(buyer.admin, { status: 'open', first: 10 });

      expect(page.items.map((v) => v.order.id)).toEqual([open.order.id]);
      expect(page.hasNextPage).toBe(false);
    });
  });
});
