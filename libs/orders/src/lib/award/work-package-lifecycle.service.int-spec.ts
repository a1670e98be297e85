import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, type TestApp } from '@kooperant/platform-testing';
import { addMember, insertUser } from '@kooperant/identity/testing';
import { OrdersModule } from '../orders.module';
import { OrderErrorCode } from '../order/order.errors';
import { actorFor, award, awardedChain, verifiedFirm } from '../testing/orders.factories';
import { outboxEvents } from '@kooperant/platform-testing';
import { WorkPackageLifecycleService } from './work-package-lifecycle.service';

describe('WorkPackageLifecycleService', () => {
  let app: TestApp;
  let lifecycle: WorkPackageLifecycleService;

  beforeAll(async () => {
    app = await createTestApp([OrdersModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    lifecycle = app.get(WorkPackageLifecycleService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  const statusOf = (view: Awaited<ReturnType<WorkPackageLifecycleService['start']>>, id: string) =>
    view.packages.find((p) => p.id === id)?.status;

  /** The awarded cut → bend → coat chain with `cut` handed over. */
  async function cutHandedOver() {
    const c = await awardedChain(app);
    await lifecycle.start(c.cutter.admin, c.ids.cut);
    await lifecycle.handOver(c.cutter.admin, c.ids.cut);
    return c;
  }

  describe('start', () => {
    it('moves an awarded package to in_production and the order to in_progress, recording package.started with onTime', async () => {
      const c = await awardedChain(app);
      const memberId = await addMember(app, c.cutter);

      const view = await lifecycle.start(actorFor(app, memberId), c.ids.cut);

      expect(statusOf(view, c.ids.cut)).toBe('in_production');
      expect(view.packages.find((p) => p.id === c.ids.cut)?.statusChangedBy).toBe(memberId);
      expect(view.order.status).toBe('in_progress');
      expect(view.order.statusChangedBy).toBe(memberId);
      const events = await outboxEvents(app.db, 'package.started', c.orderId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        aggregate_type: 'order',
        actor_user_id: memberId,
        payload: { orderId: c.orderId, packageId: c.ids.cut, firmId: c.cutter.firmId, onTime: true },
      });
    });

    it('keeps the order in_progress when the next step starts', async () => {
      const c = await cutHandedOver();

      const view = await lifecycle.start(c.bender.admin, c.ids.bend);

      expect(view.order.status).toBe('in_progress');
      expect(await outboxEvents(app.db, 'package.started')).toHaveLength(2);
    });

    it('refuses a start by another firm that can see the order with FORBIDDEN', async () => {
      const c = await awardedChain(app);

      const e = await domainError(lifecycle.start(c.bender.admin, c.ids.cut));

      expect(e.code).toBe(ErrorCode.FORBIDDEN);
    });

    it('refuses to start a package while other packages of the order are still open with PACKAGE_STATE_CONFLICT', async () => {
      const c = await awardedChain(app, { awardAll: false });
      await award(app, c.buyer, c.ids.cut, c.quotes.cut.quote.id);

      const e = await domainError(lifecycle.start(c.cutter.admin, c.ids.cut));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_STATE_CONFLICT);
      expect(e.details).toMatchObject({ status: 'awarded', orderStatus: 'open' });
    });
  });

  describe('handOver', () => {
    it('moves a package in production to handed_over and records package.handed-over', async () => {
      const c = await awardedChain(app);
      await lifecycle.start(c.cutter.admin, c.ids.cut);

      const view = await lifecycle.handOver(c.cutter.admin, c.ids.cut);

      expect(statusOf(view, c.ids.cut)).toBe('handed_over');
      const events = await outboxEvents(app.db, 'package.handed-over', c.orderId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor_user_id: c.cutter.adminId,
        payload: { packageId: c.ids.cut, firmId: c.cutter.firmId, onTime: true },
      });
    });

    it('records onTime false for a hand-over after the due date', async () => {
      const c = await awardedChain(app);
      await lifecycle.start(c.cutter.admin, c.ids.cut);
      await app.db.query(`UPDATE work_package SET due_date = now() - interval '1 day' WHERE id = $1`, [c.ids.cut]);

      await lifecycle.handOver(c.cutter.admin, c.ids.cut);

      expect((await outboxEvents(app.db, 'package.handed-over'))[0].payload).toMatchObject({ onTime: false });
    });
  });

  describe('accept', () => {
    it('lets the firm of the next step accept a handed-over package, recording package.accepted', async () => {
      const c = await cutHandedOver();

      const view = await lifecycle.accept(c.bender.admin, c.ids.cut);

      expect(statusOf(view, c.ids.cut)).toBe('accepted');
      const events = await outboxEvents(app.db, 'package.accepted', c.orderId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor_user_id: c.bender.adminId,
        payload: { packageId: c.ids.cut, firmId: c.cutter.firmId },
      });
    });

    it('lets the buyer accept a handed-over package', async () => {
      const c = await cutHandedOver();

      const view = await lifecycle.accept(c.buyer.admin, c.ids.cut);

      expect(statusOf(view, c.ids.cut)).toBe('accepted');
    });

    it('refuses acceptance by the firm that handed the package over with FORBIDDEN', async () => {
      const c = await cutHandedOver();

      const e = await domainError(lifecycle.accept(c.cutter.admin, c.ids.cut));

      expect(e.code).toBe(ErrorCode.FORBIDDEN);
      expect(await outboxEvents(app.db, 'package.accepted')).toHaveLength(0);
    });

    it('refuses acceptance by the firm of a later step that does not follow the package directly with FORBIDDEN', async () => {
      const c = await cutHandedOver();

      const e = await domainError(lifecycle.accept(c.coater.admin, c.ids.cut));

      expect(e.code).toBe(ErrorCode.FORBIDDEN);
    });

    it('answers a stranger with PACKAGE_NOT_FOUND', async () => {
      const c = await cutHandedOver();
      const stranger = actorFor(app, await insertUser(app.db));
      const outsider = await verifiedFirm(app, 'LT');

      expect((await domainError(lifecycle.accept(stranger, c.ids.cut))).code).toBe(OrderErrorCode.PACKAGE_NOT_FOUND);
      expect((await domainError(lifecycle.accept(outsider.admin, c.ids.cut))).code).toBe(
        OrderErrorCode.PACKAGE_NOT_FOUND,
      );
      expect((await domainError(lifecycle.start(stranger, c.ids.bend))).code).toBe(OrderErrorCode.PACKAGE_NOT_FOUND);
    });

    it('completes the order and records order.completed when the last package is accepted', async () => {
      const c = await awardedChain(app);
      for (const [k, firm] of [
        ['cut', c.cutter],
        ['bend', c.bender],
        ['coat', c.coater],
      ] as const) {
        await lifecycle.start(firm.admin, c.ids[k]);
        await lifecycle.handOver(firm.admin, c.ids[k]);
      }
      await lifecycle.accept(c.bender.admin, c.ids.cut);
      const partly = await lifecycle.accept(c.coater.admin, c.ids.bend);
      expect(partly.order.status).toBe('in_progress');
      expect(await outboxEvents(app.db, 'order.completed')).toHaveLength(0);

      const done = await lifecycle.accept(c.buyer.admin, c.ids.coat);

      expect(done.order.status).toBe('completed');
      expect(done.order.statusChangedBy).toBe(c.buyer.adminId);
      const events = await outboxEvents(app.db, 'order.completed', c.orderId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor_user_id: c.buyer.adminId, payload: { orderId: c.orderId } });
    });
  });

  describe('steps out of order', () => {
    it('refuses to start a step before the step it follows is handed over with PACKAGE_STATE_CONFLICT', async () => {
      const c = await awardedChain(app);
      await lifecycle.start(c.cutter.admin, c.ids.cut);

      // BUG: WorkPackageDependencyEntity says a package "starts after predecessorId is handed over", but start()
      // only checks the package's own status: bending starts while cutting is still in production.
      const e = await domainError(lifecycle.start(c.bender.admin, c.ids.bend));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_STATE_CONFLICT);
      expect(await outboxEvents(app.db, 'package.started')).toHaveLength(1);
    });

    it('refuses a hand-over before the start with PACKAGE_STATE_CONFLICT', async () => {
      const c = await awardedChain(app);

      const e = await domainError(lifecycle.handOver(c.cutter.admin, c.ids.cut));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_STATE_CONFLICT);
      expect(e.details).toMatchObject({ status: 'awarded' });
    });

    it('refuses an acceptance before the hand-over with PACKAGE_STATE_CONFLICT', async () => {
      const c = await awardedChain(app);
      await lifecycle.start(c.cutter.admin, c.ids.cut);

      const e = await domainError(lifecycle.accept(c.buyer.admin, c.ids.cut));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_STATE_CONFLICT);
      expect(e.details).toMatchObject({ status: 'in_production' });
    });

    it('refuses to start a package twice with PACKAGE_STATE_CONFLICT', async () => {
      const c = await awardedChain(app);
      await lifecycle.start(c.cutter.admin, c.ids.cut);

      const e = await domainError(lifecycle.start(c.cutter.admin, c.ids.cut));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_STATE_CONFLICT);
      expect(await outboxEvents(app.db, 'package.started')).toHaveLength(1);
    });

    it('refuses to accept a package twice with PACKAGE_STATE_CONFLICT', async () => {
      const c = await cutHandedOver();
      await lifecycle.accept(c.bender.admin, c.ids.cut);

      const e = await domainError(lifecycle.accept(c.buyer.admin, c.ids.cut));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_STATE_CONFLICT);
      expect(await outboxEvents(app.db, 'package.accepted')).toHaveLength(1);
    });
  });
});
