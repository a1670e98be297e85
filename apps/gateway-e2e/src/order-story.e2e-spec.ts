import { randomUUID } from 'node:crypto';
import { gql, gqlOk } from './support/gql';
import { signInLtDemoUser, verifiedPolishFirm } from './support/actors';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const ORDER = `id status workPackages { id key status awardedFirmId }`;
type Pkg = { id: string; key: string; status: string; awardedFirmId: string | null };
type Order = { id: string; status: string; workPackages: Pkg[] };
type Quote = { id: string; status: string; legs: { packageId: string; firm: { id: string }; confirmed: boolean }[] };

async function myFirmId(token: string): Promise<string> {
  const me = await gqlOk<{ me: { firms: { firm: { id: string } }[] } }>(`{ me { firms { firm { id } } } }`, {}, token);
  return me.me.firms[0].firm.id;
}

async function openChainOrder(buyer: { token: string; firmId: string }): Promise<Order> {
  const created = await gqlOk<{ createCooperativeOrder: Order }>(
    `mutation($i: CreateCooperativeOrderInput!) { createCooperativeOrder(input: $i) { ${ORDER} } }`,
    {
      i: {
        idempotencyKey: `order-${randomUUID()}`,
        buyerFirmId: buyer.firmId,
        language: 'pl',
        title: 'Konstrukcja wsporcza – cięcie, spawanie, malowanie',
        delivery: {
          street: 'ul. Fabryczna 3',
          city: 'Białystok',
          postcode: '15-100',
          country: 'PL',
          lat: 53.13,
          lng: 23.16,
        },
        deliveryDate: at(60),
        currency: 'EUR',
        visibility: 'partner_clusters',
        quoteDeadline: at(10),
        workPackages: [
          {
            key: 'cut',
            title: 'Cięcie',
            processCode: 'process.laser-cutting',
            quantity: 10,
            quantityUnit: 'pcs',
            dueDate: at(20),
          },
          {
            key: 'weld',
            title: 'Spawanie',
            processCode: 'process.welding',
            quantity: 10,
            quantityUnit: 'pcs',
            dueDate: at(30),
            after: ['cut'],
          },
          {
            key: 'coat',
            title: 'Malowanie',
            processCode: 'process.powder-coating',
            quantity: 10,
            quantityUnit: 'pcs',
            dueDate: at(40),
            after: ['weld'],
          },
        ],
      },
    },
    buyer.token,
  );
  await gqlOk(
    `mutation($i: OrderIdInput!) { publishCooperativeOrder(input: $i) { id } }`,
    { i: { orderId: created.createCooperativeOrder.id } },
    buyer.token,
  );
  return created.createCooperativeOrder;
}

const SUBMIT = `mutation($i: SubmitQuoteInput!) { submitQuote(input: $i) { id status legs { packageId confirmed firm { id } } } }`;
const AWARD = `mutation($i: AwardWorkPackageInput!) { awardWorkPackage(input: $i) { ${ORDER} } }`;

describe('a cooperative order from quotes to completion', () => {
  it('takes three chained packages through quotes from a Polish and a Lithuanian firm, awards, hand-overs and acceptance', async () => {
    const buyer = await verifiedPolishFirm();
    const order = await openChainOrder(buyer);
    const [cut, weld, coat] = order.workPackages;

    const pl = await verifiedPolishFirm();
    const lt = await signInLtDemoUser();
    const ltFirmId = await myFirmId(lt);

    // The Polish firm cuts and coats (PLN); the Lithuanian firm welds (EUR).
    const plQuote = await gqlOk<{ submitQuote: Quote }>(
      SUBMIT,
      {
        i: {
          idempotencyKey: `q-${randomUUID()}`,
          orderId: order.id,
          firmId: pl.firmId,
          validUntil: at(30),
          legs: [
            { packageId: cut.id, priceMinor: 420_000, currency: 'PLN', leadTimeDays: 7 },
            { packageId: coat.id, priceMinor: 310_000, currency: 'PLN', leadTimeDays: 5 },
          ],
        },
      },
      pl.token,
    );
    const ltQuote = await gqlOk<{ submitQuote: Quote }>(
      SUBMIT,
      {
        i: {
          idempotencyKey: `q-${randomUUID()}`,
          orderId: order.id,
          firmId: ltFirmId,
          validUntil: at(30),
          legs: [{ packageId: weld.id, priceMinor: 95_000, currency: 'EUR', leadTimeDays: 10 }],
        },
      },
      lt,
    );
    expect(plQuote.submitQuote.status).toBe('submitted');

    // Sealed bids: each supplier sees only its own quote; the buyer sees both.
    const QUOTES = `query($o: UUID!) { quotesOfOrder(orderId: $o) { id } }`;
    const seenByLt = await gqlOk<{ quotesOfOrder: { id: string }[] }>(QUOTES, { o: order.id }, lt);
    expect(seenByLt.quotesOfOrder.map((q) => q.id)).toEqual([ltQuote.submitQuote.id]);
    const direct = await gql(`query($id: UUID!) { quote(id: $id) { id } }`, { id: plQuote.submitQuote.id }, lt);
    expect(direct.errors?.[0].extensions?.code).toBe('QUOTE_NOT_FOUND');
    const seenByBuyer = await gqlOk<{ quotesOfOrder: { id: string }[] }>(QUOTES, { o: order.id }, buyer.token);
    expect(seenByBuyer.quotesOfOrder).toHaveLength(2);

    const award = (packageId: string, quoteId: string) =>
      gqlOk<{ awardWorkPackage: Order }>(
        AWARD,
        { i: { idempotencyKey: `a-${randomUUID()}`, packageId, quoteId } },
        buyer.token,
      );
    await award(cut.id, plQuote.submitQuote.id);
    await award(weld.id, ltQuote.submitQuote.id);
    const awarded = await award(coat.id, plQuote.submitQuote.id);
    expect(awarded.awardWorkPackage.status).toBe('awarded');
    expect(awarded.awardWorkPackage.workPackages.map((w) => w.awardedFirmId)).toEqual([pl.firmId, ltFirmId, pl.firmId]);

    const step = (name: string, packageId: string, token: string) =>
      gqlOk<Record<string, Order>>(
        `mutation($i: WorkPackageIdInput!) { ${name}(input: $i) { ${ORDER} } }`,
        { i: { packageId } },
        token,
      );
    expect((await step('startWorkPackage', cut.id, pl.token))['startWorkPackage'].status).toBe('in_progress');
    await step('handOverWorkPackage', cut.id, pl.token);
    // The welder (next step) accepts the cut parts; the cutter cannot accept its own hand-over.
    const self = await gql(
      `mutation($i: WorkPackageIdInput!) { acceptWorkPackage(input: $i) { id } }`,
      { i: { packageId: cut.id } },
      pl.token,
    );
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await step('acceptWorkPackage', cut.id, lt);
    await step('startWorkPackage', weld.id, lt);
    await step('handOverWorkPackage', weld.id, lt);
    await step('acceptWorkPackage', weld.id, pl.token);
    await step('startWorkPackage', coat.id, pl.token);
    await step('handOverWorkPackage', coat.id, pl.token);
    const done = await step('acceptWorkPackage', coat.id, buyer.token);
    expect(done['acceptWorkPackage'].status).toBe('completed');
    expect(done['acceptWorkPackage'].workPackages.every((w) => w.status === 'accepted')).toBe(true);
  });

  it('awards a package exactly once when 50 awards race', async () => {
    const buyer = await verifiedPolishFirm();
    const order = await openChainOrder(buyer);
    const suppliers = await Promise.all([verifiedPolishFirm(), verifiedPolishFirm()]);
    const quotes = await Promise.all(
      suppliers.map((s) =>
        gqlOk<{ submitQuote: Quote }>(
          SUBMIT,
          {
            i: {
              idempotencyKey: `q-${randomUUID()}`,
              orderId: order.id,
              firmId: s.firmId,
              validUntil: at(30),
              legs: [{ packageId: order.workPackages[0].id, priceMinor: 100_000, currency: 'PLN', leadTimeDays: 3 }],
            },
          },
          s.token,
        ),
      ),
    );
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        gql<{ awardWorkPackage: Order }>(
          AWARD,
          {
            i: {
              idempotencyKey: `race-${randomUUID()}`,
              packageId: order.workPackages[0].id,
              quoteId: quotes[i % 2].submitQuote.id,
            },
          },
          buyer.token,
        ),
      ),
    );
    const wins = results.filter((r) => !r.errors);
    expect(wins).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'PACKAGE_ALREADY_AWARDED')).toHaveLength(49);
    const [row] = (
      await gqlOk<{ cooperativeOrder: Order }>(
        `query($id: UUID!) { cooperativeOrder(id: $id) { ${ORDER} } }`,
        { id: order.id },
        buyer.token,
      )
    ).cooperativeOrder.workPackages;
    expect(row.status).toBe('awarded');
  });

  it('returns one order for 20 replays of one idempotency key', async () => {
    const buyer = await verifiedPolishFirm();
    const input = {
      idempotencyKey: `replay-${randomUUID()}`,
      buyerFirmId: buyer.firmId,
      language: 'en',
      title: 'Replayed order',
      delivery: { street: 'Main 1', city: 'Kaunas', postcode: 'LT-44001', country: 'LT', lat: 54.9, lng: 23.89 },
      deliveryDate: at(50),
      currency: 'EUR',
      visibility: 'cluster',
      quoteDeadline: at(5),
      workPackages: [
        {
          key: 'saw',
          title: 'Sawmilling',
          processCode: 'process.sawmilling',
          quantity: 30,
          quantityUnit: 'm3',
          dueDate: at(20),
        },
      ],
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        gqlOk<{ createCooperativeOrder: { id: string } }>(
          `mutation($i: CreateCooperativeOrderInput!) { createCooperativeOrder(input: $i) { id } }`,
          { i: input },
          buyer.token,
        ),
      ),
    );
    expect(new Set(results.map((r) => r.createCooperativeOrder.id)).size).toBe(1);
  });
});
