import { randomUUID } from 'node:crypto';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, type TestApp } from '@kooperant/platform-testing';
import { insertCoordinator, insertUser, registerFirm } from '@kooperant/identity/testing';
import { OrdersModule } from '../orders.module';
import { OrderErrorCode } from '../order/order.errors';
import { OrderService } from '../order/order.service';
import {
  actorFor,
  award,
  createOrder,
  leg,
  openOrder,
  pkg,
  quoteDraft,
  submitQuote,
  verifiedFirm,
  type VerifiedFirm,
} from '../testing/orders.factories';
import { countRows, outboxEvents } from '@kooperant/platform-testing';
import { QuoteService } from './quote.service';

describe('QuoteService', () => {
  let app: TestApp;
  let quotes: QuoteService;

  beforeAll(async () => {
    app = await createTestApp([OrdersModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    quotes = app.get(QuoteService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  /** An open cut → bend → coat order and three supplier firms of the buyer's cluster. */
  async function market() {
    const buyer = await verifiedFirm(app, 'PL');
    const [view, a, b, c] = await Promise.all([
      openOrder(app, buyer),
      verifiedFirm(app, 'PL', buyer.clusterId),
      verifiedFirm(app, 'PL', buyer.clusterId),
      verifiedFirm(app, 'PL', buyer.clusterId),
    ]);
    return {
      buyer,
      a,
      b,
      c,
      orderId: view.order.id,
      cut: pkg(view, 'cut'),
      bend: pkg(view, 'bend'),
      coat: pkg(view, 'coat'),
    };
  }

  const legRows = async (quoteId: string) =>
    (
      (await app.db.query(`SELECT version, count(*)::int AS n FROM quote_leg WHERE quote_id = $1 GROUP BY version`, [
        quoteId,
      ])) as { version: number; n: number }[]
    ).sort((x, y) => x.version - y.version);

  describe('submitQuote', () => {
    it('submits a quote of one firm with its legs confirmed, and records quote.submitted', async () => {
      const m = await market();

      const view = await submitQuote(app, m.a, m.orderId, [leg(m.cut), leg(m.bend, { priceMinor: 80_000 })]);

      expect(view.quote).toMatchObject({
        orderId: m.orderId,
        leadFirmId: m.a.firmId,
        status: 'submitted',
        currentVersion: 1,
        submittedBy: m.a.adminId,
        notes: 'Cena zawiera transport.',
      });
      expect(view.legs).toHaveLength(2);
      expect(view.legs.every((l) => l.firmId === m.a.firmId && l.confirmedBy === m.a.adminId)).toBe(true);
      const events = await outboxEvents(app.db, 'quote.submitted', view.quote.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        aggregate_type: 'quote',
        actor_user_id: m.a.adminId,
        payload: { quoteId: view.quote.id, orderId: m.orderId, leadFirmId: m.a.firmId, version: 1 },
      });
    });

    it('returns the first quote when its idempotency key is replayed', async () => {
      const m = await market();
      const cmd = { ...quoteDraft([leg(m.cut)]), orderId: m.orderId, firmId: m.a.firmId };

      const first = await quotes.submitQuote(m.a.admin, cmd, 'quote-key-0001');
      const replay = await quotes.submitQuote(m.a.admin, cmd, 'quote-key-0001');

      expect(replay.quote.id).toBe(first.quote.id);
      expect(await countRows(app.db, 'quote')).toBe(1);
    });

    it('returns the first quote when its idempotency key is replayed after the quote deadline has passed', async () => {
      const m = await market();
      const cmd = { ...quoteDraft([leg(m.cut)]), orderId: m.orderId, firmId: m.a.firmId };
      const first = await quotes.submitQuote(m.a.admin, cmd, 'quote-key-late');
      await app.db.query(`UPDATE cooperative_order SET quote_deadline = now() - interval '1 second' WHERE id = $1`, [
        m.orderId,
      ]);

      // BUG: the order is checked (QUOTING_CLOSED) before the idempotency key is looked up, so a client that retries
      // a submission that did go through, just before the deadline, is told that quoting is closed.
      const replay = await quotes.submitQuote(m.a.admin, cmd, 'quote-key-late');

      expect(replay.quote.id).toBe(first.quote.id);
    });

    it('keeps a joint quote pending_partners and records quote.partners-asked', async () => {
      const m = await market();

      const view = await submitQuote(app, m.a, m.orderId, [
        leg(m.cut),
        leg(m.bend, { firmId: m.b.firmId }),
        leg(m.coat, { firmId: m.c.firmId }),
      ]);

      expect(view.quote.status).toBe('pending_partners');
      expect(view.legs.map((l) => [l.firmId, l.confirmedBy])).toEqual(
        expect.arrayContaining([
          [m.a.firmId, m.a.adminId],
          [m.b.firmId, null],
          [m.c.firmId, null],
        ]),
      );
      expect(await outboxEvents(app.db, 'quote.partners-asked', view.quote.id)).toHaveLength(1);
      expect(await outboxEvents(app.db, 'quote.submitted')).toHaveLength(0);
    });

    it('submits a joint quote (quote.submitted) only when the last partner firm confirms its legs', async () => {
      const m = await market();
      const joint = await submitQuote(app, m.a, m.orderId, [
        leg(m.cut),
        leg(m.bend, { firmId: m.b.firmId }),
        leg(m.coat, { firmId: m.c.firmId }),
      ]);

      const afterB = await quotes.confirmQuoteLegs(m.b.admin, joint.quote.id, m.b.firmId);
      expect(afterB.quote.status).toBe('pending_partners');
      expect(await outboxEvents(app.db, 'quote.submitted')).toHaveLength(0);

      const afterC = await quotes.confirmQuoteLegs(m.c.admin, joint.quote.id, m.c.firmId);
      expect(afterC.quote.status).toBe('submitted');
      expect(afterC.legs.every((l) => l.confirmedAt instanceof Date)).toBe(true);
      const events = await outboxEvents(app.db, 'quote.submitted', joint.quote.id);
      expect(events).toHaveLength(1);
      expect(events[0].actor_user_id).toBe(m.c.adminId);
    });

    it('rejects a joint quote over packages that are not consecutive with NOT_CONSECUTIVE', async () => {
      const m = await market();

      const e = await domainError(submitQuote(app, m.a, m.orderId, [leg(m.cut), leg(m.coat, { firmId: m.b.firmId })]));

      expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(e.problems.map((p) => [p.field, p.reason])).toEqual([['legs', 'NOT_CONSECUTIVE']]);
      expect(await countRows(app.db, 'quote')).toBe(0);
    });

    it('rejects a leg for a package that is no longer open with NOT_OPEN', async () => {
      const m = await market();
      const first = await submitQuote(app, m.a, m.orderId, [leg(m.cut)]);
      await award(app, m.buyer, m.cut, first.quote.id);

      const e = await domainError(submitQuote(app, m.b, m.orderId, [leg(m.bend), leg(m.cut)]));

      expect(e.problems.map((p) => [p.field, p.reason])).toEqual([['legs.1.packageId', 'NOT_OPEN']]);
    });

    it('answers a firm the order is not open to with ORDER_NOT_FOUND', async () => {
      const m = await market();
      const outsider = await verifiedFirm(app, 'LT');

      const e = await domainError(submitQuote(app, outsider, m.orderId, [leg(m.cut)]));

      expect(e.code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
      expect(await countRows(app.db, 'quote')).toBe(0);
    });

    it('answers a quote for a draft with ORDER_NOT_FOUND', async () => {
      const buyer = await verifiedFirm(app, 'PL');
      const supplier = await verifiedFirm(app, 'PL', buyer.clusterId);
      const draft = await createOrder(app, buyer);

      const e = await domainError(submitQuote(app, supplier, draft.order.id, [leg(pkg(draft, 'cut'))]));

      expect(e.code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
    });

    it("refuses a partner's confirmation after the quote deadline with QUOTING_CLOSED: the quote stays unsubmitted", async () => {
      const m = await market();
      const joint = await submitQuote(app, m.a, m.orderId, [leg(m.cut), leg(m.bend, { firmId: m.b.firmId })]);
      await app.db.query(`UPDATE cooperative_order SET quote_deadline = now() - interval '1 minute' WHERE id = $1`, [
        m.orderId,
      ]);

      const e = await domainError(quotes.confirmQuoteLegs(m.b.admin, joint.quote.id, m.b.firmId));

      expect(e.code).toBe(OrderErrorCode.QUOTING_CLOSED);
      const [q] = await app.db.query(`SELECT status FROM quote WHERE id = $1`, [joint.quote.id]);
      expect(q.status).toBe('pending_partners');
      const [l] = await app.db.query(`SELECT confirmed_at FROM quote_leg WHERE quote_id = $1 AND firm_id = $2`, [
        joint.quote.id,
        m.b.firmId,
      ]);
      expect(l.confirmed_at).toBeNull();
      expect(await outboxEvents(app.db, 'quote.submitted')).toHaveLength(0);
    });

    it('refuses quotes after the quote deadline with QUOTING_CLOSED', async () => {
      const m = await market();
      await app.db.query(`UPDATE cooperative_order SET quote_deadline = now() - interval '1 minute' WHERE id = $1`, [
        m.orderId,
      ]);

      const e = await domainError(submitQuote(app, m.a, m.orderId, [leg(m.cut)]));

      expect(e.code).toBe(OrderErrorCode.QUOTING_CLOSED);
    });

    it('refuses quotes for an order that is no longer open with QUOTING_CLOSED', async () => {
      const m = await market();
      await app.get(OrderService).cancelOrder(m.buyer.admin, m.orderId, 'Projekt wstrzymany');

      const e = await domainError(submitQuote(app, m.a, m.orderId, [leg(m.cut)]));

      expect(e.code).toBe(OrderErrorCode.QUOTING_CLOSED);
    });

    it('answers a quote for a firm the caller is not a member of with FIRM_NOT_FOUND', async () => {
      const m = await market();

      const e = await domainError(
        quotes.submitQuote(
          m.b.admin,
          { ...quoteDraft([leg(m.cut)]), orderId: m.orderId, firmId: m.a.firmId },
          'quote-key-0002',
        ),
      );

      expect(e.code).toBe('FIRM_NOT_FOUND');
    });
  });

  describe('reviseQuote', () => {
    it('adds a version with new legs, keeps the old legs, and records quote.revised', async () => {
      const m = await market();
      const v1 = await submitQuote(app, m.a, m.orderId, [leg(m.cut), leg(m.bend)]);

      const v2 = await quotes.reviseQuote(
        m.a.admin,
        v1.quote.id,
        quoteDraft([leg(m.cut, { priceMinor: 90_000, leadTimeDays: 4 })], { notes: 'Rabat' }),
      );

      expect(v2.quote).toMatchObject({ currentVersion: 2, status: 'submitted', notes: 'Rabat' });
      expect(v2.legs.map((l) => [l.packageId, l.priceMinor, l.version])).toEqual([[m.cut, 90_000, 2]]);
      expect(await legRows(v1.quote.id)).toEqual([
        { version: 1, n: 2 },
        { version: 2, n: 1 },
      ]);
      const events = await outboxEvents(app.db, 'quote.revised', v1.quote.id);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({ version: 2 });
    });

    it('refuses to revise a quote once a leg of it is awarded with QUOTE_STATE_CONFLICT', async () => {
      const m = await market();
      const q = await submitQuote(app, m.a, m.orderId, [leg(m.cut), leg(m.bend)]);
      await award(app, m.buyer, m.cut, q.quote.id);

      const e = await domainError(quotes.reviseQuote(m.a.admin, q.quote.id, quoteDraft([leg(m.bend)])));

      expect(e.code).toBe(OrderErrorCode.QUOTE_STATE_CONFLICT);
      expect(await legRows(q.quote.id)).toEqual([{ version: 1, n: 2 }]);
    });

    it('refuses to revise a withdrawn quote with QUOTE_STATE_CONFLICT', async () => {
      const m = await market();
      const q = await submitQuote(app, m.a, m.orderId, [leg(m.cut)]);
      await quotes.withdrawQuote(m.a.admin, q.quote.id);

      const e = await domainError(quotes.reviseQuote(m.a.admin, q.quote.id, quoteDraft([leg(m.cut)])));

      expect(e.code).toBe(OrderErrorCode.QUOTE_STATE_CONFLICT);
    });
  });

  describe('withdrawQuote', () => {
    it('withdraws a quote and records quote.withdrawn', async () => {
      const m = await market();
      const q = await submitQuote(app, m.a, m.orderId, [leg(m.cut)]);

      const withdrawn = await quotes.withdrawQuote(m.a.admin, q.quote.id);

      expect(withdrawn.quote.status).toBe('withdrawn');
      expect(withdrawn.quote.withdrawnAt).toBeInstanceOf(Date);
      const events = await outboxEvents(app.db, 'quote.withdrawn', q.quote.id);
      expect(events).toHaveLength(1);
      expect(events[0].actor_user_id).toBe(m.a.adminId);
    });

    it('refuses to withdraw a quote once a leg of it is awarded with QUOTE_STATE_CONFLICT', async () => {
      const m = await market();
      const q = await submitQuote(app, m.a, m.orderId, [leg(m.cut)]);
      await award(app, m.buyer, m.cut, q.quote.id);

      const e = await domainError(quotes.withdrawQuote(m.a.admin, q.quote.id));

      expect(e.code).toBe(OrderErrorCode.QUOTE_STATE_CONFLICT);
      expect((await quotes.load(q.quote.id)).quote.status).toBe('submitted');
      expect(await outboxEvents(app.db, 'quote.withdrawn')).toHaveLength(0);
    });

    it('refuses to withdraw twice with QUOTE_STATE_CONFLICT', async () => {
      const m = await market();
      const q = await submitQuote(app, m.a, m.orderId, [leg(m.cut)]);
      await quotes.withdrawQuote(m.a.admin, q.quote.id);

      const e = await domainError(quotes.withdrawQuote(m.a.admin, q.quote.id));

      expect(e.code).toBe(OrderErrorCode.QUOTE_STATE_CONFLICT);
    });

    it('answers a partner firm of a joint quote that tries to withdraw it with QUOTE_NOT_FOUND', async () => {
      const m = await market();
      const q = await submitQuote(app, m.a, m.orderId, [leg(m.cut), leg(m.bend, { firmId: m.b.firmId })]);

      const e = await domainError(quotes.withdrawQuote(m.b.admin, q.quote.id));

      expect(e.code).toBe(OrderErrorCode.QUOTE_NOT_FOUND);
    });
  });

  describe('quotesOfOrder', () => {
    it("seals bids: supplier A never sees supplier B's quote, the buyer and the coordinator see both", async () => {
      const m = await market();
      const qa = await submitQuote(app, m.a, m.orderId, [leg(m.cut)]);
      const qb = await submitQuote(app, m.b, m.orderId, [leg(m.cut, { priceMinor: 70_000 })]);
      const coordinator = actorFor(app, await insertCoordinator(app.db, m.buyer.clusterId));
      const ids = async (firm: VerifiedFirm | ReturnType<typeof actorFor>) =>
        (await quotes.quotesOfOrder('admin' in firm ? firm.admin : firm, m.orderId)).map((v) => v.quote.id);

      expect(await ids(m.a)).toEqual([qa.quote.id]);
      expect(await ids(m.b)).toEqual([qb.quote.id]);
      expect(await ids(m.c)).toEqual([]);
      const both = [qa.quote.id, qb.quote.id].sort();
      expect((await ids(m.buyer)).sort()).toEqual(both);
      expect((await ids(coordinator)).sort()).toEqual(both);
    });

    it('shows a joint quote to its partner firm', async () => {
      const m = await market();
      const joint = await submitQuote(app, m.a, m.orderId, [leg(m.cut), leg(m.bend, { firmId: m.b.firmId })]);

      expect((await quotes.quotesOfOrder(m.b.admin, m.orderId)).map((v) => v.quote.id)).toEqual([joint.quote.id]);
    });
  });

  describe('getQuote', () => {
    it('answers a stranger and a competing supplier with QUOTE_NOT_FOUND', async () => {
      const m = await market();
      const q = await submitQuote(app, m.a, m.orderId, [leg(m.cut)]);
      const stranger = actorFor(app, await insertUser(app.db));
      const unverified = await registerFirm(app, 'PL');

      for (const actor of [stranger, m.b.admin, unverified.admin]) {
        expect((await domainError(quotes.getQuote(actor, q.quote.id))).code).toBe(OrderErrorCode.QUOTE_NOT_FOUND);
      }
      expect((await domainError(quotes.getQuote(stranger, randomUUID()))).code).toBe(OrderErrorCode.QUOTE_NOT_FOUND);
    });

    it('shows a quote to its firm and to the buyer', async () => {
      const m = await market();
      const q = await submitQuote(app, m.a, m.orderId, [leg(m.cut)]);

      expect((await quotes.getQuote(m.a.admin, q.quote.id)).quote.id).toBe(q.quote.id);
      expect((await quotes.getQuote(m.buyer.admin, q.quote.id)).legs).toHaveLength(1);
    });
  });

  it('rejects a quote valid only in the past as VALIDATION_FAILED on validUntil', async () => {
    const m = await market();

    const e = await domainError(
      submitQuote(app, m.a, m.orderId, [leg(m.cut)], { validUntil: new Date(Date.now() - 1) }),
    );

    expect(fieldsOf(e)).toEqual(['validUntil']);
  });
});
