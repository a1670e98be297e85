/**
 * Test data for the orders lib's integration tests (`*.int-spec.ts`). Not exported by the lib's index: only tests
 * import it. Users, clusters, coordinators and firms come from `@kooperant/identity/testing`; orders, quotes and
 * awards go through the real services so that their rules and outbox rows apply.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AccessService, type Actor } from '@kooperant/identity';
import { insertCluster, registerFirm, verifyFirm, type TestFirm } from '@kooperant/identity/testing';
import type { TestApp } from '@kooperant/platform-testing';
import { OrderService, type CreateOrderCommand, type OrderView } from '../order/order.service';
import type { WorkPackageDraft } from '../order/order.validation';
import { QuoteService, type QuoteView } from '../quote/quote.service';
import type { QuoteDraft, QuoteLegDraft } from '../quote/quote.validation';
import { AwardService } from '../award/award.service';

export const DAY_MS = 86_400_000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

export type VerifiedFirm = TestFirm & { clusterId: string };

export const actorFor = (app: TestApp, userId: string): Actor => app.get(AccessService).actorFor(userId);

/** A registered firm verified by a coordinator of a (new, unless given) cluster. */
export async function verifiedFirm(
  app: TestApp,
  country: 'PL' | 'LT' = 'PL',
  clusterId?: string,
): Promise<VerifiedFirm> {
  const firm = await registerFirm(app, country);
  const cluster = clusterId ?? (await insertCluster(app.db, country));
  await verifyFirm(app, firm, cluster);
  return { ...firm, clusterId: cluster };
}

/** Makes two clusters partners of each other (the PL–LT pairing). */
export async function pairClusters(db: DataSource, a: string, b: string): Promise<void> {
  await db.query(`UPDATE cluster SET partner_cluster_id = $2 WHERE id = $1`, [a, b]);
  await db.query(`UPDATE cluster SET partner_cluster_id = $2 WHERE id = $1`, [b, a]);
}

/** A work package draft; override what the test is about. */
export function packageDraft(overrides: Partial<WorkPackageDraft> = {}): WorkPackageDraft {
  return {
    key: 'cut',
    title: 'Cięcie laserowe blach',
    processCode: 'process.laser-cutting',
    materialCode: 'material.structural-steel',
    quantity: 120,
    quantityUnit: 'pcs',
    thicknessMm: 4,
    dueDate: daysFromNow(20),
    after: [],
    ...overrides,
  };
}

/** The default chain: cut → bend → coat. */
export function chainPackages(): WorkPackageDraft[] {
  return [
    packageDraft(),
    packageDraft({
      key: 'bend',
      title: 'Gięcie na prasie krawędziowej',
      processCode: 'process.press-brake-bending',
      dueDate: daysFromNow(25),
      after: ['cut'],
    }),
    packageDraft({
      key: 'coat',
      title: 'Malowanie proszkowe',
      processCode: 'process.powder-coating',
      materialCode: null,
      dueDate: daysFromNow(30),
      after: ['bend'],
    }),
  ];
}

/** A valid order (without the buyer), with the cut → bend → coat chain; override what the test is about. */
export function orderDraft(overrides: Partial<Omit<CreateOrderCommand, 'buyerFirmId'>> = {}) {
  return {
    language: 'pl',
    title: 'Obudowy stalowe do szaf sterowniczych',
    description: 'Seria 120 obudów z blachy 4 mm, malowanych proszkowo.',
    delivery: {
      street: 'ul. Fabryczna 3',
      city: 'Białystok',
      postcode: '15-350',
      country: 'PL',
      lat: 53.12,
      lng: 23.17,
    },
    deliveryDate: daysFromNow(40),
    currency: 'PLN',
    budgetMinor: 5_000_000,
    visibility: 'cluster',
    quoteDeadline: daysFromNow(7),
    workPackages: chainPackages(),
    ...overrides,
  };
}

/** Creates a draft order as the buyer firm's admin. */
export function createOrder(
  app: TestApp,
  buyer: TestFirm,
  overrides: Partial<Omit<CreateOrderCommand, 'buyerFirmId'>> = {},
  idempotencyKey = `order-${randomUUID()}`,
): Promise<OrderView> {
  return app
    .get(OrderService)
    .createOrder(buyer.admin, { ...orderDraft(overrides), buyerFirmId: buyer.firmId }, idempotencyKey);
}

/** Creates and publishes an order. */
export async function openOrder(
  app: TestApp,
  buyer: TestFirm,
  overrides: Partial<Omit<CreateOrderCommand, 'buyerFirmId'>> = {},
): Promise<OrderView> {
  const draft = await createOrder(app, buyer, overrides);
  return app.get(OrderService).publishOrder(buyer.admin, draft.order.id);
}

/** The id of the package with `key`. */
export function pkg(view: OrderView, key: string): string {
  const p = view.packages.find((w) => w.key === key);
  if (!p) throw new Error(`no package "${key}" in the order`);
  return p.id;
}

/** A leg priced in PLN; override what the test is about. */
export function leg(packageId: string, overrides: Partial<QuoteLegDraft> = {}): QuoteLegDraft {
  return { packageId, priceMinor: 100_000, currency: 'PLN', leadTimeDays: 5, ...overrides };
}

export function quoteDraft(legs: QuoteLegDraft[], overrides: Partial<QuoteDraft> = {}): QuoteDraft {
  return { validUntil: daysFromNow(30), notes: 'Cena zawiera transport.', legs, ...overrides };
}

/** The firm's admin submits a quote with these legs. */
export function submitQuote(
  app: TestApp,
  firm: TestFirm,
  orderId: string,
  legs: QuoteLegDraft[],
  overrides: Partial<QuoteDraft> = {},
): Promise<QuoteView> {
  return app
    .get(QuoteService)
    .submitQuote(firm.admin, { ...quoteDraft(legs, overrides), orderId, firmId: firm.firmId }, `quote-${randomUUID()}`);
}

/** The buyer awards a package to a quote's leg for it. */
export function award(app: TestApp, buyer: TestFirm, packageId: string, quoteId: string): Promise<OrderView> {
  return app.get(AwardService).awardWorkPackage(buyer.admin, packageId, quoteId, `award-${randomUUID()}`);
}

/**
 * An open cut → bend → coat order in the buyer's cluster, one supplier firm of that cluster quoting each step, and
 * (unless `awardAll` is false) every step awarded, so the order is `awarded`.
 */
export async function awardedChain(app: TestApp, opts: { awardAll?: boolean } = {}) {
  const buyer = await verifiedFirm(app, 'PL');
  const [cutter, bender, coater, view] = await Promise.all([
    verifiedFirm(app, 'PL', buyer.clusterId),
    verifiedFirm(app, 'PL', buyer.clusterId),
    verifiedFirm(app, 'PL', buyer.clusterId),
    openOrder(app, buyer),
  ]);
  const ids = { cut: pkg(view, 'cut'), bend: pkg(view, 'bend'), coat: pkg(view, 'coat') };
  const [cut, bend, coat] = await Promise.all([
    submitQuote(app, cutter, view.order.id, [leg(ids.cut)]),
    submitQuote(app, bender, view.order.id, [leg(ids.bend)]),
    submitQuote(app, coater, view.order.id, [leg(ids.coat)]),
  ]);
  const quotes = { cut, bend, coat };
  if (opts.awardAll !== false) {
    for (const k of ['cut', 'bend', 'coat'] as const) await award(app, buyer, ids[k], quotes[k].quote.id);
  }
  return { buyer, cutter, bender, coater, orderId: view.order.id, ids, quotes };
}
