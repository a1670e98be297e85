import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { ErrorCode, type DomainError } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, settlesWithin, type TestApp } from '@kooperant/platform-testing';
import { OrdersModule } from '../orders.module';
import { OrderErrorCode } from '../order/order.errors';
import { OrderService } from '../order/order.service';
import { QuoteService } from '../quote/quote.service';
import { award, awardedChain, leg, openOrder, pkg, submitQuote, verifiedFirm } from '../testing/orders.factories';
import { outboxEvents } from '@kooperant/platform-testing';
import { AwardService } from './award.service';
import { WorkPackageLifecycleService } from './work-package-lifecycle.service';

describe('AwardService', () => {
  let app: TestApp;
  let awards: AwardService;

  beforeAll(async () => {
    app = await createTestApp([OrdersModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    awards = app.get(AwardService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  const packageRow = async (id: string) => {
    const [row] = await app.db.query(
      `SELECT status, awarded_leg_id, awarded_firm_id, awarded_at, status_changed_by FROM work_package WHERE id = $1`,
      [id],
    );
    return row as {
      status: string;
      awarded_leg_id: string | null;
      awarded_firm_id: string | null;
      awarded_at: Date | null;
      status_changed_by: string | null;
    };
  };
  const orderStatus = async (id: string) => (await app.get(OrderService).load(id)).order.status;

  describe('awardWorkPackage', () => {
    it('awards a package to a leg, records package.awarded and tells every other submitted quote of that package quote.lost', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const view = await openOrder(app, buyer);
      const [cut, bend] = [pkg(view, 'cut'), pkg(view, 'bend')];
      const firms = await Promise.all([1, 2, 3, 4, 5].map(() => verifiedFirm(app, 'PL', buyer.clusterId)));
      const winner = await submitQuote(app, firms[0], view.order.id, [leg(cut)]);
      const loser = await submitQuote(app, firms[1], view.order.id, [leg(cut, { priceMinor: 120_000 })]);
      const loserOfTwo = await submitQuote(app, firms[2], view.order.id, [leg(cut), leg(bend)]);
      const withdrawn = await submitQuote(app, firms[3], view.order.id, [leg(cut)]);
      await app.get(QuoteService).withdrawQuote(firms[3].admin, withdrawn.quote.id);
      await submitQuote(app, firms[4], view.order.id, [leg(bend)]);

      const after = await awards.awardWorkPackage(buyer.admin, cut, winner.quote.id, 'award-key-0001');

      const awarded = after.packages.find((p) => p.id === cut)!;
      expect(awarded).toMatchObject({
        status: 'awarded',
        awardedLegId: winner.legs[0].id,
        awardedFirmId: firms[0].firmId,
        statusChangedBy: buyer.adminId,
      });
      expect(awarded.awardedAt).toBeInstanceOf(Date);
      expect(after.order.status).toBe('open');
      const events = await outboxEvents(app.db, 'package.awarded', view.order.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        aggregate_type: 'order',
        actor_user_id: buyer.adminId,
        payload: {
          orderId: view.order.id,
          packageId: cut,
          quoteId: winner.quote.id,
          legId: winner.legs[0].id,
          firmId: firms[0].firmId,
          priceMinor: winner.legs[0].priceMinor,
          currency: winner.legs[0].currency,
        },
      });
      const lost = await outboxEvents(app.db, 'quote.lost');
      expect(lost.map((e) => e.aggregate_id).sort()).toEqual([loser.quote.id, loserOfTwo.quote.id].sort());
      expect(lost.find((e) => e.aggregate_id === loser.quote.id)).toMatchObject({
        aggregate_type: 'quote',
        payload: { quoteId: loser.quote.id, orderId: view.order.id, packageId: cut, leadFirmId: firms[1].firmId },
      });
    });

    it('awards a leg of a joint quote to the partner firm that carries it out', async () => {
      const c = await awardedChain(app, { awardAll: false });
      const joint = await submitQuote(app, c.cutter, c.orderId, [
        leg(c.ids.cut),
        leg(c.ids.bend, { firmId: c.bender.firmId }),
      ]);
      await app.get(QuoteService).confirmQuoteLegs(c.bender.admin, joint.quote.id, c.bender.firmId);

      await award(app, c.buyer, c.ids.bend, joint.quote.id);

      expect((await packageRow(c.ids.bend)).awarded_firm_id).toBe(c.bender.firmId);
    });

    it('rejects a leg of a withdrawn quote as VALIDATION_FAILED on quoteId', async () => {
      const c = await awardedChain(app, { awardAll: false });
      await app.get(QuoteService).withdrawQuote(c.cutter.admin, c.quotes.cut.quote.id);

      const e = await domainError(award(app, c.buyer, c.ids.cut, c.quotes.cut.quote.id));

      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(fieldsOf(e)).toEqual(['quoteId']);
      expect((await packageRow(c.ids.cut)).status).toBe('open');
    });

    it('rejects a leg of an expired quote as VALIDATION_FAILED on quoteId', async () => {
      const c = await awardedChain(app, { awardAll: false });
      await app.db.query(`UPDATE quote SET valid_until = now() - interval '1 minute' WHERE id = $1`, [
        c.quotes.cut.quote.id,
      ]);

      const e = await domainError(award(app, c.buyer, c.ids.cut, c.quotes.cut.quote.id));

      expect(fieldsOf(e)).toEqual(['quoteId']);
    });

    it('rejects a leg of a joint quote still pending its partners as VALIDATION_FAILED on quoteId', async () => {
      const c = await awardedChain(app, { awardAll: false });
      const pending = await submitQuote(app, c.cutter, c.orderId, [
        leg(c.ids.cut),
        leg(c.ids.bend, { firmId: c.bender.firmId }),
      ]);

      const e = await domainError(award(app, c.buyer, c.ids.cut, pending.quote.id));

      expect(fieldsOf(e)).toEqual(['quoteId']);
    });

    it('rejects a quote that does not price the package as VALIDATION_FAILED on quoteId', async () => {
      const c = await awardedChain(app, { awardAll: false });

      const e = await domainError(award(app, c.buyer, c.ids.bend, c.quotes.cut.quote.id));

      expect(fieldsOf(e)).toEqual(['quoteId']);
    });

    it('answers anyone but the buyer with ORDER_NOT_FOUND', async () => {
      const c = await awardedChain(app, { awardAll: false });

      const e = await domainError(
        awards.awardWorkPackage(c.cutter.admin, c.ids.cut, c.quotes.cut.quote.id, 'award-key-0002'),
      );

      expect(e.code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
    });

    it('lets exactly one of 30 concurrent awards of a package win; the others get PACKAGE_ALREADY_AWARDED', async () => {
      const c = await awardedChain(app, { awardAll: false });
      const rivals = [
        c.quotes.cut,
        await submitQuote(app, c.bender, c.orderId, [leg(c.ids.cut, { priceMinor: 95_000 })]),
        await submitQuote(app, c.coater, c.orderId, [leg(c.ids.cut, { priceMinor: 97_000 })]),
      ];

      const all = Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          awards.awardWorkPackage(c.buyer.admin, c.ids.cut, rivals[i % 3].quote.id, `award-race-${i}`),
        ),
      );

      expect(await settlesWithin(all, 10_000)).toBe('settled');
      const results = await all;
      const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as DomainError).code));
      expect(codes.filter((x) => x === 'ok')).toHaveLength(1);
      expect(codes.filter((x) => x === OrderErrorCode.PACKAGE_ALREADY_AWARDED)).toHaveLength(29);
      expect(await outboxEvents(app.db, 'package.awarded')).toHaveLength(1);
      expect(await outboxEvents(app.db, 'quote.lost')).toHaveLength(2);
      const row = await packageRow(c.ids.cut);
      const [winner] = await app.db.query(`SELECT quote_id FROM quote_leg WHERE id = $1`, [row.awarded_leg_id]);
      const winnerIndex = codes.indexOf('ok');
      expect(winner.quote_id).toBe(rivals[winnerIndex % 3].quote.id);
    });

    it('marks the order awarded and records order.awarded when its last package is awarded, not before', async () => {
      const c = await awardedChain(app, { awardAll: false });

      await award(app, c.buyer, c.ids.cut, c.quotes.cut.quote.id);
      await award(app, c.buyer, c.ids.bend, c.quotes.bend.quote.id);
      expect(await orderStatus(c.orderId)).toBe('open');
      expect(await outboxEvents(app.db, 'order.awarded')).toHaveLength(0);

      const done = await award(app, c.buyer, c.ids.coat, c.quotes.coat.quote.id);

      expect(done.order.status).toBe('awarded');
      expect(done.order.statusChangedBy).toBe(c.buyer.adminId);
      const events = await outboxEvents(app.db, 'order.awarded', c.orderId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ aggregate_type: 'order', payload: { orderId: c.orderId } });
    });

    it('refuses a second award of an awarded package with PACKAGE_ALREADY_AWARDED', async () => {
      const c = await awardedChain(app, { awardAll: false });
      const rival = await submitQuote(app, c.bender, c.orderId, [leg(c.ids.cut)]);
      await award(app, c.buyer, c.ids.cut, c.quotes.cut.quote.id);

      const e = await domainError(award(app, c.buyer, c.ids.cut, rival.quote.id));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_ALREADY_AWARDED);
    });

    it('returns the order when an award is replayed with its key, also after that award completed the order', async () => {
      const c = await awardedChain(app, { awardAll: false });
      await award(app, c.buyer, c.ids.cut, c.quotes.cut.quote.id);
      await award(app, c.buyer, c.ids.bend, c.quotes.bend.quote.id);
      const first = await awards.awardWorkPackage(c.buyer.admin, c.ids.coat, c.quotes.coat.quote.id, 'award-key-last');

      // BUG: the order-status check runs before the idempotency key is looked up, so the replay of the award that
      // made the order `awarded` fails with ORDER_STATE_CONFLICT instead of returning the first result.
      const replay = await awards.awardWorkPackage(c.buyer.admin, c.ids.coat, c.quotes.coat.quote.id, 'award-key-last');

      expect(replay.order.id).toBe(first.order.id);
      expect(await outboxEvents(app.db, 'package.awarded')).toHaveLength(3);
    });
  });

  describe('cancelAward', () => {
    it('reopens the package and the awarded order, and records package.award-cancelled', async () => {
      const c = await awardedChain(app);
      const bendLeg = c.quotes.bend.legs[0].id;

      const after = await awards.cancelAward(c.buyer.admin, c.ids.bend, '  Dostawca nie ma mocy  ');

      expect(after.order.status).toBe('open');
      expect(after.order.statusChangedBy).toBe(c.buyer.adminId);
      expect(await packageRow(c.ids.bend)).toMatchObject({
        status: 'open',
        awarded_leg_id: null,
        awarded_firm_id: null,
        awarded_at: null,
      });
      const events = await outboxEvents(app.db, 'package.award-cancelled', c.orderId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor_user_id: c.buyer.adminId,
        payload: {
          orderId: c.orderId,
          packageId: c.ids.bend,
          firmId: c.bender.firmId,
          legId: bendLeg,
          reason: 'Dostawca nie ma mocy',
        },
      });
    });

    it('lets the buyer award the package again after cancelling its award', async () => {
      const c = await awardedChain(app, { awardAll: false });
      const rival = await submitQuote(app, c.cutter, c.orderId, [leg(c.ids.bend)]);
      for (const k of ['cut', 'bend', 'coat'] as const) await award(app, c.buyer, c.ids[k], c.quotes[k].quote.id);
      await awards.cancelAward(c.buyer.admin, c.ids.bend, 'Zmiana dostawcy');

      const again = await award(app, c.buyer, c.ids.bend, rival.quote.id);

      expect(again.order.status).toBe('awarded');
      expect((await packageRow(c.ids.bend)).awarded_firm_id).toBe(c.cutter.firmId);
      expect(await outboxEvents(app.db, 'order.awarded')).toHaveLength(2);
    });

    it('refuses to cancel the award of a package in production with PACKAGE_STATE_CONFLICT', async () => {
      const c = await awardedChain(app);
      await app.get(WorkPackageLifecycleService).start(c.cutter.admin, c.ids.cut);

      const e = await domainError(awards.cancelAward(c.buyer.admin, c.ids.cut, 'Za późno'));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_STATE_CONFLICT);
      expect((await packageRow(c.ids.cut)).status).toBe('in_production');
      expect(await outboxEvents(app.db, 'package.award-cancelled')).toHaveLength(0);
    });

    it('refuses to cancel the award of a package that is open with PACKAGE_STATE_CONFLICT', async () => {
      const c = await awardedChain(app, { awardAll: false });

      const e = await domainError(awards.cancelAward(c.buyer.admin, c.ids.cut, 'Pomyłka'));

      expect(e.code).toBe(OrderErrorCode.PACKAGE_STATE_CONFLICT);
    });

    it('lets the buyer award a package again after cancelling its award while another package is in production', async () => {
      const c = await awardedChain(app);
      await app.get(WorkPackageLifecycleService).start(c.cutter.admin, c.ids.cut);
      await awards.cancelAward(c.buyer.admin, c.ids.coat, 'Lakiernia zamknięta');
      expect((await packageRow(c.ids.coat)).status).toBe('open');

      // BUG: cancelAward reopens the order only from `awarded`; an `in_progress` order stays so, and an order that is
      // not `open` takes no award (nor quotes), so the reopened package can never be awarded and the order never
      // completes.
      const again = await award(app, c.buyer, c.ids.coat, c.quotes.coat.quote.id);

      expect((await packageRow(c.ids.coat)).status).toBe('awarded');
      expect(again.order.status).toBe('in_progress');
    });
  });
});
