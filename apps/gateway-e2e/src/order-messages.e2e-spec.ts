import { randomUUID } from 'node:crypto';
import { gql, gqlOk } from './support/gql';
import { signInPlCoordinator, signUp, verifiedPolishFirm } from './support/actors';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

type Firm = { token: string; firmId: string };
type Message = {
  id: string;
  orderId: string;
  quoteId: string | null;
  body: string;
  author: { id: string; displayName: string };
  authorFirm: { id: string } | null;
  createdAt: string;
};
type Connection = { edges: { cursor: string; node: Message }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
type Unread = { orderId: string; quoteId: string | null; unread: number };

const MESSAGE = `id orderId quoteId body author { id displayName } authorFirm { id } createdAt`;
const POST = `mutation($i: PostMessageInput!) { postMessage(input: $i) { ${MESSAGE} } }`;
const THREAD = `query($o: UUID!, $q: UUID, $first: Int, $after: String) {
  orderMessages(orderId: $o, quoteId: $q, first: $first, after: $after) {
    edges { cursor node { ${MESSAGE} } } pageInfo { hasNextPage endCursor } } }`;
const UNREAD = `{ unreadMessageCounts { orderId quoteId unread } }`;
const MARK = `mutation($i: MarkMessagesReadInput!) { markMessagesRead(input: $i) { orderId quoteId lastReadAt } }`;

async function openOrder(buyer: Firm): Promise<{ id: string; packageId: string }> {
  const created = await gqlOk<{ createCooperativeOrder: { id: string; workPackages: { id: string }[] } }>(
    `mutation($i: CreateCooperativeOrderInput!) { createCooperativeOrder(input: $i) { id workPackages { id } } }`,
    {
      i: {
        idempotencyKey: `order-${randomUUID()}`,
        buyerFirmId: buyer.firmId,
        language: 'pl',
        title: 'Obudowy ze stali nierdzewnej, 200 szt.',
        delivery: {
          street: 'ul. Fabryczna 3',
          city: 'Białystok',
          postcode: '15-100',
          country: 'PL',
          lat: 53.13,
          lng: 23.16,
        },
        deliveryDate: at(60),
        currency: 'PLN',
        visibility: 'cluster',
        quoteDeadline: at(10),
        workPackages: [
          {
            key: 'cut',
            title: 'Cięcie laserowe',
            processCode: 'process.laser-cutting',
            quantity: 200,
            quantityUnit: 'pcs',
            dueDate: at(20),
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
  return { id: created.createCooperativeOrder.id, packageId: created.createCooperativeOrder.workPackages[0].id };
}

async function submitQuote(order: { id: string; packageId: string }, supplier: Firm): Promise<string> {
  const d = await gqlOk<{ submitQuote: { id: string } }>(
    `mutation($i: SubmitQuoteInput!) { submitQuote(input: $i) { id } }`,
    {
      i: {
        idempotencyKey: `q-${randomUUID()}`,
        orderId: order.id,
        firmId: supplier.firmId,
        validUntil: at(30),
        legs: [{ packageId: order.packageId, priceMinor: 350_000, currency: 'PLN', leadTimeDays: 8 }],
      },
    },
    supplier.token,
  );
  return d.submitQuote.id;
}

const post = async (token: string, orderId: string, quoteId: string | null, body: string) =>
  (
    await gqlOk<{ postMessage: Message }>(
      POST,
      { i: { idempotencyKey: `m-${randomUUID()}`, orderId, quoteId, body } },
      token,
    )
  ).postMessage;

const thread = async (token: string, orderId: string, quoteId: string | null, first = 20, after?: string) =>
  (await gqlOk<{ orderMessages: Connection }>(THREAD, { o: orderId, q: quoteId, first, after }, token)).orderMessages;

const unread = async (token: string, orderId: string) =>
  (await gqlOk<{ unreadMessageCounts: Unread[] }>(UNREAD, {}, token)).unreadMessageCounts
    .filter((c) => c.orderId === orderId)
    .map((c) => `${c.quoteId ?? 'order'}:${c.unread}`)
    .sort();

describe('message threads of a cooperative order', () => {
  it('carries messages between the buyer, a quoting supplier and the coordinator, and keeps others out', async () => {
    const buyer = await verifiedPolishFirm();
    const supplier = await verifiedPolishFirm();
    const competitor = await verifiedPolishFirm();
    const coordinator = await signInPlCoordinator();
    const stranger = (await signUp('pl')).token;
    const order = await openOrder(buyer);
    const quoteId = await submitQuote(order, supplier);
    const competitorQuoteId = await submitQuote(order, competitor);

    const question = await post(buyer.token, order.id, null, 'Czy ktoś ma blachę 1.4301 na stanie?');
    expect(question).toMatchObject({
      orderId: order.id,
      quoteId: null,
      author: { displayName: 'E2E User' },
      authorFirm: { id: buyer.firmId },
    });
    const ask = await post(supplier.token, order.id, quoteId, 'Czy dopuszczacie grubość 1,5 mm zamiast 2 mm?');
    expect(ask.authorFirm).toEqual({ id: supplier.firmId });
    await post(buyer.token, order.id, quoteId, 'Nie, tylko 2 mm.');
    const note = await post(coordinator, order.id, null, 'Klaster ma zapas blachy w magazynie wspólnym.');
    expect(note.authorFirm).toBeNull();

    // The supplier reads the order's thread and its own quote's thread, newest first, page by page.
    const first = await thread(supplier.token, order.id, quoteId, 1);
    expect(first.edges.map((e) => e.node.body)).toEqual(['Nie, tylko 2 mm.']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await thread(supplier.token, order.id, quoteId, 1, first.pageInfo.endCursor);
    expect(rest.edges.map((e) => e.node.body)).toEqual([ask.body]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect((await thread(supplier.token, order.id, null)).edges.map((e) => e.node.body)).toEqual([
      note.body,
      question.body,
    ]);

    // Unread: the buyer's reply in the quote's thread, the buyer's question and the coordinator's note; then none.
    expect(await unread(supplier.token, order.id)).toEqual([`${quoteId}:1`, 'order:2']);
    await gqlOk(MARK, { i: { orderId: order.id, quoteId } }, supplier.token);
    await gqlOk(MARK, { i: { orderId: order.id } }, supplier.token);
    expect(await unread(supplier.token, order.id)).toEqual([]);
    expect(await unread(buyer.token, order.id)).toEqual([`${quoteId}:1`, 'order:1']);

    // Sealed: the competitor sees the order's thread but not the other quote's; a stranger sees nothing.
    expect((await thread(competitor.token, order.id, competitorQuoteId)).edges).toEqual([]);
    const peek = await gql(THREAD, { o: order.id, q: quoteId }, competitor.token);
    expect(peek.errors?.[0].extensions?.code).toBe('QUOTE_NOT_FOUND');
    for (const q of [null, quoteId]) {
      const r = await gql(THREAD, { o: order.id, q }, stranger);
      expect(r.errors?.[0].extensions?.code).toBe('ORDER_NOT_FOUND');
      const w = await gql(
        POST,
        { i: { idempotencyKey: `m-${randomUUID()}`, orderId: order.id, quoteId: q, body: 'Hej' } },
        stranger,
      );
      expect(w.errors?.[0].extensions?.code).toBe('ORDER_NOT_FOUND');
    }
    expect(await unread(stranger, order.id)).toEqual([]);
  });

  it('rejects an empty message and an anonymous reader', async () => {
    const buyer = await verifiedPolishFirm();
    const order = await openOrder(buyer);
    const empty = await gql(
      POST,
      { i: { idempotencyKey: `m-${randomUUID()}`, orderId: order.id, body: '   ' } },
      buyer.token,
    );
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    const anonymous = await gql(THREAD, { o: order.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
