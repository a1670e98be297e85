import { randomUUID } from 'node:crypto';
import { gql, gqlOk } from './support/gql';
import { signInLtDemoUser, signInPlCoordinator, verifiedPolishFirm } from './support/actors';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);

const NBP = JSON.stringify([
  {
    table: 'A',
    no: '229/A/NBP/2026',
    effectiveDate: yesterday,
    rates: [
      { currency: 'euro', code: 'EUR', mid: 4.2345 },
      { currency: 'dolar amerykański', code: 'USD', mid: 3.9012 },
    ],
  },
]);

describe('comparing quotes in the order currency', () => {
  it('converts PLN quotes into an EUR order with the imported NBP rate, proposes chains, and states VAT of the award', async () => {
    const importer = await signInPlCoordinator();
    const imported = await gqlOk<{ importExchangeRates: { inserted: number; updated: number; unchanged: number } }>(
      `mutation($i: ImportExchangeRatesInput!) { importExchangeRates(input: $i) { inserted updated unchanged } }`,
      { i: { source: 'NBP', content: NBP } },
      importer,
    );
    const { inserted, updated, unchanged } = imported.importExchangeRates;
    expect(inserted + updated + unchanged).toBe(2);

    const buyer = await verifiedPolishFirm();
    const { firm } = await gqlOk<{ firm: { nip: string } }>(
      `query($id: UUID!) { firm(id: $id) { nip } }`,
      { id: buyer.firmId },
      buyer.token,
    );
    await gqlOk(
      `mutation($i: UpdateFirmInput!) { updateFirm(input: $i) { id } }`,
      { i: { firmId: buyer.firmId, vatNumber: `PL${firm.nip}` } },
      buyer.token,
    );

    const order = await gqlOk<{ createCooperativeOrder: { id: string; workPackages: { id: string }[] } }>(
      `mutation($i: CreateCooperativeOrderInput!) { createCooperativeOrder(input: $i) { id workPackages { id } } }`,
      {
        i: {
          idempotencyKey: `o-${randomUUID()}`,
          buyerFirmId: buyer.firmId,
          language: 'en',
          title: 'Brackets: cut and weld',
          delivery: {
            street: 'Pramonės g. 1',
            city: 'Alytus',
            postcode: 'LT-62100',
            country: 'LT',
            lat: 54.4,
            lng: 24.05,
          },
          deliveryDate: at(40),
          currency: 'EUR',
          visibility: 'partner_clusters',
          quoteDeadline: at(5),
          workPackages: [
            {
              key: 'cut',
              title: 'Cut',
              processCode: 'process.laser-cutting',
              quantity: 100,
              quantityUnit: 'pcs',
              dueDate: at(15),
            },
            {
              key: 'weld',
              title: 'Weld',
              processCode: 'process.welding',
              quantity: 100,
              quantityUnit: 'pcs',
              dueDate: at(30),
              after: ['cut'],
            },
          ],
        },
      },
      buyer.token,
    );
    const [cut, weld] = order.createCooperativeOrder.workPackages;
    await gqlOk(
      `mutation($i: OrderIdInput!) { publishCooperativeOrder(input: $i) { id } }`,
      { i: { orderId: order.createCooperativeOrder.id } },
      buyer.token,
    );

    const pl = await verifiedPolishFirm();
    const lt = await signInLtDemoUser();
    const me = await gqlOk<{ me: { firms: { firm: { id: string } }[] } }>(`{ me { firms { firm { id } } } }`, {}, lt);
    const ltFirmId = me.me.firms[0].firm.id;
    const submit = (token: string, firmId: string, legs: unknown[]) =>
      gqlOk<{ submitQuote: { id: string } }>(
        `mutation($i: SubmitQuoteInput!) { submitQuote(input: $i) { id } }`,
        {
          i: {
            idempotencyKey: `q-${randomUUID()}`,
            orderId: order.createCooperativeOrder.id,
            firmId,
            validUntil: at(20),
            legs,
          },
        },
        token,
      );
    // 4,234.50 PLN at 4.2345 = 1,000.00 EUR exactly; the Lithuanian firm quotes both steps in EUR.
    const plQuote = await submit(pl.token, pl.firmId, [
      { packageId: cut.id, priceMinor: 423_450, currency: 'PLN', leadTimeDays: 4 },
      { packageId: weld.id, priceMinor: 900_000, currency: 'PLN', leadTimeDays: 20 },
    ]);
    const ltQuote = await submit(lt, ltFirmId, [
      { packageId: cut.id, priceMinor: 120_000, currency: 'EUR', leadTimeDays: 2 },
      { packageId: weld.id, priceMinor: 180_000, currency: 'EUR', leadTimeDays: 6 },
    ]);

    const c = await gqlOk<{
      compareQuotes: {
        currency: string;
        packages: {
          key: string;
          offers: {
            quoteId: string;
            priceMinor: number;
            currency: string;
            converted: { amountMinor: number; source: string; effectiveDate: string; rate: string } | null;
          }[];
        }[];
        chains: {
          kind: string;
          quoteId: string | null;
          totalMinor: number;
          borderCrossings: number;
          legs: { quoteId: string }[];
        }[];
      };
    }>(
      `query($o: UUID!) { compareQuotes(orderId: $o) { currency
          packages { key offers { quoteId priceMinor currency converted { amountMinor source effectiveDate rate } } }
          chains { kind quoteId totalMinor borderCrossings legs { quoteId } } } }`,
      { o: order.createCooperativeOrder.id },
      buyer.token,
    );
    const cutOffers = c.compareQuotes.packages.find((p) => p.key === 'cut')!.offers;
    const plCut = cutOffers.find((o) => o.quoteId === plQuote.submitQuote.id)!;
    expect(plCut.converted).toMatchObject({ amountMinor: 100_000, source: 'NBP', effectiveDate: yesterday });
    expect(cutOffers[0].quoteId).toBe(plQuote.submitQuote.id); // 1,000 EUR beats 1,200 EUR
    const cheapest = c.compareQuotes.chains.find((ch) => ch.kind === 'cheapest')!;
    // cut: PL 1,000.00 EUR; weld: LT 1,800.00 EUR (PL 9,000.00 PLN = 2,125.40 EUR)
    expect(cheapest.totalMinor).toBe(100_000 + 180_000);
    expect(cheapest.borderCrossings).toBe(1);
    expect(
      c.compareQuotes.chains
        .filter((ch) => ch.kind === 'quote')
        .map((ch) => ch.quoteId)
        .sort(),
    ).toEqual([plQuote.submitQuote.id, ltQuote.submitQuote.id].sort());

    // Suppliers do not get to compare.
    const denied = await gql(
      `query($o: UUID!) { compareQuotes(orderId: $o) { currency } }`,
      { o: order.createCooperativeOrder.id },
      lt,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Award the weld to the Lithuanian firm: reverse charge between a Polish buyer and a Lithuanian supplier.
    const awarded = await gqlOk<{
      awardWorkPackage: {
        workPackages: { key: string; vat: { kind: string; notes: { pl: string; lt: string; en: string } } | null }[];
      };
    }>(
      `mutation($i: AwardWorkPackageInput!) { awardWorkPackage(input: $i) { workPackages { key vat { kind notes { en pl lt } } } } }`,
      { i: { idempotencyKey: `a-${randomUUID()}`, packageId: weld.id, quoteId: ltQuote.submitQuote.id } },
      buyer.token,
    );
    const weldVat = awarded.awardWorkPackage.workPackages.find((w) => w.key === 'weld')!.vat;
    expect(weldVat).toMatchObject({
      kind: 'reverse_charge',
      notes: { en: 'Reverse charge', pl: 'Odwrotne obciążenie', lt: 'Atvirkštinis apmokestinimas' },
    });
  });
});
