import { parseDecimalRate, type RateTable } from '@kooperant/platform-money';
import { pickRate, rowsOfTable, type StoredRate } from './exchange-rate.rows';

const row = (r: Partial<StoredRate>): StoredRate => ({
  source: 'NBP',
  base: 'EUR',
  quote: 'PLN',
  rate: '4.66080000',
  effectiveDate: '2022-02-25',
  tableNo: '039/A/NBP/2022',
  ...r,
});
const ecb = (r: Partial<StoredRate>) => row({ source: 'ECB', tableNo: null, ...r });

describe('pickRate', () => {
  it('uses a direct row as published, naming source, date and table', () => {
    expect(pickRate([row({})], 'EUR', 'PLN')).toEqual({
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

  it('uses the opposite row as an inverse, showing 1 / rate to 8 places', () => {
    expect(pickRate([row({})], 'PLN', 'EUR')).toMatchObject({
      from: 'PLN',
      to: 'EUR',
      rate: '0.21455544',
      inverse: true,
      publishedRate: '4.6608',
    });
  });

  it('takes the latest date across sources without a preference, NBP first on the same date', () => {
    const older = row({ effectiveDate: '2022-02-24' });
    const newer = ecb({ rate: '4.6453', effectiveDate: '2022-02-25' });
    expect(pickRate([older, newer], 'EUR', 'PLN')?.source).toBe('ECB');
    expect(pickRate([ecb({}), row({})], 'EUR', 'PLN')?.source).toBe('NBP');
  });

  it('keeps to the preferred source when it has a rate, even an older one', () => {
    const nbp = row({ effectiveDate: '2022-02-24' });
    const newer = ecb({ effectiveDate: '2022-02-25' });
    expect(pickRate([nbp, newer], 'EUR', 'PLN', 'NBP')?.effectiveDate).toBe('2022-02-24');
  });

  it('falls back to another source when the preferred one has nothing', () => {
    expect(pickRate([ecb({})], 'EUR', 'PLN', 'NBP')?.source).toBe('ECB');
  });

  it('prefers a direct pair over an inverse one of the same source and date', () => {
    const direct = row({ base: 'PLN', quote: 'EUR', rate: '0.2146' });
    expect(pickRate([row({}), direct], 'PLN', 'EUR')).toMatchObject({ inverse: false, rate: '0.2146' });
  });

  it('ignores rows of other pairs and answers null when nothing fits', () => {
    expect(pickRate([row({ base: 'USD' })], 'EUR', 'PLN')).toBeNull();
    expect(pickRate([], 'PLN', 'EUR')).toBeNull();
  });
});

describe('rowsOfTable', () => {
  const table = (rate: string): RateTable => ({
    source: 'NBP',
    days: [
      {
        effectiveDate: '2022-02-25',
        tableNo: '039/A/NBP/2022',
        rates: [{ base: 'EUR', quote: 'PLN', rate: parseDecimalRate(rate) }],
      },
    ],
  });

  it('stores each rate as its exact decimal text with source, date and table', () => {
    expect(rowsOfTable(table('4.6608'))).toEqual([row({ rate: '4.6608' })]);
  });

  it('rejects a rate numeric(18,8) would round or could not hold', () => {
    expect(() => rowsOfTable(table('0.000000271'))).toThrow('EUR/PLN: rate 0.000000271 has more than 8 decimal places');
    expect(() => rowsOfTable(table('12345678901'))).toThrow('rate 12345678901 is too large');
    expect(rowsOfTable(table('1234567890.12345678'))[0].rate).toBe('1234567890.12345678');
  });
});
