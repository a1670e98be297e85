import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { publishedOffer } from '@kooperant/catalogue/testing';
import { insertCluster, insertCoordinator } from '@kooperant/identity/testing';
import { actorFor, openOrder, pairClusters, verifiedFirm } from '@kooperant/orders/testing';
import { OrderService, OrdersModule } from '@kooperant/orders';
import type { RelayedEvent } from '@kooperant/platform-queue';
import { createTestApp, domainError, type TestApp } from '@kooperant/platform-testing';
import { ExchangeModule } from './exchange.module';
import { ExchangeService } from './exchange.service';

/** The coordinators' exchange against real PostgreSQL: posts, comments, forwards, who reads them, who hears. */
describe('ExchangeService', () => {
  let app: TestApp;
  let exchange: ExchangeService;

  beforeAll(async () => {
    app = await createTestApp([OrdersModule, ExchangeModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    exchange = app.get(ExchangeService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));
  afterAll(() => app?.close());

  /** A Polish and a Lithuanian cluster, partners, each with a coordinator and a verified firm (LT: two). */
  async function partners() {
    const pl = await insertCluster(app.db, 'PL');
    const lt = await insertCluster(app.db, 'LT');
    await pairClusters(app.db, pl, lt);
    const [plCoordinator, ltCoordinator] = [await insertCoordinator(app.db, pl), await insertCoordinator(app.db, lt)];
    await app.db.query(`UPDATE app_user SET locale = 'lt', time_zone = 'Europe/Vilnius' WHERE id = $1`, [
      ltCoordinator,
    ]);
    const buyer = await verifiedFirm(app, 'PL', pl);
    const ltFirms = [await verifiedFirm(app, 'LT', lt), await verifiedFirm(app, 'LT', lt)];
    return {
      pl,
      lt,
      plCoordinator: actorFor(app, plCoordinator),
      ltCoordinator: actorFor(app, ltCoordinator),
      ltCoordinatorId: ltCoordinator,
      buyer,
      ltFirms,
    };
  }

  async function eventsOf(type: string): Promise<RelayedEvent[]> {
    const rows = await app.db.query(
      `SELECT id, type, aggregate_type, aggregate_id, payload, actor_user_id, created_at FROM outbox_event
       WHERE type = $1 ORDER BY created_at`,
      [type],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r['id'],
      type: r['type'],
      aggregateType: r['aggregate_type'],
      aggregateId: r['aggregate_id'],
      payload: r['payload'],
      actorUserId: r['actor_user_id'],
      createdAt: new Date(r['created_at'] as string).toISOString(),
    })) as RelayedEvent[];
  }

  it('shares a post with the partner cluster’s coordinators, who comment; the author hears of it in their language', async () => {
    const s = await partners();
    const order = await openOrder(app, s.buyer);
    const input = {
      topic: 'cooperation_offer' as const,
      title: 'Wspólne zakupy blach S355 na 2027',
      body: 'Zbieramy zapotrzebowanie firm obu klastrów.',
      language: 'pl' as const,
      orderId: order.order.id,
    };
    const post = await exchange.createPost(s.plCoordinator, input, 'post-key-0001');
    expect(post).toMatchObject({ clusterId: s.pl, topic: 'cooperation_offer', orderId: order.order.id });
    const replay = await exchange.createPost(s.plCoordinator, input, 'post-key-0001');
    expect(replay.id).toBe(post.id);

    const seen = await exchange.posts(s.ltCoordinator, {}, { first: 10 });
    expect(seen.items.map((p) => p.id)).toEqual([post.id]);
    // One event per post (a replay records none), which the notifications turn into news for the coordinators.
    expect((await eventsOf('exchange.posted')).map((e) => [e.payload, e.actorUserId])).toEqual([
      [{ postId: post.id, clusterId: s.pl }, s.plCoordinator.userId],
    ]);

    const comment = await exchange.comment(s.ltCoordinator, post.id, 'Prisijungsime: trys įmonės.', 'comment-key-01');
    expect(comment.clusterId).toBe(s.lt);
    expect((await exchange.commentsOf([post.id])).get(post.id)?.map((c) => c.body)).toEqual([
      'Prisijungsime: trys įmonės.',
    ]);
    expect((await eventsOf('exchange.commented')).map((e) => e.payload)).toEqual([
      { postId: post.id, commentId: comment.id },
    ]);
  });

  it('keeps the exchange to the two clusters’ coordinators: firms and other clusters find nothing', async () => {
    const s = await partners();
    const post = await exchange.createPost(
      s.plCoordinator,
      { topic: 'good_practice', title: 'Checklist for EN 1090 audits', body: 'Attached.', language: 'en' },
      'post-key-0002',
    );
    const stranger = actorFor(app, await insertCoordinator(app.db, await insertCluster(app.db, 'PL')));
    expect((await exchange.posts(stranger, {}, { first: 10 })).items).toEqual([]);
    expect((await domainError(exchange.post(stranger, post.id))).code).toBe('EXCHANGE_POST_NOT_FOUND');
    expect((await domainError(exchange.comment(stranger, post.id, 'hi', 'comment-key-02'))).code).toBe(
      'EXCHANGE_POST_NOT_FOUND',
    );
    expect((await domainError(exchange.posts(s.buyer.admin, {}, { first: 10 }))).code).toBe('FORBIDDEN');
    expect((await domainError(exchange.post(s.buyer.admin, post.id))).code).toBe('FORBIDDEN');
  });

  it('forwards an order to the partner cluster’s firms: they may see and quote it, and are told', async () => {
    const s = await partners();
    const order = await openOrder(app, s.buyer, { visibility: 'cluster' });
    const orders = app.get(OrderService);
    await expect(orders.visibleToSupplierFirm(order.order.id, s.ltFirms[0].firmId)).resolves.toBe(false);

    const forward = await exchange.forward(
      s.plCoordinator,
      { orderId: order.order.id, firmIds: [s.ltFirms[0].firmId], note: 'Pilne.', language: 'pl' },
      'forward-key-01',
    );
    expect(forward).toMatchObject({ topic: 'forward', forwardedToFirmIds: [s.ltFirms[0].firmId] });
    await expect(orders.visibleToSupplierFirm(order.order.id, s.ltFirms[0].firmId)).resolves.toBe(true);
    await expect(orders.visibleToSupplierFirm(order.order.id, s.ltFirms[1].firmId)).resolves.toBe(false);

    expect((await eventsOf('exchange.order-forwarded')).map((e) => e.payload)).toEqual([
      {
        postId: forward.id,
        fromClusterId: s.pl,
        toClusterId: s.lt,
        orderId: order.order.id,
        offerId: null,
        firmIds: [s.ltFirms[0].firmId],
      },
    ]);

    // Without a list: every verified firm of the partner cluster.
    const offer = await publishedOffer(app, s.buyer);
    const all = await exchange.forward(s.plCoordinator, { offerId: offer.id, language: 'en' }, 'forward-key-02');
    expect([...all.forwardedToFirmIds].sort()).toEqual(s.ltFirms.map((f) => f.firmId).sort());
  });

  it('names the field of a forward that cannot be made, and changes nothing', async () => {
    const s = await partners();
    const order = await openOrder(app, s.buyer);
    const otherPl = await verifiedFirm(app, 'PL', s.pl);
    const bad = await domainError(
      exchange.forward(
        s.plCoordinator,
        { orderId: order.order.id, firmIds: [s.ltFirms[0].firmId, otherPl.firmId], language: 'pl' },
        'forward-key-03',
      ),
    );
    expect(bad.problems.map((p) => `${p.field}:${p.reason}`)).toEqual(['firmIds.1:NOT_A_PARTNER_FIRM']);
    const both = await domainError(
      exchange.forward(
        s.plCoordinator,
        { orderId: order.order.id, offerId: order.order.id, language: 'pl' },
        'forward-key-04',
      ),
    );
    expect(both.problems[0]).toMatchObject({ field: 'orderId', reason: 'ONE_OF' });
    // The LT coordinator cannot forward the PL cluster's order.
    const foreign = await domainError(
      exchange.forward(s.ltCoordinator, { orderId: order.order.id, language: 'lt' }, 'forward-key-05'),
    );
    expect(foreign.problems[0]).toMatchObject({ field: 'orderId', reason: 'NOT_FOUND' });
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM exchange_post`);
    const [{ i }] = await app.db.query(`SELECT count(*)::int AS i FROM order_invitation`);
    expect([n, i]).toEqual([0, 0]);

    const lonely = await insertCluster(app.db, 'PL');
    const lonelyCoordinator = actorFor(app, await insertCoordinator(app.db, lonely));
    const lonelyBuyer = await verifiedFirm(app, 'PL', lonely);
    const lonelyOrder = await openOrder(app, lonelyBuyer);
    expect(
      (
        await domainError(
          exchange.forward(lonelyCoordinator, { orderId: lonelyOrder.order.id, language: 'pl' }, 'forward-key-06'),
        )
      ).code,
    ).toBe('NO_PARTNER_CLUSTER');
  });
});
