import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessService, demoFirmUserEmail, type Actor } from '@kooperant/identity';
import {
  AwardService,
  DEMO_ECB_DAILY,
  DEMO_NBP_TABLE_A,
  ExchangeRateService,
  OrderService,
  QuoteService,
  WorkPackageLifecycleService,
  type CreateOrderCommand,
} from '@kooperant/orders';

const DAY = 86_400_000;

/** A demo firm's admin as an actor, and its firm id. */
async function party(app: INestApplicationContext, key: string): Promise<{ actor: Actor; firmId: string }> {
  const db = app.get<DataSource>(getDataSourceToken());
  const [row] = await db.query(
    `SELECT u.id AS user_id, m.firm_id FROM app_user u JOIN firm_member m ON m.user_id = u.id WHERE u.email = $1`,
    [demoFirmUserEmail({ key })],
  );
  if (!row) throw new Error(`demo orders: no demo firm ${key}`);
  return { actor: app.get(AccessService).actorFor(row.user_id), firmId: row.firm_id };
}

/**
 * Cooperative orders in every state, through the same services as the API: chains that cross the border (cut in
 * Białystok, weld in Alytus, coat in Łapy), quotes in PLN and EUR, a joint chain quote, awards, production steps.
 * Also imports the demo exchange-rate files. Runs once, right after the demo firms are seeded.
 */
export async function seedDemoOrders(app: INestApplicationContext, log: (s: string) => void): Promise<void> {
  const rates = app.get(ExchangeRateService);
  const nbp = await rates.importNbp(DEMO_NBP_TABLE_A);
  const ecb = await rates.importEcb(DEMO_ECB_DAILY);
  const orders = app.get(OrderService);
  const quotes = app.get(QuoteService);
  const awards = app.get(AwardService);
  const steps = app.get(WorkPackageLifecycleService);

  const buyer = await party(app, 'pl-podlaska-fabryka-maszyn');
  const cutter = await party(app, 'pl-hydrociecie-podlasie');
  const laser = await party(app, 'pl-suwalaser-suwalki');
  const welder = await party(app, 'lt-alytaus-suvirinimo-centras');
  const welderPl = await party(app, 'pl-zabludow-spawalnictwo');
  const coater = await party(app, 'pl-kolor-powloki-lapy');
  const coaterLt = await party(app, 'lt-spalvu-dengimas-alytus');
  const ltBuyer = await party(app, 'lt-suduvos-plieno-konstrukcijos');
  const palletBuyer = await party(app, 'lt-pietu-padeklai');
  const sawmill = await party(app, 'pl-tartak-netta-augustow');

  const at = (days: number) => new Date(Date.now() + days * DAY);
  const frameChain = (title: string, qty: number): Omit<CreateOrderCommand, 'buyerFirmId'> => ({
    language: 'pl',
    title,
    description: 'Stal S355J2, rysunki w załączeniu. Spawanie według EN 1090-2 EXC2, malowanie proszkowe RAL 7016.',
    delivery: {
      street: 'ul. Przemysłowa 40',
      city: 'Białystok',
      postcode: '15-480',
      country: 'PL',
      lat: 53.1189,
      lng: 23.2027,
    },
    deliveryDate: at(70),
    currency: 'PLN',
    budgetMinor: qty * 250_000,
    visibility: 'partner_clusters',
    quoteDeadline: at(14),
    workPackages: [
      {
        key: 'cut',
        title: 'Cięcie blach i profili',
        processCode: 'process.waterjet-cutting',
        materialCode: 'material.structural-steel',
        quantity: qty,
        quantityUnit: 'pcs',
        thicknessMm: 12,
        dueDate: at(25),
      },
      {
        key: 'weld',
        title: 'Spawanie ram (EN 1090 EXC2)',
        processCode: 'process.mig-mag-welding',
        quantity: qty,
        quantityUnit: 'pcs',
        requiredCertificationCodes: ['cert.en-1090-exc2'],
        dueDate: at(45),
        after: ['cut'],
      },
      {
        key: 'coat',
        title: 'Malowanie proszkowe RAL 7016',
        processCode: 'process.powder-coating',
        quantity: qty,
        quantityUnit: 'pcs',
        dueDate: at(60),
        after: ['weld'],
      },
    ],
  });
  const create = async (who: { actor: Actor; firmId: string }, cmd: Omit<CreateOrderCommand, 'buyerFirmId'>) =>
    orders.createOrder(who.actor, { ...cmd, buyerFirmId: who.firmId }, `demo-${randomUUID()}`);
  const quote = async (
    who: { actor: Actor; firmId: string },
    orderId: string,
    legs: { packageId: string; priceMinor: number; currency: 'PLN' | 'EUR'; leadTimeDays: number; firmId?: string }[],
  ) => quotes.submitQuote(who.actor, { orderId, firmId: who.firmId, validUntil: at(40), legs }, `demo-${randomUUID()}`);

  /** Publishes, gathers quotes from across the border, awards cut (PL), weld (LT), coat (PL). */
  const awardedChain = async (title: string, qty: number) => {
    const o = await create(buyer, frameChain(title, qty));
    await orders.publishOrder(buyer.actor, o.order.id);
    const [cut, weld, coat] = o.packages;
    const q1 = await quote(cutter, o.order.id, [
      { packageId: cut.id, priceMinor: qty * 31_000, currency: 'PLN', leadTimeDays: 6 },
    ]);
    await quote(laser, o.order.id, [{ packageId: cut.id, priceMinor: qty * 34_500, currency: 'PLN', leadTimeDays: 4 }]);
    const q2 = await quote(welder, o.order.id, [
      { packageId: weld.id, priceMinor: qty * 14_800, currency: 'EUR', leadTimeDays: 12 },
    ]);
    await quote(welderPl, o.order.id, [
      { packageId: weld.id, priceMinor: qty * 69_000, currency: 'PLN', leadTimeDays: 9 },
    ]);
    const q3 = await quote(coater, o.order.id, [
      { packageId: coat.id, priceMinor: qty * 12_500, currency: 'PLN', leadTimeDays: 5 },
    ]);
    await awards.awardWorkPackage(buyer.actor, cut.id, q1.quote.id, `demo-${randomUUID()}`);
    await awards.awardWorkPackage(buyer.actor, weld.id, q2.quote.id, `demo-${randomUUID()}`);
    await awards.awardWorkPackage(buyer.actor, coat.id, q3.quote.id, `demo-${randomUUID()}`);
    return { id: o.order.id, cut, weld, coat };
  };

  // completed: every step handed over and accepted by the next
  const done = await awardedChain('Ramy przenośników taśmowych, 40 szt.', 40);
  for (const [pkg, firm, acceptor] of [
    [done.cut, cutter, welder],
    [done.weld, welder, coater],
    [done.coat, coater, buyer],
  ] as const) {
    await steps.start(firm.actor, pkg.id);
    await steps.handOver(firm.actor, pkg.id);
    await steps.accept(acceptor.actor, pkg.id);
  }
  // in progress: cut accepted, weld in production in Alytus
  const running = await awardedChain('Konstrukcje wsporcze linii malarskiej, 12 szt.', 12);
  await steps.start(cutter.actor, running.cut.id);
  await steps.handOver(cutter.actor, running.cut.id);
  await steps.accept(welder.actor, running.cut.id);
  await steps.start(welder.actor, running.weld.id);
  // awarded, not started
  await awardedChain('Obudowy szaf sterowniczych, 25 szt.', 25);

  // open: quotes in, one a joint chain quote (weld in Alytus + coat in Alytus) awaiting nothing
  const open = await create(buyer, {
    ...frameChain('Bramy przesuwne ocynkowane, 8 szt.', 8),
    title: 'Bramy przesuwne malowane, 8 szt.',
  });
  await orders.publishOrder(buyer.actor, open.order.id);
  const [ocut, oweld, ocoat] = open.packages;
  await quote(laser, open.order.id, [{ packageId: ocut.id, priceMinor: 8 * 29_000, currency: 'PLN', leadTimeDays: 5 }]);
  const joint = await quote(welder, open.order.id, [
    { packageId: oweld.id, priceMinor: 8 * 15_500, currency: 'EUR', leadTimeDays: 10 },
    { packageId: ocoat.id, priceMinor: 8 * 3_900, currency: 'EUR', leadTimeDays: 6, firmId: coaterLt.firmId },
  ]);
  await quotes.confirmQuoteLegs(coaterLt.actor, joint.quote.id, coaterLt.firmId);

  // a Lithuanian buyer's order, open to both clusters
  const lt = await create(ltBuyer, {
    language: 'lt',
    title: 'Metalo konstrukcijų mazgai sandėliui, 30 vnt.',
    description: 'Pjovimas lazeriu ir suvirinimas pagal brėžinius, cinkavimas karštuoju būdu.',
    delivery: {
      street: 'Pramonės g. 12',
      city: 'Marijampolė',
      postcode: 'LT-68108',
      country: 'LT',
      lat: 54.5598,
      lng: 23.3541,
    },
    deliveryDate: at(55),
    currency: 'EUR',
    visibility: 'partner_clusters',
    quoteDeadline: at(10),
    workPackages: [
      {
        key: 'cut',
        title: 'Lazerinis pjovimas',
        processCode: 'process.laser-cutting',
        quantity: 30,
        quantityUnit: 'pcs',
        thicknessMm: 10,
        dueDate: at(20),
      },
      {
        key: 'weld',
        title: 'Suvirinimas',
        processCode: 'process.welding',
        quantity: 30,
        quantityUnit: 'pcs',
        dueDate: at(35),
        after: ['cut'],
      },
      {
        key: 'galv',
        title: 'Cinkavimas karštuoju būdu',
        processCode: 'process.hot-dip-galvanising',
        quantity: 30,
        quantityUnit: 'pcs',
        dueDate: at(45),
        after: ['weld'],
      },
    ],
  });
  await orders.publishOrder(ltBuyer.actor, lt.order.id);
  await quote(laser, lt.order.id, [
    { packageId: lt.packages[0].id, priceMinor: 30 * 41_000, currency: 'PLN', leadTimeDays: 6 },
  ]);

  // draft: wood
  await create(palletBuyer, {
    language: 'lt',
    title: 'EUR padėklai eksportui, 2000 vnt.',
    delivery: {
      street: 'Miškininkų g. 3',
      city: 'Alytus',
      postcode: 'LT-62200',
      country: 'LT',
      lat: 54.39,
      lng: 24.03,
    },
    deliveryDate: at(40),
    currency: 'EUR',
    visibility: 'cluster',
    quoteDeadline: at(7),
    workPackages: [
      {
        key: 'saw',
        title: 'Pjautinė mediena padėklams',
        processCode: 'process.sawmilling',
        materialCode: 'material.wood',
        quantity: 40,
        quantityUnit: 'm3',
        dueDate: at(20),
      },
    ],
  });
  // cancelled
  const cancelled = await create(buyer, { ...frameChain('Wały napędowe – zapytanie wycofane', 5) });
  await orders.cancelOrder(buyer.actor, cancelled.order.id, 'Projekt wstrzymany przez klienta.');
  void sawmill;
  log(
    `demo orders: 7 cooperative orders in every state; exchange rates NBP ${nbp.inserted} and ECB ${ecb.inserted} rows`,
  );
}
