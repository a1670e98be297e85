import { OfferService, seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { publishedOffer } from '@kooperant/catalogue/testing';
import { insertCluster, insertCoordinator } from '@kooperant/identity/testing';
import { OrdersModule, WorkPackageLifecycleService } from '@kooperant/orders';
import {
  actorFor,
  award,
  leg,
  openOrder,
  packageDraft,
  pairClusters,
  pkg,
  submitQuote,
  verifiedFirm,
  type VerifiedFirm,
} from '@kooperant/orders/testing';
import { createTestApp, type TestApp } from '@kooperant/platform-testing';
import { MetricsModule } from '../lib/metrics.module';
import { MetricsQueriesModule } from '../lib/queries/metrics-queries.module';
import { MetricsRollupService } from '../lib/store/metrics-rollup.service';
import { periodsOf } from '../lib/core/periods';

export type HandedOverOrders = Awaited<ReturnType<typeof handedOverOrders>>;

/** A test app of the orders and the KPI queries whose database has the taxonomy and handedOverOrders. */
export async function appWithHandedOverOrders(): Promise<{ app: TestApp; s: HandedOverOrders }> {
  const app = await createTestApp([OrdersModule, MetricsModule, MetricsQueriesModule]);
  await seedTaxonomy(app.db);
  app.get(TaxonomyService).invalidate();
  return { app, s: await handedOverOrders(app) };
}

/**
 * Partner clusters PL and LT, a Polish buyer (PL cluster) and two suppliers: a Lithuanian one (LT cluster) with an offer
 * published and then refreshed, and a Polish one (PL cluster). In this order, each through the real services:
 * - the buyer's chain order (cut → bend → coat, open to both clusters): the Lithuanian firm quotes cut (1,200.00 EUR)
 *   and coat (300.00 EUR) in one quote, the Polish firm bend (2,500.00 PLN); cut, bend and coat are awarded;
 * - the buyer's second order, one laser-cutting package, quoted by the Polish firm (800.00 PLN) and awarded;
 * - hand-overs: cut by the Lithuanian firm on time, bend by the Polish firm late, coat by the Lithuanian firm on time,
 *   the second order's cut by the Polish firm late (a package handed over after its due date is late).
 * Then the KPIs are recomputed from the outbox.
 */
export async function handedOverOrders(app: TestApp) {
  const pl = await insertCluster(app.db, 'PL');
  const lt = await insertCluster(app.db, 'LT');
  await pairClusters(app.db, pl, lt);
  const buyer = await verifiedFirm(app, 'PL', pl);
  const lithuanian = await verifiedFirm(app, 'LT', lt);
  const polish = await verifiedFirm(app, 'PL', pl);

  const offer = await publishedOffer(app, lithuanian, { language: 'lt', title: 'Lazerinis pjovimas iki 20 mm' });
  await app.get(OfferService).updateOffer(lithuanian.admin, { offerId: offer.id, leadTimeDays: 12 });

  const chain = await openOrder(app, buyer, { visibility: 'partner_clusters' });
  const ids = { cut: pkg(chain, 'cut'), bend: pkg(chain, 'bend'), coat: pkg(chain, 'coat') };
  const ltQuote = await submitQuote(app, lithuanian, chain.order.id, [
    leg(ids.cut, { priceMinor: 120_000, currency: 'EUR' }),
    leg(ids.coat, { priceMinor: 30_000, currency: 'EUR' }),
  ]);
  const plQuote = await submitQuote(app, polish, chain.order.id, [
    leg(ids.bend, { priceMinor: 250_000, currency: 'PLN' }),
  ]);
  await award(app, buyer, ids.cut, ltQuote.quote.id);
  await award(app, buyer, ids.bend, plQuote.quote.id);
  await award(app, buyer, ids.coat, ltQuote.quote.id);

  const single = await openOrder(app, buyer, { title: 'Wykroje laserowe', workPackages: [packageDraft()] });
  const singleCut = pkg(single, 'cut');
  const singleQuote = await submitQuote(app, polish, single.order.id, [
    leg(singleCut, { priceMinor: 80_000, currency: 'PLN' }),
  ]);
  await award(app, buyer, singleCut, singleQuote.quote.id);

  const lifecycle = app.get(WorkPackageLifecycleService);
  const handOver = async (firm: VerifiedFirm, packageId: string, late: boolean) => {
    await lifecycle.start(firm.admin, packageId);
    if (late)
      await app.db.query(`UPDATE work_package SET due_date = now() - interval '1 day' WHERE id = $1`, [packageId]);
    await lifecycle.handOver(firm.admin, packageId);
  };
  await handOver(lithuanian, ids.cut, false);
  await handOver(polish, ids.bend, true);
  await handOver(lithuanian, ids.coat, false);
  await handOver(polish, singleCut, true);

  await app.get(MetricsRollupService).recomputeAll();
  return {
    pl,
    lt,
    buyer,
    lithuanian,
    polish,
    offerId: offer.id,
    chain: { orderId: chain.order.id, title: chain.order.title, ...ids },
    single: { orderId: single.order.id, cut: singleCut },
    quotes: { lithuanian: ltQuote.quote.id },
    plCoordinator: actorFor(app, await insertCoordinator(app.db, pl)),
    ltCoordinator: actorFor(app, await insertCoordinator(app.db, lt)),
    /** This month on the Polish and the Lithuanian calendar (they differ for an hour at a month's end). */
    month: periodsOf(new Date(), 'Europe/Warsaw')[0],
    ltMonth: periodsOf(new Date(), 'Europe/Vilnius')[0],
  };
}
