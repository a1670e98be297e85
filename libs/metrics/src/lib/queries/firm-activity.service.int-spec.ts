import { insertCluster, insertCoordinator } from '@kooperant/identity/testing';
import { actorFor } from '@kooperant/orders/testing';
import { domainError, type TestApp } from '@kooperant/platform-testing';
import { KPI_DEFINITIONS } from '../kpi-definitions';
import { appWithHandedOverOrders, type HandedOverOrders } from '../../testing/handed-over-orders';
import { FirmActivityService, type FirmActivityEvent } from './firm-activity.service';

/** A firm's KPI series and cooperation events, read from the facts of real events, and who may read them. */
describe('FirmActivityService', () => {
  let app: TestApp;
  let activity: FirmActivityService;
  let s: HandedOverOrders;

  beforeAll(async () => {
    // The tests only read: one cooperation for all of them.
    ({ app, s } = await appWithHandedOverOrders());
    activity = app.get(FirmActivityService);
  });

  afterAll(() => app?.close());

  const firmOf = async (id: string) => {
    const [f] = await app.db.query(`SELECT id, name, country FROM firm WHERE id = $1`, [id]);
    return { id: f.id as string, name: f.name as string, country: String(f.country).trim() };
  };
  const brief = (e: FirmActivityEvent) => [e.kind, e.workPackageId ?? e.orderId ?? e.offerId, e.otherFirm?.id ?? null];

  it("gives the firm's KPIs per period, titled in the language asked for", async () => {
    const kpis = ['packages-awarded', 'value-awarded-eur', 'handovers', 'on-time-rate'];
    const a = await activity.firmActivity(s.lithuanian.admin, s.lithuanian.firmId, s.ltMonth, s.ltMonth, kpis, 'lt');
    expect(a.firm).toEqual(await firmOf(s.lithuanian.firmId));
    expect(a.periods).toEqual([s.ltMonth]);
    expect(a.kpis.map((k) => [k.kpi, k.unit, k.points])).toEqual([
      ['packages-awarded', 'count', [{ period: s.ltMonth, value: 2 }]],
      ['value-awarded-eur', 'EUR cents', [{ period: s.ltMonth, value: 150_000 }]],
      ['handovers', 'count', [{ period: s.ltMonth, value: 2 }]],
      ['on-time-rate', 'ratio', [{ period: s.ltMonth, value: 1 }]],
    ]);
    expect(a.kpis[2].title).toBe('Darbo paketų perdavimai');
    const all = await activity.firmActivity(s.lithuanian.admin, s.lithuanian.firmId, '2025-Q4', '2026-Q1', null, 'en');
    expect(all.periods).toEqual(['2025-Q4', '2026-Q1']);
    expect(all.kpis.map((k) => k.kpi)).toEqual(KPI_DEFINITIONS.map((k) => k.id));
    const bad = await domainError(
      activity.firmActivity(s.lithuanian.admin, s.lithuanian.firmId, s.ltMonth, s.ltMonth, ['no-such'], 'en'),
    );
    expect(bad.problems[0]).toMatchObject({ field: 'kpis.0', reason: 'UNKNOWN_KPI' });
  });

  it("lists a supplier's events newest first: hand-overs, awards with value and buyer, the new partner, quote, offer", async () => {
    const page = await activity.events(s.lithuanian.admin, s.lithuanian.firmId, s.ltMonth, s.ltMonth, { first: 20 });
    const buyer = s.buyer.firmId;
    expect(page.edges.map((e) => brief(e.node))).toEqual([
      ['handed_over_on_time', s.chain.coat, null],
      ['handed_over_on_time', s.chain.cut, null],
      ['package_awarded_to_firm', s.chain.coat, buyer],
      // The first award between the two firms: the same moment as the award of cut.
      ['new_cross_border_partner', null, buyer],
      ['package_awarded_to_firm', s.chain.cut, buyer],
      ['quote_sent', s.chain.orderId, null],
      ['offer_refreshed', s.offerId, null],
      ['offer_published', s.offerId, null],
    ]);
    const [coatHandover, , coatAward, pair, , quote, refreshed] = page.edges.map((e) => e.node);
    expect(coatHandover).toMatchObject({
      title: 'Malowanie proszkowe',
      orderTitle: s.chain.title,
      orderId: s.chain.orderId,
    });
    expect(coatAward.value).toMatchObject({ amountMinor: 30_000, currency: 'EUR', eurMinor: 30_000 });
    expect(coatAward.otherFirm).toEqual({ ...(await firmOf(buyer)), country: 'PL' });
    expect(pair).toMatchObject({ orderId: null, value: null, title: null });
    expect(quote).toMatchObject({ quoteId: s.quotes.lithuanian, title: s.chain.title });
    expect(refreshed).toMatchObject({ title: 'Lazerinis pjovimas iki 20 mm', offerId: s.offerId });
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it("lists a buyer's awards to other firms and pages through them with cursors", async () => {
    const read = (after?: string) =>
      activity.events(s.buyer.admin, s.buyer.firmId, s.month, s.month, { first: 3, after });
    const p1 = await read();
    const p2 = await read(p1.pageInfo.endCursor ?? undefined);
    const p3 = await read(p2.pageInfo.endCursor ?? undefined);
    const [lt, pl] = [s.lithuanian.firmId, s.polish.firmId];
    expect([p1, p2, p3].map((p) => p.edges.map((e) => brief(e.node)))).toEqual([
      [
        ['package_awarded_by_firm', s.single.cut, pl],
        ['order_published', s.single.orderId, null],
        ['package_awarded_by_firm', s.chain.coat, lt],
      ],
      [
        ['package_awarded_by_firm', s.chain.bend, pl],
        ['new_cross_border_partner', null, lt],
        ['package_awarded_by_firm', s.chain.cut, lt],
      ],
      [['order_published', s.chain.orderId, null]],
    ]);
    expect([p1, p2, p3].map((p) => [p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
    expect(p1.edges[0].node.value).toMatchObject({ amountMinor: 80_000, currency: 'PLN', plnMinor: 80_000 });
    expect(p1.edges[1].node.packageCount).toBe(1);
    expect(p3.edges[0].node.packageCount).toBe(3);
    expect(p1.edges[2].node.otherFirm?.country).toBe('LT');
    // A period before any of it: nothing.
    const none = await activity.events(s.buyer.admin, s.buyer.firmId, '2020-01', '2020-12', { first: 3 });
    expect(none.edges).toEqual([]);
    const bad = await domainError(read('not-a-cursor'));
    expect(bad.problems[0]).toMatchObject({ field: 'after', reason: 'INVALID_CURSOR' });
  });

  it("shows a firm's activity to its members and the coordinators of its clusters and their partners; nobody else", async () => {
    const { lithuanian: firm } = s;
    const read = (actor: typeof firm.admin) =>
      activity.events(actor, firm.firmId, s.ltMonth, s.ltMonth, { first: 1 }).then((p) => p.edges.length);
    for (const reader of [firm.admin, s.ltCoordinator, s.plCoordinator]) await expect(read(reader)).resolves.toBe(1);
    const stranger = actorFor(app, await insertCoordinator(app.db, await insertCluster(app.db, 'LT')));
    for (const other of [s.polish.admin, s.buyer.admin, stranger]) {
      expect((await domainError(read(other))).code).toBe('FIRM_NOT_FOUND');
      const series = activity.firmActivity(other, firm.firmId, s.ltMonth, s.ltMonth, null, 'en');
      expect((await domainError(series)).code).toBe('FIRM_NOT_FOUND');
    }
  });
});
