import {
  convertMinor,
  convertMoney,
  divideRoundHalfAwayFromZero,
  formatDecimalRate,
  invertRate,
  parseDecimalRate,
  type PairRate,
} from './rate-conversion';
import { MAX_AMOUNT_MINOR } from './money';

const rate = parseDecimalRate;
const NBP_EUR: PairRate = { base: 'EUR', quote: 'PLN', rate: rate('4.6608') };

describe('parseDecimalRate', () => {
  it('reads a decimal exactly as units and scale', () => {
    expect(rate('4.6608')).toEqual({ units: 46608n, scale: 4 });
    expect(rate('0.00027')).toEqual({ units: 27n, scale: 5 });
    expect(rate('1')).toEqual({ units: 1n, scale: 0 });
  });

  it('drops trailing zeros, so a numeric(18,8) read back equals the published rate', () => {
    expect(rate('4.66080000')).toEqual(rate('4.6608'));
    expect(rate('10.000')).toEqual({ units: 10n, scale: 0 });
  });

  it('reads exponent notation without a float', () => {
    expect(rate('4.6608E0')).toEqual({ units: 46608n, scale: 4 });
    expect(rate('1e3')).toEqual({ units: 1000n, scale: 0 });
    expect(rate('2.7e-4')).toEqual({ units: 27n, scale: 5 });
  });

  it('keeps digits a float would lose', () => {
    expect(rate('4.660800000000000001')).toEqual({ units: 4660800000000000001n, scale: 18 });
  });

  it.each(['', '-1', '+1', '1,5', ' 1', '1 ', '.5', '1.', 'abc', '1e999', '1'.repeat(31)])('rejects "%s"', (text) => {
    expect(() => rate(text)).toThrow(/decimal|too many digits/);
  });
});

describe('formatDecimalRate', () => {
  it('writes plain decimals without trailing zeros', () => {
    expect(formatDecimalRate({ units: 46608n, scale: 4 })).toBe('4.6608');
    expect(formatDecimalRate({ units: 27n, scale: 5 })).toBe('0.00027');
    expect(formatDecimalRate({ units: 46608000n, scale: 7 })).toBe('4.6608');
    expect(formatDecimalRate({ units: 1000n, scale: 0 })).toBe('1000');
  });
});

describe('divideRoundHalfAwayFromZero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [4n, 2n, 2n],
    [7n, 3n, 2n],
    [-7n, 3n, -2n],
    [8n, 3n, 3n],
    [0n, 7n, 0n],
  ])('%d / %d = %d', (n, d, q) => {
    expect(divideRoundHalfAwayFromZero(n, d)).toBe(q);
  });

  it('rejects a zero divisor', () => {
    expect(() => divideRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe('convertMinor', () => {
  it('converts 100.00 EUR at NBP 4.6608 to exactly 466.08 PLN', () => {
    expect(convertMinor(10_000, NBP_EUR.rate, 'baseToQuote')).toBe(46_608);
  });

  it('converts 1.00 PLN at EUR mid 4.6608 to 0.21 EUR (0.21455… rounds down)', () => {
    expect(convertMinor(100, NBP_EUR.rate, 'quoteToBase')).toBe(21);
  });

  it('converts 100.00 PLN to 21.46 EUR by dividing by the published rate (2145.55… cents)', () => {
    expect(convertMinor(10_000, NBP_EUR.rate, 'quoteToBase')).toBe(2_146);
  });

  it('rounds exactly half a grosz away from zero: 1.00 EUR at 4.645 = 464.5 gr → 4.65 PLN', () => {
    // A float gets this wrong: 100 * 4.645 === 464.49999999999994 in IEEE 754.
    expect(convertMinor(100, rate('4.645'), 'baseToQuote')).toBe(465);
    expect(convertMinor(-100, rate('4.645'), 'baseToQuote')).toBe(-465);
  });

  it('rounds exactly half a cent away from zero when dividing: 0.58 PLN at 4.64 = 12.5 ct → 0.13 EUR', () => {
    expect(convertMinor(58, rate('4.64'), 'quoteToBase')).toBe(13);
    expect(convertMinor(-58, rate('4.64'), 'quoteToBase')).toBe(-13);
  });

  it('is not banker’s rounding: 2.5 and 3.5 both round up', () => {
    expect(convertMinor(5, rate('0.5'), 'baseToQuote')).toBe(3);
    expect(convertMinor(7, rate('0.5'), 'baseToQuote')).toBe(4);
  });

  it('rounds below half down and above half up', () => {
    expect(convertMinor(5, NBP_EUR.rate, 'baseToQuote')).toBe(23); // 23.304
    expect(convertMinor(1, rate('4.6608'), 'baseToQuote')).toBe(5); // 4.6608
  });

  it('drifts when converted there and back: 1.00 PLN → 0.21 EUR → 0.98 PLN at 4.6608', () => {
    const eur = convertMinor(100, NBP_EUR.rate, 'quoteToBase');
    expect(eur).toBe(21);
    expect(convertMinor(eur, NBP_EUR.rate, 'baseToQuote')).toBe(98); // 97.8768 gr
  });

  it('stays exact for the largest accepted amount', () => {
    expect(convertMinor(MAX_AMOUNT_MINOR, NBP_EUR.rate, 'baseToQuote')).toBe(4_660_800_000_000);
  });

  it('rejects amounts that are not whole minor units, and non-positive rates', () => {
    expect(() => convertMinor(1.5, NBP_EUR.rate, 'baseToQuote')).toThrow(RangeError);
    expect(() => convertMinor(Number.MAX_SAFE_INTEGER + 2, NBP_EUR.rate, 'baseToQuote')).toThrow(RangeError);
    expect(() => convertMinor(100, { units: 0n, scale: 0 }, 'quoteToBase')).toThrow(RangeError);
  });

  it('rejects a result beyond the safe integer range', () => {
    expect(() => convertMinor(Number.MAX_SAFE_INTEGER, rate('2'), 'baseToQuote')).toThrow(/safe integer/);
  });
});

describe('convertMoney', () => {
  const ECB_PLN: PairRate = { base: 'EUR', quote: 'PLN', rate: rate('4.6453') };

  it('uses the direct pair: 100.00 EUR → 466.08 PLN', () => {
    expect(convertMoney({ amountMinor: 10_000, currency: 'EUR' }, 'PLN', NBP_EUR)).toEqual({
      amountMinor: 46_608,
      currency: 'PLN',
    });
  });

  it('divides by the opposite pair for the inverse: 100.00 PLN → 21.53 EUR at ECB 4.6453', () => {
    expect(convertMoney({ amountMinor: 10_000, currency: 'PLN' }, 'EUR', [ECB_PLN])).toEqual({
      amountMinor: 2_153, // 2152.71…
      currency: 'EUR',
    });
  });

  it('prefers the direct pair over an inverse one in the list', () => {
    const plnEur: PairRate = { base: 'PLN', quote: 'EUR', rate: rate('0.2') };
    expect(convertMoney({ amountMinor: 1_000, currency: 'PLN' }, 'EUR', [NBP_EUR, plnEur]).amountMinor).toBe(200);
  });

  it('returns the same amount for the same currency', () => {
    expect(convertMoney({ amountMinor: 123, currency: 'PLN' }, 'PLN', [])).toEqual({
      amountMinor: 123,
      currency: 'PLN',
    });
  });

  it('throws when no rate fits the pair', () => {
    const usd: PairRate = { base: 'USD', quote: 'PLN', rate: rate('4.1515') };
    expect(() => convertMoney({ amountMinor: 100, currency: 'EUR' }, 'PLN', [usd])).toThrow(
      'no EUR/PLN rate among USD/PLN',
    );
  });
});

describe('invertRate', () => {
  it('gives 1 / rate to 8 places, rounded half away from zero, for display', () => {
    expect(formatDecimalRate(invertRate(rate('4.6608')))).toBe('0.21455544'); // 0.2145554411…
    expect(formatDecimalRate(invertRate(rate('4')))).toBe('0.25');
    expect(formatDecimalRate(invertRate(rate('3'), 4))).toBe('0.3333');
    expect(formatDecimalRate(invertRate(rate('1.6'), 4))).toBe('0.625');
  });
});
