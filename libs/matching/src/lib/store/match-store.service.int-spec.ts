import { OfferService, seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { publishedOffer } from '@kooperant/catalogue/testing';
import { openOrder, verifiedFirm } from '@kooperant/orders/testing';
import { createTestApp, domainError, testQueueModule, type TestApp } from '@kooperant/platform-testing';
import { ErrorCode } from '@kooperant/platform-errors';
import { AccessService } from '@kooperant/identity';
import { insertCoordinator } from '@kooperant/identity/testing';
import { OrderErrorCode } from '@kooperant/orders';
import { MatchingModule } from '../matching.module';
import { MatchStoreService } from './match-store.service';
import { MatchingSweepProcessor } from '../jobs/matching-sweep.processor';
import { MatchingJobsModule } from '../matching-jobs.module';

describe('MatchStoreService', () => {
  let app: TestApp;
  let store: MatchStoreService;

  beforeAll(async () => {
    app = await createTestApp([MatchingModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    store = app.get(MatchStoreService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  const matchesOf = (orderId: string) =>
    app.db.query(
      `SELECT w.key, m.firm_id, m.rank, m.status, jsonb_array_length(m.parts) AS parts
       FROM package_match m JOIN work_package w ON w.id = m.package_id
       WHERE m.order_id = $1 ORDER BY w.key, m.rank NULLS LAST, m.firm_id`,
      [orderId],
    );
  const proposedEvents = (orderId: string) =>
    app.db
      .query(
        `SELECT COALESCE(sum(jsonb_array_length(payload->'proposals')), 0)::int AS n FROM outbox_event
         WHERE type = 'match.proposed' AND aggregate_id = $1`,
        [orderId],
      )
      .then((r: { n: number }[]) => r[0].n);

  it('stores the ranking, records a proposal once per firm, and keeps decisions when a firm drops out', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer);
    const [a, b] = await Promise.all([verifiedFirm(app, 'PL'), verifiedFirm(app, 'LT')]);
    const offerA = await publishedOffer(app, a);
    const offerB = await publishedOffer(app, b);

    expect(await store.refreshOrder(view.order.id)).toEqual({ stored: 2, proposedFirst: 2, dropped: 0 });
    const first = await matchesOf(view.order.id);
    expect(first.map((m: { firm_id: string }) => m.firm_id).sort()).toEqual([a.firmId, b.firmId].sort());
    expect(first.map((m: { rank: number }) => m.rank)).toEqual([1, 2]);
    expect(first.every((m: { parts: number; status: string }) => m.parts === 6 && m.status === 'proposed')).toBe(true);

    // The same ranking again: updated in place, no new proposal events.
    expect(await store.refreshOrder(view.order.id)).toEqual({ stored: 2, proposedFirst: 0, dropped: 0 });
    expect(await proposedEvents(view.order.id)).toBe(2);

    // A coordinator endorsed B; then both firms archive their offers.
    await app.db.query(`UPDATE package_match SET status = 'endorsed' WHERE firm_id = $1`, [b.firmId]);
    await app.get(OfferService).archiveOffer(a.admin, offerA.id);
    await app.get(OfferService).archiveOffer(b.admin, offerB.id);

    expect(await store.refreshOrder(view.order.id)).toEqual({ stored: 0, proposedFirst: 0, dropped: 1 });
    expect(await matchesOf(view.order.id)).toEqual([
      { key: 'cut', firm_id: b.firmId, rank: null, status: 'endorsed', parts: 6 },
    ]);

    // An order no longer open is not matched again, and one that does not exist is said to be gone.
    await app.db.query(`UPDATE cooperative_order SET status = 'cancelled' WHERE id = $1`, [view.order.id]);
    await publishedOffer(app, a);
    expect(await store.refreshOrder(view.order.id)).toEqual({
      stored: 0,
      proposedFirst: 0,
      dropped: 0,
      skipped: 'order cancelled',
    });
    expect(await matchesOf(view.order.id)).toHaveLength(1);
    expect((await store.refreshOrder('00000000-0000-4000-8000-000000000000')).skipped).toBe('order gone');
  });

  it('shows the matches to the buyer and its coordinators, never to a proposed firm or a stranger', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer);
    const [supplier, stranger] = await Promise.all([verifiedFirm(app, 'PL', buyer.clusterId), verifiedFirm(app, 'LT')]);
    await publishedOffer(app, supplier);
    const coordinator = await insertCoordinator(app.db, buyer.clusterId);
    const actor = (userId: string) => app.get(AccessService).actorFor(userId);

    const before = await store.matchesOf(buyer.admin, view.order.id);
    expect(before.computedAt).toBeNull();
    expect(before.packages.map((p) => [p.key, p.matches.length])).toEqual([
      ['cut', 0],
      ['bend', 0],
      ['coat', 0],
    ]);

    await store.refreshOrder(view.order.id);
    const seen = await store.matchesOf(actor(coordinator), view.order.id);
    expect(seen.computedAt).toBeInstanceOf(Date);
    expect(seen.packages[0].matches).toMatchObject([{ firmId: supplier.firmId, rank: 1, status: 'proposed' }]);
    expect(seen.packages[0].matches[0].parts.map((p) => p.name)).toContain('crossBorder');

    expect((await domainError(store.matchesOf(supplier.admin, view.order.id))).code).toBe(ErrorCode.FORBIDDEN);
    expect((await domainError(store.matchesOf(stranger.admin, view.order.id))).code).toBe(
      OrderErrorCode.ORDER_NOT_FOUND,
    );
  });

  it('lets two refreshes of one order run at once without duplicates or lost rows', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const view = await openOrder(app, buyer);
    const firms = await Promise.all([1, 2, 3].map(() => verifiedFirm(app, 'LT')));
    for (const f of firms) await publishedOffer(app, f);

    await Promise.all([store.refreshOrder(view.order.id), store.refreshOrder(view.order.id)]);

    expect(await matchesOf(view.order.id)).toHaveLength(3);
    expect(await proposedEvents(view.order.id)).toBe(3);
  });
});

describe('MatchingSweepProcessor', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp([testQueueModule().module, MatchingJobsModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  it('matches open orders never matched, and again only after the order changed (offers are the events job)', async () => {
    const sweep = app.get(MatchingSweepProcessor);
    const buyer = await verifiedFirm(app, 'PL');
    const open = await openOrder(app, buyer);
    await openOrder(app, buyer).then((v) =>
      app.db.query(`UPDATE cooperative_order SET status = 'cancelled' WHERE id = $1`, [v.order.id]),
    );
    const a = await verifiedFirm(app, 'LT');
    await publishedOffer(app, a);

    expect(await sweep.handle({})).toEqual({ orders: 1, proposed: 1 });
    // Nothing changed: nothing to do, even for an order without candidates for some packages.
    expect(await sweep.handle({})).toEqual({ orders: 0, proposed: 0 });

    // A new offer is left to reverse matching (MatchOfferProcessor), which the offer's event triggers.
    const b = await verifiedFirm(app, 'PL');
    await publishedOffer(app, b);
    expect(await sweep.handle({})).toEqual({ orders: 0, proposed: 0 });
    await app.db.query(`UPDATE cooperative_order SET updated_at = now() WHERE id = $1`, [open.order.id]);
    expect(await sweep.handle({})).toEqual({ orders: 1, proposed: 1 });
    const [run] = await app.db.query(`SELECT matches FROM order_match_run WHERE order_id = $1`, [open.order.id]);
    expect(run.matches).toBe(2);
  });
});
