import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, type TestApp } from '@kooperant/platform-testing';
import type { Actor } from '@kooperant/identity';
import { RatesModule } from './rates.module';
import { ExchangeRateService } from './exchange-rate.service';
import { RateErrorCode } from './exchange-rate.errors';

/** NBP table A for two days (Thursday and Friday), trimmed to two currencies. */
const NBP = `[
  {"table":"A","no":"038/A/NBP/2022","effectiveDate":"2022-02-24","rates":[
    {"currency":"dolar amerykański","code":"USD","mid":4.1878},{"currency":"euro","code":"EUR","mid":4.6863}]},
  {"table":"A","no":"039/A/NBP/2022","effectiveDate":"2022-02-25","rates":[
    {"currency":"dolar amerykański","code":"USD","mid":4.1515},{"currency":"euro","code":"EUR","mid":4.6608}]}
]`;

/** ECB reference rates for the same two days, newest first as in the 90-day file. */
const ECB = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>
    <Cube time='2022-02-25'><Cube currency='USD' rate='1.1216'/><Cube currency='PLN' rate='4.6453'/></Cube>
    <Cube time='2022-02-24'><Cube currency='USD' rate='1.1163'/><Cube currency='PLN' rate='4.6908'/></Cube>
  </Cube>
</gesmes:Envelope>`;

const actorWith = (roles: { platformAdmin?: boolean; coordinatorOf?: string[] }): Actor => ({
  userId: randomUUID(),
  roles: async () => ({
    platformAdmin: roles.platformAdmin ?? false,
    firms: new Map(),
    coordinatorOf: new Set(roles.coordinatorOf ?? []),
  }),
});

describe('ExchangeRateService', () => {
  let app: TestApp;
  let rates: ExchangeRateService;

  const snapshot = () =>
    app.db.query(
      `SELECT source, base, quote, rate::text, effective_date::text, table_no, imported_at FROM exchange_rate
       ORDER BY source, base, quote, effective_date`,
    );

  beforeAll(async () => {
    app = await createTestApp([RatesModule]);
    rates = app.get(ExchangeRateService);
  });

  beforeEach(async () => {
    await app.reset();
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('with NBP and ECB imported', () => {
    beforeEach(async () => {
      await rates.importNbp(NBP);
      await rates.importEcb(ECB);
    });

    it('stores NBP rows as CCY → PLN with their table and ECB rows as EUR → CCY', async () => {
      const rows = await snapshot();
      expect(
        rows.map((r: Record<string, string>) => [r.source, r.base, r.quote, r.rate, r.effective_date, r.table_no]),
      ).toEqual([
        ['ECB', 'EUR', 'PLN', '4.69080000', '2022-02-24', null],
        ['ECB', 'EUR', 'PLN', '4.64530000', '2022-02-25', null],
        ['ECB', 'EUR', 'USD', '1.11630000', '2022-02-24', null],
        ['ECB', 'EUR', 'USD', '1.12160000', '2022-02-25', null],
        ['NBP', 'EUR', 'PLN', '4.68630000', '2022-02-24', '038/A/NBP/2022'],
        ['NBP', 'EUR', 'PLN', '4.66080000', '2022-02-25', '039/A/NBP/2022'],
        ['NBP', 'USD', 'PLN', '4.18780000', '2022-02-24', '038/A/NBP/2022'],
        ['NBP', 'USD', 'PLN', '4.15150000', '2022-02-25', '039/A/NBP/2022'],
      ]);
    });

    it('changes nothing when the same files are imported again', async () => {
      const before = await snapshot();

      expect(await rates.importNbp(NBP)).toEqual({
        source: 'NBP',
        inserted: 0,
        updated: 0,
        unchanged: 4,
        firstDate: '2022-02-24',
        lastDate: '2022-02-25',
      });
      expect(await rates.importEcb(ECB)).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
      expect(await snapshot()).toEqual(before);
    });

    it('updates only the rows a corrected file changes', async () => {
      const corrected = NBP.replace('"mid":4.6608', '"mid":4.6610');

      expect(await rates.importNbp(corrected)).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
      expect((await rates.rateFor('EUR', 'PLN', '2022-02-25', 'NBP')).rate).toBe('4.661');
    });

    it('takes the latest table on or before the day', async () => {
      const saturday = await rates.rateFor('EUR', 'PLN', '2022-02-26', 'NBP');
      expect(saturday).toMatchObject({ rate: '4.6608', effectiveDate: '2022-02-25', tableNo: '039/A/NBP/2022' });
      const thursday = await rates.rateFor('EUR', 'PLN', '2022-02-24', 'NBP');
      expect(thursday).toMatchObject({ rate: '4.6863', effectiveDate: '2022-02-24', tableNo: '038/A/NBP/2022' });
    });

    it('takes the day of a moment in Central European time', async () => {
      // 23:30 UTC on Thursday is already Friday in Warsaw.
      expect((await rates.rateFor('EUR', 'PLN', new Date('2022-02-24T23:30:00Z'), 'NBP')).effectiveDate).toBe(
        '2022-02-25',
      );
    });

    it('takes the table strictly before the day for rateBefore (Polish VAT: the working day before the tax point)', async () => {
      const r = await rates.rateBefore('EUR', 'PLN', '2022-02-25', 'NBP');
      expect(r).toMatchObject({ source: 'NBP', rate: '4.6863', effectiveDate: '2022-02-24' });
      expect((await rates.rateBefore('EUR', 'PLN', '2022-02-28', 'NBP')).effectiveDate).toBe('2022-02-25');
    });

    it('reads the preferred source, and NBP before the ECB on the same day without a preference', async () => {
      expect(await rates.rateFor('EUR', 'PLN', '2022-02-25', 'ECB')).toMatchObject({ source: 'ECB', rate: '4.6453' });
      expect(await rates.rateFor('EUR', 'PLN', '2022-02-25')).toMatchObject({ source: 'NBP', rate: '4.6608' });
    });

    it('converts EUR to PLN naming the rate, its source and its date: 100.00 EUR = 466.08 PLN', async () => {
      expect(await rates.convert(10_000, 'EUR', 'PLN', '2022-02-25', 'NBP')).toEqual({
        amountMinor: 46_608,
        from: 'EUR',
        to: 'PLN',
        rate: '4.6608',
        inverse: false,
        publishedRate: '4.6608',
        source: 'NBP',
        effectiveDate: '2022-02-25',
        tableNo: '039/A/NBP/2022',
      });
    });

    it('converts PLN to EUR by dividing by the published EUR rate: 100.00 PLN = 21.46 EUR', async () => {
      expect(await rates.convert(10_000, 'PLN', 'EUR', '2022-02-25', 'NBP')).toMatchObject({
        amountMinor: 2_146, // 2145.55… cents
        rate: '0.21455544',
        inverse: true,
        publishedRate: '4.6608',
        source: 'NBP',
        effectiveDate: '2022-02-25',
      });
      expect((await rates.convert(10_000, 'PLN', 'EUR', '2022-02-25', 'ECB')).amountMinor).toBe(2_153); // /4.6453
    });

    it('reports a missing rate with the pair and the day', async () => {
      const e = await domainError(rates.rateFor('PLN', 'EUR', '2022-02-23'));
      expect(e.code).toBe(RateErrorCode.EXCHANGE_RATE_MISSING);
      expect(e.problems).toEqual([]);
      expect(e.details).toEqual({ from: 'PLN', to: 'EUR', onDate: '2022-02-23' });
      expect((await domainError(rates.rateBefore('EUR', 'PLN', '2022-02-24'))).code).toBe(
        RateErrorCode.EXCHANGE_RATE_MISSING,
      );
    });

    it('rejects a malformed day, the same currency on both sides, and amounts that are not whole minor units', async () => {
      expect(fieldsOf(await domainError(rates.rateFor('EUR', 'PLN', '25.02.2022')))).toEqual(['date']);
      expect(fieldsOf(await domainError(rates.rateFor('EUR', 'EUR', '2022-02-25')))).toEqual(['to']);
      expect(fieldsOf(await domainError(rates.convert(1.5, 'EUR', 'PLN', '2022-02-25')))).toEqual(['amountMinor']);
    });
  });

  it('counts rows as inserted on the first import', async () => {
    expect(await rates.importEcb(ECB)).toEqual({
      source: 'ECB',
      inserted: 4,
      updated: 0,
      unchanged: 0,
      firstDate: '2022-02-24',
      lastDate: '2022-02-25',
    });
  });

  it('rejects a malformed file as content MALFORMED and stores nothing', async () => {
    const e = await domainError(rates.importEcb(ECB.replace("rate='4.6453'", "rate='4,6453'")));
    expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(e.problems).toEqual([
      { field: 'content', reason: 'MALFORMED', message: expect.stringContaining('rate "4,6453" of PLN') },
    ]);
    expect((await domainError(rates.importNbp('{"table":"A"'))).problems[0].reason).toBe('MALFORMED');
    expect(await snapshot()).toEqual([]);
  });

  it('rejects content over 2 MB as TOO_LARGE', async () => {
    const e = await domainError(rates.importNbp(NBP + ' '.repeat(ExchangeRateService.MAX_CONTENT_BYTES)));
    expect(e.problems.map((p) => [p.field, p.reason])).toEqual([['content', 'TOO_LARGE']]);
  });

  it('lets platform admins and cluster coordinators import, and nobody else', async () => {
    const e = await domainError(rates.importRates(actorWith({}), 'NBP', NBP));
    expect(e.code).toBe(ErrorCode.FORBIDDEN);
    expect(await snapshot()).toEqual([]);

    expect((await rates.importRates(actorWith({ coordinatorOf: [randomUUID()] }), 'NBP', NBP)).inserted).toBe(4);
    expect((await rates.importRates(actorWith({ platformAdmin: true }), 'ECB', ECB)).inserted).toBe(4);
  });
});
