import { randomUUID } from 'node:crypto';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { publishedOffer } from '@kooperant/catalogue/testing';
import { leg, openOrder, pairClusters, pkg, submitQuote, verifiedFirm } from '@kooperant/orders/testing';
import { OrdersModule } from '@kooperant/orders';
import { insertCoordinator } from '@kooperant/identity/testing';
import { AccessService } from '@kooperant/identity';
import { createTestApp, domainError, relayedEvents, type TestApp } from '@kooperant/platform-testing';
import type { RelayedEvent } from '@kooperant/platform-queue';
import { MatchingModule, MatchStoreService } from '@kooperant/matching';
import { NotificationsModule } from '../notifications.module';
import { NotificationService } from './notification.service';

describe('NotificationService', () => {
  let app: TestApp;
  let notifications: NotificationService;

  beforeAll(async () => {
    app = await createTestApp([OrdersModule, MatchingModule, NotificationsModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    notifications = app.get(NotificationService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  const eventsOf = (type: string) => relayedEvents(app.db, type);

  const setLocale = (userId: string, locale: string, tz: string) =>
    app.db.query(`UPDATE app_user SET locale = $2, time_zone = $3 WHERE id = $1`, [userId, locale, tz]);

  it("tells the buyer's members of a quote in their own language, once, and never the one who sent it", async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const supplier = await verifiedFirm(app, 'LT');
    await pairClusters(app.db, buyer.clusterId, supplier.clusterId);
    const view = await openOrder(app, buyer, { visibility: 'partner_clusters' });
    await setLocale(buyer.admin.userId, 'pl', 'Europe/Warsaw');
    await submitQuote(app, supplier, view.order.id, [leg(pkg(view, 'cut'), { priceMinor: 123_450, currency: 'PLN' })]);
    const [event] = await eventsOf('quote.submitted');

    const made = await notifications.fromEvent(event);
    expect(made.map((n) => n.userId)).toEqual([buyer.admin.userId]);
    expect(await notifications.fromEvent(event)).toEqual([]); // replayed: nothing new
    const page = await notifications.list(buyer.admin, { first: 10 });
    expect(page.items).toHaveLength(1);
    const [n] = page.items;
    expect(n.kind).toBe('quote.received');
    expect(n.links).toMatchObject({ orderId: view.order.id });
    const [{ name }] = await app.db.query(`SELECT name FROM firm WHERE id = $1`, [supplier.firmId]);
    expect(`${n.title} ${n.body}`).toContain(name);
    expect(`${n.title} ${n.body}`).toMatch(/1\s?234,50\s?zł/);
    // The supplier who caused it hears nothing of its own quote.
    expect((await notifications.list(supplier.admin, { first: 10 })).items).toEqual([]);
  });

  it('counts unread, marks one and all read, and keeps each user to their own', async () => {
    const firm = await verifiedFirm(app, 'PL');
    const coordinator = app.get(AccessService).actorFor(await insertCoordinator(app.db, firm.clusterId));
    for (const e of await eventsOf('firm.verified')) await notifications.fromEvent(e);
    await publishedOffer(app, firm);
    await app.db.query(`UPDATE offer SET valid_until = now() + interval '3 days'`);
    const [offer] = await app.db.query(`SELECT id FROM offer`);
    const expiring: RelayedEvent = {
      id: randomUUID(),
      type: 'offer.expiring-soon',
      aggregateType: 'offer',
      aggregateId: offer.id,
      payload: { offerId: offer.id, firmId: firm.firmId },
      actorUserId: null,
      createdAt: new Date().toISOString(),
    };
    await notifications.fromEvent(expiring);
    expect(await notifications.unreadCount(firm.admin)).toBe(2);
    const page = await notifications.list(firm.admin, { first: 1 });
    expect(page.hasNextPage).toBe(true);
    expect(page.items[0].kind).toBe('offer.expiring');
    expect((await notifications.list(firm.admin, { first: 5, unreadOnly: true })).items).toHaveLength(2);

    const read = await notifications.markRead(firm.admin, page.items[0].id);
    expect(read.readAt).toBeInstanceOf(Date);
    expect(await notifications.unreadCount(firm.admin)).toBe(1);
    expect((await domainError(notifications.markRead(coordinator, page.items[0].id))).code).toBe(
      'NOTIFICATION_NOT_FOUND',
    );
    expect(await notifications.markAllRead(firm.admin)).toBe(1);
    expect(await notifications.unreadCount(firm.admin)).toBe(0);
    expect((await notifications.list(firm.admin, { first: 5, unreadOnly: true })).items).toEqual([]);
  });

  it('tells each firm of a matching run once per order, naming its best package and counting the others', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const [both, cutOnly] = await Promise.all([verifiedFirm(app, 'PL', buyer.clusterId), verifiedFirm(app, 'LT')]);
    await publishedOffer(app, both, { processCodes: ['process.laser-cutting', 'process.press-brake-bending'] });
    await publishedOffer(app, cutOnly);
    const view = await openOrder(app, buyer);
    await setLocale(both.admin.userId, 'en', 'Europe/Warsaw');
    await app.get(MatchStoreService).refreshOrder(view.order.id);
    const [event] = await eventsOf('match.proposed');
    expect((event.payload['proposals'] as unknown[]).length).toBe(3);

    const made = await notifications.fromEvent(event);
    expect(made.map((n) => n.userId).sort()).toEqual([both.admin.userId, cutOnly.admin.userId].sort());
    const [mine] = (await notifications.list(both.admin, { first: 5 })).items;
    expect(mine.kind).toBe('opportunity.new');
    expect(mine.body).toContain('Its offers also fit 1 more work package of this order.');
    const [theirs] = (await notifications.list(cutOnly.admin, { first: 5 })).items;
    expect(theirs.links).toMatchObject({ orderId: view.order.id, packageId: pkg(view, 'cut'), firmId: cutOnly.firmId });
    expect(theirs.body).not.toContain('taip pat atitinka');
    expect(await notifications.fromEvent(event)).toEqual([]);
  });

  it('writes nothing for an event that concerns nobody or whose subject is gone', async () => {
    const e: RelayedEvent = {
      id: randomUUID(),
      type: 'quote.submitted',
      aggregateType: 'quote',
      aggregateId: randomUUID(),
      payload: { quoteId: randomUUID(), orderId: randomUUID() },
      actorUserId: null,
      createdAt: new Date().toISOString(),
    };
    expect(await notifications.fromEvent(e)).toEqual([]);
    expect(await notifications.fromEvent({ ...e, type: 'order.created' })).toEqual([]);
  });
});
