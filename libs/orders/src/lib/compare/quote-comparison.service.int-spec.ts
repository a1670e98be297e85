import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, type TestApp } from '@kooperant/platform-testing';
import { insertCoordinator, insertUser } from '@kooperant/identity/testing';
import { OrdersModule } from '../orders.module';
import { OrderErrorCode } from '../order/order.errors';
import { ExchangeRateService } from '../rates/exchange-rate.service';
import { QuoteService } from '../quote/quote.service';
import { actorFor, DAY_MS, leg, openOrder, pkg, submitQuote, verifiedFirm } from '../testing/orders.factories';
import { QuoteComparisonService } from './quote-comparison.service';

/** YYYY-MM-DD of a day `days` before today (UTC). */
const dayBefore = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const RATE_DAY = dayBefore(3);
const TABLE_NO = `061/A/NBP/${RATE_DAY.slice(0, 4)}`;
const NBP = JSON.stringify([
  {
    table: 'A',
    no: TABLE_NO,
    effectiveDate: RATE_DAY,
    rates: [
      { currency: 'euro', code: 'EUR', mid: 4.25 },
      { currency: 'dolar amerykański', code: 'USD', mid: 3.9 },
    ],
  },
]);

describe('QuoteComparisonService', () => {
  let app: TestApp;
  let comparison: QuoteComparisonService;

  beforeAll(async () => {
    app = await createTestApp([OrdersModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    comparison = app.get(QuoteComparisonService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  /**
   * An EUR order cut → bend → coat. Firm A (PL) quotes the whole chain in PLN (100 + 200 + 50 EUR at 4.25, 5 days
   * each), firm B (LT) only cutting (90 EUR, 10 days), firm C (LT) only coating (60 EUR, 2 days).
   */
  async function quotedOrder(opts: { withoutCoating?: boolean } = {}) {
    const buyer = await verifiedFirm(app, 'PL');
    const [view, a, b, c] = await Promise.all([
      openOrder(app, buyer, { currency: 'EUR' }),
      verifiedFirm(app, 'PL', buyer.clusterId),
      verifiedFirm(app, 'LT', buyer.clusterId),
      verifiedFirm(app, 'LT', buyer.clusterId),
    ]);
    const ids = { cut: pkg(view, 'cut'), bend: pkg(view, 'bend'), coat: pkg(view, 'coat') };
    // One after the other: the comparison lists quotes in the order they came in.
    const qa = await submitQuote(app, a, view.order.id, [
      leg(ids.cut, { priceMinor: 42_500, currency: 'PLN', leadTimeDays: 5 }),
      leg(ids.bend, { priceMinor: 85_000, currency: 'PLN', leadTimeDays: 5 }),
      ...(opts.withoutCoating ? [] : [leg(ids.coat, { priceMinor: 21_250, currency: 'PLN', leadTimeDays: 5 })]),
    ]);
    const qb = await submitQuote(app, b, view.order.id, [
      leg(ids.cut, { priceMinor: 9_000, currency: 'EUR', leadTimeDays: 10 }),
    ]);
    const qc = opts.withoutCoating
      ? null
      : await submitQuote(app, c, view.order.id, [
          leg(ids.coat, { priceMinor: 6_000, currency: 'EUR', leadTimeDays: 2 }),
        ]);
    return { buyer, a, b, c, order: view.order, ids, qa, qb, qc };
  }

  it('converts legs in PLN into an EUR order at the NBP rate, naming the amount, the source and the date', async () => {
    await app.get(ExchangeRateService).importNbp(NBP);
    const q = await quotedOrder();

    const result = await comparison.compare(q.buyer.admin, q.order.id);

    expect(result.currency).toBe('EUR');
    const cut = result.packages.find((p) => p.key === 'cut')!;
    const fromA = cut.offers.find((o) => o.quoteId === q.qa.quote.id)!;
    expect(fromA).toMatchObject({ priceMinor: 42_500, currency: 'PLN', firmId: q.a.firmId, firmCountry: 'PL' });
    expect(fromA.converted).toMatchObject({
      amountMinor: 10_000,
      from: 'PLN',
      to: 'EUR',
      inverse: true,
      publishedRate: '4.25',
      source: 'NBP',
      effectiveDate: RATE_DAY,
      tableNo: TABLE_NO,
    });
    const fromB = cut.offers.find((o) => o.quoteId === q.qb.quote.id)!;
    expect(fromB).toMatchObject({ priceMinor: 9_000, currency: 'EUR', converted: null });
    expect(cut.offers.map((o) => o.quoteId)).toEqual([q.qb.quote.id, q.qa.quote.id]);
  });

  it('leaves the conversion null and the chain total null when no rate is known', async () => {
    const q = await quotedOrder();

    const result = await comparison.compare(q.buyer.admin, q.order.id);

    const bend = result.packages.find((p) => p.key === 'bend')!;
    expect(bend.offers).toEqual([expect.objectContaining({ priceMinor: 85_000, currency: 'PLN', converted: null })]);
    expect(result.chains.length).toBeGreaterThan(0);
    for (const chain of result.chains) expect(chain.totalMinor).toBeNull();
  });

  it('builds the cheapest and the fastest chain from the best leg per package', async () => {
    await app.get(ExchangeRateService).importNbp(NBP);
    const q = await quotedOrder();

    const result = await comparison.compare(q.buyer.admin, q.order.id);

    const start = result.start.getTime();
    expect(start).toBe(q.order.quoteDeadline.getTime());
    const cheapest = result.chains.find((c) => c.kind === 'cheapest')!;
    expect(cheapest.quoteId).toBeNull();
    expect(cheapest.legs.map((l) => l.firmId)).toEqual([q.b.firmId, q.a.firmId, q.a.firmId]);
    expect(cheapest.totalMinor).toBe(9_000 + 20_000 + 5_000);
    expect(cheapest.completion.getTime()).toBe(start + (10 + 5 + 5) * DAY_MS);
    expect(cheapest.borderCrossings).toBe(1);
    const fastest = result.chains.find((c) => c.kind === 'fastest')!;
    expect(fastest.legs.map((l) => l.firmId)).toEqual([q.a.firmId, q.a.firmId, q.c.firmId]);
    expect(fastest.totalMinor).toBe(10_000 + 20_000 + 6_000);
    expect(fastest.completion.getTime()).toBe(start + (5 + 5 + 2) * DAY_MS);
    expect(fastest.borderCrossings).toBe(1);
  });

  it('builds a chain for each quote that covers every package, and none for partial quotes', async () => {
    await app.get(ExchangeRateService).importNbp(NBP);
    const q = await quotedOrder();

    const result = await comparison.compare(q.buyer.admin, q.order.id);

    const perQuote = result.chains.filter((c) => c.kind === 'quote');
    expect(perQuote).toHaveLength(1);
    expect(perQuote[0]).toMatchObject({ quoteId: q.qa.quote.id, totalMinor: 35_000, borderCrossings: 0 });
    expect(perQuote[0].completion.getTime()).toBe(result.start.getTime() + 15 * DAY_MS);
    expect(result.unquoted).toEqual([]);
  });

  it('lists the packages nobody quoted and builds no chain while there are any', async () => {
    const q = await quotedOrder({ withoutCoating: true });

    const result = await comparison.compare(q.buyer.admin, q.order.id);

    expect(result.unquoted).toEqual(['coat']);
    expect(result.chains).toEqual([]);
  });

  it('leaves out withdrawn and expired quotes', async () => {
    await app.get(ExchangeRateService).importNbp(NBP);
    const q = await quotedOrder();
    await app.db.query(`UPDATE quote SET valid_until = now() - interval '1 minute' WHERE id = $1`, [q.qb.quote.id]);
    await app.get(QuoteService).withdrawQuote(q.c.admin, q.qc!.quote.id);

    const result = await comparison.compare(q.buyer.admin, q.order.id);

    expect(result.packages.find((p) => p.key === 'cut')!.offers.map((o) => o.quoteId)).toEqual([q.qa.quote.id]);
    expect(result.packages.find((p) => p.key === 'coat')!.offers.map((o) => o.quoteId)).toEqual([q.qa.quote.id]);
  });

  it("lets a coordinator of the order's cluster compare", async () => {
    const q = await quotedOrder();
    const coordinator = actorFor(app, await insertCoordinator(app.db, q.buyer.clusterId));

    expect((await comparison.compare(coordinator, q.order.id)).packages).toHaveLength(3);
  });

  it('refuses a supplier of the order with FORBIDDEN', async () => {
    const q = await quotedOrder();

    const e = await domainError(comparison.compare(q.a.admin, q.order.id));

    expect(e.code).toBe(ErrorCode.FORBIDDEN);
  });

  it('answers a stranger with ORDER_NOT_FOUND', async () => {
    const q = await quotedOrder();
    const stranger = actorFor(app, await insertUser(app.db));

    expect((await domainError(comparison.compare(stranger, q.order.id))).code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
  });
});
