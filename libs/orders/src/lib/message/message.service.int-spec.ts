import { randomUUID } from 'node:crypto';
import { AccessService, type Actor } from '@kooperant/identity';
import {
  addMember,
  insertCluster,
  insertCoordinator,
  insertUser,
  registerFirm,
  type TestFirm,
  verifyFirm,
} from '@kooperant/identity/testing';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, type TestApp } from '@kooperant/platform-testing';
import { OrdersModule } from '../orders.module';
import { OrderService } from '../order/order.service';
import type { OrderVisibility } from '../order/cooperative-order.entity';
import { QuoteService } from '../quote/quote.service';
import type { QuoteLegDraft } from '../quote/quote.validation';
import { OrderErrorCode } from '../order/order.errors';
import { MessageService } from './message.service';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY);

describe('MessageService', () => {
  let app: TestApp;
  let messages: MessageService;

  /** A fresh actor per call: roles are memoised on an actor, and the tests change memberships. */
  const actor = (userId: string): Actor => app.get(AccessService).actorFor(userId);

  /** A firm verified by the cluster, so that it sees the cluster's orders. */
  async function verifiedFirm(clusterId: string): Promise<TestFirm> {
    const firm = await registerFirm(app, 'PL');
    await verifyFirm(app, firm, clusterId);
    return firm;
  }

  /** An open order of the buyer: cutting, then welding. */
  async function openOrder(buyer: TestFirm, visibility: OrderVisibility = 'cluster') {
    const view = await app.get(OrderService).createOrder(
      actor(buyer.adminId),
      {
        buyerFirmId: buyer.firmId,
        language: 'pl',
        title: 'Wspornik spawany, 40 szt.',
        delivery: {
          street: 'ul. Fabryczna 3',
          city: 'Białystok',
          postcode: '15-100',
          country: 'PL',
          lat: 53.1,
          lng: 23.2,
        },
        deliveryDate: at(60),
        currency: 'PLN',
        visibility,
        quoteDeadline: at(10),
        workPackages: [
          {
            key: 'cut',
            title: 'Cięcie',
            processCode: 'process.laser-cutting',
            quantity: 40,
            quantityUnit: 'pcs',
            dueDate: at(20),
          },
          {
            key: 'weld',
            title: 'Spawanie',
            processCode: 'process.welding',
            quantity: 40,
            quantityUnit: 'pcs',
            dueDate: at(30),
            after: ['cut'],
          },
        ],
      },
      `order-${randomUUID()}`,
    );
    await app.get(OrderService).publishOrder(actor(buyer.adminId), view.order.id);
    return { id: view.order.id, cut: view.packages[0].id, weld: view.packages[1].id };
  }

  /** A quote by the supplier for cutting; a partner firm makes it a joint quote that also welds. */
  async function quote(order: { id: string; cut: string; weld: string }, supplier: TestFirm, partner?: TestFirm) {
    const legs: QuoteLegDraft[] = [{ packageId: order.cut, priceMinor: 120_000, currency: 'PLN', leadTimeDays: 7 }];
    if (partner) {
      legs.push({
        packageId: order.weld,
        priceMinor: 90_000,
        currency: 'PLN',
        leadTimeDays: 9,
        firmId: partner.firmId,
      });
    }
    const view = await app
      .get(QuoteService)
      .submitQuote(
        actor(supplier.adminId),
        { orderId: order.id, firmId: supplier.firmId, validUntil: at(30), legs },
        `quote-${randomUUID()}`,
      );
    return view.quote.id;
  }

  const post = (userId: string, orderId: string, quoteId: string | null, body: string, firmId?: string) =>
    messages.postMessage(actor(userId), { orderId, quoteId, body, firmId }, `msg-${randomUUID()}`);

  const bodies = async (userId: string, orderId: string, quoteId: string | null) =>
    (await messages.thread(actor(userId), orderId, quoteId, 50)).items.map((m) => m.body);

  const counts = async (userId: string) =>
    (await messages.unreadCounts(actor(userId))).map((c) => `${c.quoteId ?? 'order'}:${c.unread}`).sort();

  beforeAll(async () => {
    app = await createTestApp([OrdersModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    messages = app.get(MessageService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterAll(() => app?.close());

  describe('with an order, two competing quotes, a coordinator, an unrelated supplier and a stranger', () => {
    let cluster: string;
    let buyer: TestFirm;
    let supplierA: TestFirm;
    let supplierB: TestFirm;
    let unrelated: TestFirm;
    let coordinatorId: string;
    let strangerId: string;
    let order: { id: string; cut: string; weld: string };
    let quoteA: string;
    let quoteB: string;

    beforeEach(async () => {
      cluster = await insertCluster(app.db);
      [buyer, supplierA, supplierB, unrelated] = await Promise.all([
        verifiedFirm(cluster),
        verifiedFirm(cluster),
        verifiedFirm(cluster),
        verifiedFirm(cluster),
      ]);
      coordinatorId = await insertCoordinator(app.db, cluster);
      strangerId = await insertUser(app.db);
      order = await openOrder(buyer);
      quoteA = await quote(order, supplierA);
      quoteB = await quote(order, supplierB);
    });

    it("lets the buyer, the coordinator and the quoting suppliers write in the order's thread and read it newest first", async () => {
      const byBuyer = await post(buyer.adminId, order.id, null, '  Czy możecie dostarczyć do 12 maja?  ');
      const byA = await post(supplierA.adminId, order.id, null, 'Tak, z zapasem dwóch dni.');
      const byCoordinator = await post(coordinatorId, order.id, null, 'Klaster może pomóc z transportem.');

      expect(byBuyer).toMatchObject({
        body: 'Czy możecie dostarczyć do 12 maja?',
        authorFirmId: buyer.firmId,
        quoteId: null,
      });
      expect(byA.authorFirmId).toBe(supplierA.firmId);
      expect(byCoordinator).toMatchObject({ authorUserId: coordinatorId, authorFirmId: null });
      for (const reader of [buyer.adminId, supplierA.adminId, supplierB.adminId, coordinatorId]) {
        expect(await bodies(reader, order.id, null)).toEqual([byCoordinator.body, byA.body, byBuyer.body]);
      }
      const member = await addMember(app, buyer);
      expect(await bodies(member, order.id, null)).toHaveLength(3);
    });

    it('pages a thread by (createdAt, id) with no message skipped or repeated', async () => {
      for (let i = 1; i <= 5; i++) await post(buyer.adminId, order.id, null, `Wiadomość ${i}`);
      const first = await messages.thread(actor(supplierA.adminId), order.id, null, 2);
      expect(first.hasNextPage).toBe(true);
      const seen = first.items.map((m) => m.body);
      let after = first.items[first.items.length - 1];
      for (;;) {
        const page = await messages.thread(actor(supplierA.adminId), order.id, null, 2, {
          createdAt: after.createdAt.toISOString(),
          id: after.id,
        });
        seen.push(...page.items.map((m) => m.body));
        if (!page.hasNextPage) break;
        after = page.items[page.items.length - 1];
      }
      expect(seen).toEqual(['Wiadomość 5', 'Wiadomość 4', 'Wiadomość 3', 'Wiadomość 2', 'Wiadomość 1']);
    });

    it("shows a supplier its own quote's thread but not a competitor's", async () => {
      await post(buyer.adminId, order.id, quoteA, 'Czy cena obejmuje gratowanie?');
      await post(supplierA.adminId, order.id, quoteA, 'Tak.');

      expect(await bodies(supplierA.adminId, order.id, quoteA)).toEqual(['Tak.', 'Czy cena obejmuje gratowanie?']);
      expect(await bodies(coordinatorId, order.id, quoteA)).toHaveLength(2);
      expect(await bodies(supplierB.adminId, order.id, quoteB)).toEqual([]);
      for (const work of [
        messages.thread(actor(supplierB.adminId), order.id, quoteA, 20),
        post(supplierB.adminId, order.id, quoteA, 'Podglądam.'),
        messages.markThreadRead(actor(supplierB.adminId), order.id, quoteA),
      ]) {
        expect((await domainError(work)).code).toBe(OrderErrorCode.QUOTE_NOT_FOUND);
      }
      // The quote's messages stay out of the order's thread.
      expect(await bodies(supplierB.adminId, order.id, null)).toEqual([]);
    });

    it('answers a stranger and a supplier without a quote with ORDER_NOT_FOUND, whatever they ask', async () => {
      await post(buyer.adminId, order.id, null, 'Pytanie ogólne.');
      for (const userId of [strangerId, unrelated.adminId]) {
        for (const work of [
          messages.thread(actor(userId), order.id, null, 20),
          messages.thread(actor(userId), order.id, quoteA, 20),
          messages.thread(actor(userId), order.id, randomUUID(), 20),
          post(userId, order.id, null, 'Dzień dobry'),
          post(userId, order.id, quoteA, 'Dzień dobry'),
          messages.markThreadRead(actor(userId), order.id, null),
        ]) {
          expect((await domainError(work)).code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
        }
        expect(await messages.unreadCounts(actor(userId))).toEqual([]);
      }
      expect((await domainError(messages.thread(actor(buyer.adminId), randomUUID(), null, 20))).code).toBe(
        OrderErrorCode.ORDER_NOT_FOUND,
      );
      expect((await domainError(messages.thread(actor(buyer.adminId), 'not-a-uuid', null, 20))).code).toBe(
        OrderErrorCode.ORDER_NOT_FOUND,
      );
    });

    it("answers QUOTE_NOT_FOUND for a quote of another order, even to that order's buyer", async () => {
      const other = await openOrder(buyer);
      const otherQuote = await quote(other, supplierA);
      const err = await domainError(messages.thread(actor(buyer.adminId), order.id, otherQuote, 20));
      expect(err.code).toBe(OrderErrorCode.QUOTE_NOT_FOUND);
    });

    it('counts unread messages by others per thread, and none after markThreadRead', async () => {
      await post(buyer.adminId, order.id, null, 'Pierwsza');
      await post(buyer.adminId, order.id, null, 'Druga');
      await post(buyer.adminId, order.id, quoteA, 'Do oferty A');
      await post(supplierA.adminId, order.id, null, 'Odpowiedź A');

      expect(await counts(supplierA.adminId)).toEqual([`${quoteA}:1`, 'order:2']);
      expect(await counts(supplierB.adminId)).toEqual(['order:3']);
      expect(await counts(buyer.adminId)).toEqual(['order:1']);
      expect(await counts(coordinatorId)).toEqual([`${quoteA}:1`, 'order:3']);

      const read = await messages.markThreadRead(actor(supplierA.adminId), order.id, null);
      expect(read).toMatchObject({ orderId: order.id, quoteId: null });
      expect(await counts(supplierA.adminId)).toEqual([`${quoteA}:1`]);
      await messages.markThreadRead(actor(supplierA.adminId), order.id, quoteA);
      expect(await counts(supplierA.adminId)).toEqual([]);

      await post(coordinatorId, order.id, null, 'Nowa od koordynatora');
      expect(await counts(supplierA.adminId)).toEqual(['order:1']);
      // A second read never moves the marker back.
      const again = await messages.markThreadRead(actor(supplierA.adminId), order.id, null);
      expect(again.lastReadAt.getTime()).toBeGreaterThanOrEqual(read.lastReadAt.getTime());
      expect(await counts(supplierA.adminId)).toEqual([]);
    });

    it('computes unread counts in one SQL query however many threads there are', async () => {
      await post(buyer.adminId, order.id, null, 'Ogólna');
      await post(buyer.adminId, order.id, quoteA, 'A');
      await post(buyer.adminId, order.id, quoteB, 'B');
      const coordinator = actor(coordinatorId);
      await coordinator.roles();
      const spy = jest.spyOn(app.db, 'query');
      try {
        expect(await messages.unreadCounts(coordinator)).toHaveLength(3);
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        spy.mockRestore();
      }
    });

    it('records message.posted in the outbox with the message, once per idempotency key', async () => {
      const key = `msg-${randomUUID()}`;
      const cmd = { orderId: order.id, quoteId: quoteA, body: 'Proszę o rysunek w DXF.' };
      const first = await messages.postMessage(actor(buyer.adminId), cmd, key);
      const replay = await messages.postMessage(actor(buyer.adminId), cmd, key);

      expect(replay.id).toBe(first.id);
      const events = await app.db.query(
        `SELECT aggregate_type, aggregate_id, payload, actor_user_id FROM outbox_event WHERE type = 'message.posted'`,
      );
      expect(events).toEqual([
        {
          aggregate_type: 'order',
          aggregate_id: order.id,
          payload: { orderId: order.id, quoteId: quoteA, messageId: first.id },
          actor_user_id: buyer.adminId,
        },
      ]);
      expect(await app.db.query(`SELECT count(*)::int AS n FROM message`)).toEqual([{ n: 1 }]);
    });

    it('rejects an empty or too long body and writes nothing', async () => {
      for (const body of ['   ', 'x'.repeat(5001)]) {
        const err = await domainError(post(buyer.adminId, order.id, null, body));
        expect(err.code).toBe(ErrorCode.VALIDATION_FAILED);
        expect(fieldsOf(err)).toEqual(['body']);
      }
      expect(await app.db.query(`SELECT count(*)::int AS n FROM message`)).toEqual([{ n: 0 }]);
      expect(await app.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'message.posted'`)).toEqual([
        { n: 0 },
      ]);
    });

    it('writes on behalf of a firm of the caller that takes part, and asks which when there are several', async () => {
      // A user in both supplier A and the unrelated firm: only A takes part.
      const userId = await addMember(app, supplierA);
      await app.db.query(`INSERT INTO firm_member (user_id, firm_id, role) VALUES ($1, $2, 'member')`, [
        userId,
        unrelated.firmId,
      ]);
      expect((await post(userId, order.id, null, 'Jako A')).authorFirmId).toBe(supplierA.firmId);
      const notParty = await domainError(post(userId, order.id, null, 'Jako obca firma', unrelated.firmId));
      expect(notParty.problems.map((p) => `${p.field}:${p.reason}`)).toEqual(['firmId:NOT_A_PARTY']);
      const notMine = await domainError(post(userId, order.id, null, 'Jako B', supplierB.firmId));
      expect(notMine.code).toBe('FIRM_NOT_FOUND');

      // In supplier B as well: two firms with quotes, so the caller must say which.
      await app.db.query(`INSERT INTO firm_member (user_id, firm_id, role) VALUES ($1, $2, 'member')`, [
        userId,
        supplierB.firmId,
      ]);
      const ambiguous = await domainError(post(userId, order.id, null, 'Jako kto?'));
      expect(ambiguous.problems.map((p) => `${p.field}:${p.reason}`)).toEqual(['firmId:REQUIRED']);
      expect((await post(userId, order.id, null, 'Jako B', supplierB.firmId)).authorFirmId).toBe(supplierB.firmId);
      // In a quote's thread only that quote's firm is a party.
      expect((await post(userId, order.id, quoteB, 'Do oferty B')).authorFirmId).toBe(supplierB.firmId);
    });

    it('lets a platform admin read every thread but not write', async () => {
      await post(buyer.adminId, order.id, quoteA, 'Do oferty A');
      const adminId = await insertUser(app.db, { platformAdmin: true });
      expect(await bodies(adminId, order.id, quoteA)).toEqual(['Do oferty A']);
      expect((await domainError(post(adminId, order.id, null, 'Moderacja'))).code).toBe(ErrorCode.FORBIDDEN);
      expect(await messages.unreadCounts(actor(adminId))).toEqual([]);
    });
  });

  it('gives the partner firm of a joint quote its thread, and the partner cluster coordinators the order', async () => {
    const pl = await insertCluster(app.db, 'PL');
    const lt = await insertCluster(app.db, 'LT');
    await app.db.query(`UPDATE cluster SET partner_cluster_id = $2 WHERE id = $1`, [pl, lt]);
    const [buyer, lead, partner, other] = await Promise.all([
      verifiedFirm(pl),
      verifiedFirm(pl),
      verifiedFirm(pl),
      verifiedFirm(pl),
    ]);
    const ltCoordinator = await insertCoordinator(app.db, lt);

    const shared = await openOrder(buyer, 'partner_clusters');
    const joint = await quote(shared, lead, partner);
    const competing = await quote(shared, other);
    await post(buyer.adminId, shared.id, joint, 'Kto spawa?');

    expect(await bodies(partner.adminId, shared.id, joint)).toEqual(['Kto spawa?']);
    expect((await post(partner.adminId, shared.id, joint, 'My.')).authorFirmId).toBe(partner.firmId);
    expect(await bodies(ltCoordinator, shared.id, null)).toEqual([]);
    expect(await bodies(ltCoordinator, shared.id, joint)).toEqual(['My.', 'Kto spawa?']);
    expect((await post(ltCoordinator, shared.id, null, 'Pomożemy.')).authorFirmId).toBeNull();
    const peek = await domainError(messages.thread(actor(partner.adminId), shared.id, competing, 20));
    expect(peek.code).toBe(OrderErrorCode.QUOTE_NOT_FOUND);

    // Shared with the cluster only, the order is none of the partner cluster's business.
    const local = await openOrder(buyer, 'cluster');
    const err = await domainError(messages.thread(actor(ltCoordinator), local.id, null, 20));
    expect(err.code).toBe(OrderErrorCode.ORDER_NOT_FOUND);
  });
});
