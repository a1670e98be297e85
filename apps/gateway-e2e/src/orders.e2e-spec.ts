import { randomUUID } from 'node:crypto';
import { DEMO_FIRMS } from '@kooperant/identity';
import { gql, gqlOk } from './support/gql';
import {
  polishFirmInput,
  signInLtCoordinator,
  signInLtDemoUser,
  signInPlCoordinator,
  signUp,
  verifiedPolishFirm,
} from './support/actors';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const ORDER_FIELDS = `id status visibility currency clusterId buyerFirm { id country }
  workPackages { key position status after process { code } material { code } requiredCertifications { code } dueDate }`;
const CREATE = `mutation($i: CreateCooperativeOrderInput!) { createCooperativeOrder(input: $i) { ${ORDER_FIELDS} } }`;
const PUBLISH = `mutation($i: OrderIdInput!) { publishCooperativeOrder(input: $i) { id status } }`;
const OPEN = `{ openCooperativeOrders(first: 100) { edges { node { id } } } }`;

type Order = {
  id: string;
  status: string;
  workPackages: {
    key: string;
    position: number;
    after: string[];
    process: { code: string };
    requiredCertifications: { code: string }[];
  }[];
};

/** A welded, powder-coated frame: cut in one firm, welded to EN 1090 EXC2 in another, coated in a third. */
function frameOrder(buyerFirmId: string, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: `order-${randomUUID()}`,
    buyerFirmId,
    language: 'pl',
    title: 'Rama spawana malowana proszkowo, 40 szt.',
    description: 'Rama ze stali S355 według rysunku, spawana i malowana proszkowo RAL 7016.',
    delivery: {
      street: 'ul. Przemysłowa 1',
      city: 'Białystok',
      postcode: '15-001',
      country: 'PL',
      lat: 53.13,
      lng: 23.16,
    },
    deliveryDate: at(60),
    currency: 'PLN',
    budgetMinor: 4_500_000,
    visibility: 'partner_clusters',
    quoteDeadline: at(10),
    workPackages: [
      {
        key: 'coat',
        title: 'Malowanie proszkowe',
        processCode: 'process.powder-coating',
        quantity: 40,
        quantityUnit: 'pcs',
        dueDate: at(45),
        after: ['weld'],
      },
      {
        key: 'cut',
        title: 'Cięcie laserowe',
        processCode: 'process.laser-cutting',
        materialCode: 'material.structural-steel',
        quantity: 40,
        quantityUnit: 'pcs',
        thicknessMm: 8,
        dueDate: at(20),
      },
      {
        key: 'weld',
        title: 'Spawanie ram',
        processCode: 'process.mig-mag-welding',
        quantity: 40,
        quantityUnit: 'pcs',
        requiredCertificationCodes: ['cert.en-1090-exc2'],
        dueDate: at(35),
        after: ['cut'],
      },
    ],
    ...overrides,
  };
}

describe('cooperative orders over GraphQL', () => {
  it('posts an order of three chained packages, publishes it, and a Lithuanian supplier of the partner cluster sees it', async () => {
    const buyer = await verifiedPolishFirm();
    const created = await gqlOk<{ createCooperativeOrder: Order }>(
      CREATE,
      { i: frameOrder(buyer.firmId) },
      buyer.token,
    );
    const order = created.createCooperativeOrder;
    expect(order.status).toBe('draft');
    expect(order.workPackages.map((w) => w.key)).toEqual(['cut', 'weld', 'coat']);
    expect(order.workPackages.find((w) => w.key === 'weld')).toMatchObject({
      after: ['cut'],
      process: { code: 'process.mig-mag-welding' },
      requiredCertifications: [{ code: 'cert.en-1090-exc2' }],
    });

    const lt = await signInLtDemoUser();
    const hiddenDraft = await gql(`query($id: UUID!) { cooperativeOrder(id: $id) { id } }`, { id: order.id }, lt);
    expect(hiddenDraft.errors?.[0].extensions?.code).toBe('ORDER_NOT_FOUND');

    const published = await gqlOk<{ publishCooperativeOrder: { status: string } }>(
      PUBLISH,
      { i: { orderId: order.id } },
      buyer.token,
    );
    expect(published.publishCooperativeOrder.status).toBe('open');

    const open = await gqlOk<{ openCooperativeOrders: { edges: { node: { id: string } }[] } }>(OPEN, {}, lt);
    expect(open.openCooperativeOrders.edges.map((e) => e.node.id)).toContain(order.id);
    const seen = await gqlOk<{ cooperativeOrder: { id: string } }>(
      `query($id: UUID!) { cooperativeOrder(id: $id) { id } }`,
      { id: order.id },
      lt,
    );
    expect(seen.cooperativeOrder.id).toBe(order.id);

    // Coordinators of both partner clusters see it too; a stranger with no firm does not.
    for (const coordinator of [await signInPlCoordinator(), await signInLtCoordinator()]) {
      const r = await gql(`query($id: UUID!) { cooperativeOrder(id: $id) { id } }`, { id: order.id }, coordinator);
      expect(r.errors).toBeUndefined();
    }
    const stranger = await signUp('en');
    const r = await gql(`query($id: UUID!) { cooperativeOrder(id: $id) { id } }`, { id: order.id }, stranger.token);
    expect(r.errors?.[0].extensions?.code).toBe('ORDER_NOT_FOUND');
  });

  it('keeps an order of the buyer cluster only from the Lithuanian cluster', async () => {
    const buyer = await verifiedPolishFirm();
    const o = await gqlOk<{ createCooperativeOrder: Order }>(
      CREATE,
      { i: frameOrder(buyer.firmId, { visibility: 'cluster' }) },
      buyer.token,
    );
    await gqlOk(PUBLISH, { i: { orderId: o.createCooperativeOrder.id } }, buyer.token);
    const lt = await signInLtDemoUser();
    const open = await gqlOk<{ openCooperativeOrders: { edges: { node: { id: string } }[] } }>(OPEN, {}, lt);
    expect(open.openCooperativeOrders.edges.map((e) => e.node.id)).not.toContain(o.createCooperativeOrder.id);
  });

  it('shows an invited-only order to the invited firm', async () => {
    const buyer = await verifiedPolishFirm();
    const ltToken = await signInLtDemoUser();
    const me = await gqlOk<{ me: { firms: { firm: { id: string; name: string } }[] } }>(
      `{ me { firms { firm { id name } } } }`,
      {},
      ltToken,
    );
    const ltFirmId = me.me.firms[0].firm.id;
    expect(me.me.firms[0].firm.name).toBe(DEMO_FIRMS.find((f) => f.country === 'LT')!.name);
    const o = await gqlOk<{ createCooperativeOrder: Order }>(
      CREATE,
      { i: frameOrder(buyer.firmId, { visibility: 'invited', invitedFirmIds: [ltFirmId] }) },
      buyer.token,
    );
    await gqlOk(PUBLISH, { i: { orderId: o.createCooperativeOrder.id } }, buyer.token);
    const open = await gqlOk<{ openCooperativeOrders: { edges: { node: { id: string } }[] } }>(OPEN, {}, ltToken);
    expect(open.openCooperativeOrders.edges.map((e) => e.node.id)).toContain(o.createCooperativeOrder.id);
  });

  it('rejects a cycle, a due date before its predecessor and an unknown process, naming the fields, and writes nothing', async () => {
    const buyer = await verifiedPolishFirm();
    const input = frameOrder(buyer.firmId);
    const packages = input.workPackages as Record<string, unknown>[];
    packages[1] = { ...packages[1], after: ['coat'] };
    packages[2] = { ...packages[2], processCode: 'process.teleportation' };
    const r = await gql(CREATE, { i: { ...input, workPackages: packages } }, buyer.token);
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const fields = (r.errors?.[0].extensions?.['problems'] as { field: string; reason: string }[]).map(
      (p) => `${p.field}:${p.reason}`,
    );
    expect(fields).toEqual(expect.arrayContaining(['workPackages.2.processCode:UNKNOWN_REFERENCE']));
    expect(fields.some((f) => f.endsWith(':CYCLE'))).toBe(true);
    const mine = await gqlOk<{ myCooperativeOrders: { edges: unknown[] } }>(
      `{ myCooperativeOrders { edges { cursor } } }`,
      {},
      buyer.token,
    );
    expect(mine.myCooperativeOrders.edges).toHaveLength(0);

    const early = frameOrder(buyer.firmId);
    (early.workPackages as Record<string, unknown>[])[2] = {
      ...(early.workPackages as Record<string, unknown>[])[2],
      dueDate: at(15),
    };
    const r2 = await gql(CREATE, { i: early }, buyer.token);
    const f2 = (r2.errors?.[0].extensions?.['problems'] as { field: string; reason: string }[]).map(
      (p) => `${p.field}:${p.reason}`,
    );
    expect(f2).toEqual(['workPackages.2.dueDate:BEFORE_PREDECESSOR']);
  });

  it('returns the first order for a replayed idempotency key', async () => {
    const buyer = await verifiedPolishFirm();
    const input = frameOrder(buyer.firmId);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => gqlOk<{ createCooperativeOrder: Order }>(CREATE, { i: input }, buyer.token)),
    );
    expect(new Set(results.map((r) => r.createCooperativeOrder.id)).size).toBe(1);
    const mine = await gqlOk<{ myCooperativeOrders: { edges: unknown[] } }>(
      `{ myCooperativeOrders { edges { cursor } } }`,
      {},
      buyer.token,
    );
    expect(mine.myCooperativeOrders.edges).toHaveLength(1);
  });

  it('refuses orders from a firm no coordinator has verified', async () => {
    const { token } = await signUp('pl');
    const firm = await gqlOk<{ registerFirm: { id: string } }>(
      `mutation($i: RegisterFirmInput!) { registerFirm(input: $i) { id } }`,
      { i: polishFirmInput() },
      token,
    );
    const r = await gql(CREATE, { i: frameOrder(firm.registerFirm.id) }, token);
    expect(r.errors?.[0].extensions?.code).toBe('FIRM_NOT_VERIFIED');
  });

  it('lets only the buyer cancel, with a reason, and not twice', async () => {
    const buyer = await verifiedPolishFirm();
    const o = await gqlOk<{ createCooperativeOrder: Order }>(CREATE, { i: frameOrder(buyer.firmId) }, buyer.token);
    const cancel = `mutation($i: CancelCooperativeOrderInput!) { cancelCooperativeOrder(input: $i) { status cancelReason } }`;
    const other = await verifiedPolishFirm();
    const r1 = await gql(
      cancel,
      { i: { orderId: o.createCooperativeOrder.id, reason: 'Nie potrzebujemy' } },
      other.token,
    );
    expect(r1.errors?.[0].extensions?.code).toBe('ORDER_NOT_FOUND');
    const ok = await gqlOk<{ cancelCooperativeOrder: { status: string } }>(
      cancel,
      { i: { orderId: o.createCooperativeOrder.id, reason: 'Projekt wstrzymany' } },
      buyer.token,
    );
    expect(ok.cancelCooperativeOrder.status).toBe('cancelled');
    const again = await gql(
      cancel,
      { i: { orderId: o.createCooperativeOrder.id, reason: 'Jeszcze raz' } },
      buyer.token,
    );
    expect(again.errors?.[0].extensions?.code).toBe('ORDER_STATE_CONFLICT');
  });
});
