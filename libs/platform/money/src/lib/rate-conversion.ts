import { MINOR_UNITS, type Currency, type Money } from './money';

/**
 * An exchange rate as an exact decimal: its value is `units / 10^scale`, e.g. 4.6608 is `{ units: 46608n, scale: 4 }`.
 * Rates never pass through a float on their way to a conversion.
 */
export interface DecimalRate {
  readonly units: bigint;
  readonly scale: number;
}

/** A published rate: 1 `base` = `rate` `quote` (NBP: 1 EUR = 4.6608 PLN; ECB: 1 EUR = 1.1216 USD). */
export interface PairRate {
  readonly base: string;
  readonly quote: string;
  readonly rate: DecimalRate;
}

/** `baseToQuote` multiplies by the rate, `quoteToBase` divides by it (the inverse of a published pair). */
export type RateDirection = 'baseToQuote' | 'quoteToBase';

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const MAX_DIGITS = 30;
const MAX_EXPONENT = 20;

/**
 * Reads a decimal such as `4.6608`, `0.00027` or `4.6608E0` exactly (no float on the way). Trailing zeros are dropped,
 * so `4.66080000` (PostgreSQL numeric(18,8)) and `4.6608` give the same value. Signs, spaces and commas are rejected.
 */
export function parseDecimalRate(text: string): DecimalRate {
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`"${text}" is not a decimal number`);
  const [, int, frac = '', exp = '0'] = m;
  const exponent = Number(exp);
  if (int.length + frac.length > MAX_DIGITS || Math.abs(exponent) > MAX_EXPONENT) {
    throw new Error(`"${text}" has too many digits for a rate`);
  }
  let units = BigInt(int + frac);
  let scale = frac.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalizeRate({ units, scale });
}

/** The plain decimal text of a rate, without exponent or trailing zeros: `4.6608`, `0.00027`, `1`. */
export function formatDecimalRate(rate: DecimalRate): string {
  const { units, scale } = normalizeRate(rate);
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Drops trailing zeros of the fraction: `{ 46608000n, 7 }` becomes `{ 46608n, 4 }`. */
export function normalizeRate(rate: DecimalRate): DecimalRate {
  let { units, scale } = rate;
  if (!Number.isInteger(scale) || scale < 0)
    throw new RangeError(`rate scale must be a whole number ≥ 0, got ${scale}`);
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

/**
 * `n / d` rounded half away from zero ("commercial rounding", zaokrąglenie handlowe): exactly half a unit goes
 * to the larger magnitude, 2.5 → 3 and −2.5 → −3; not banker's rounding (which would give 2).
 */
export function divideRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return negative ? -q : q;
}

/**
 * Converts an amount in integer minor units at a published rate (1 base = `rate` quote) and returns integer minor
 * units of the other currency, computed exactly and rounded once, half away from zero ("commercial rounding", as
 * Polish accounting rounds to the grosz: half a grosz and more goes up, less is dropped; negative amounts mirror
 * positive ones). `baseToQuote` multiplies by the rate, `quoteToBase` divides by it: the inverse is never first
 * rounded to a rate of its own.
 *
 * Both currencies are taken to have the same number of minor digits (true of PLN and EUR); `convertMoney` handles the
 * general case. Converting there and back can drift by a minor unit or more, because each way rounds: 1.00 PLN →
 * 0.21 EUR → 0.98 PLN at 4.6608. Convert from the original amount, never from a converted one.
 */
export function convertMinor(amountMinor: number, rate: DecimalRate, direction: RateDirection): number {
  return convertScaled(amountMinor, rate, direction, 0);
}

/**
 * Converts money to `to` with the rate of that pair among `rates`: the direct pair (base = from, quote = to) when
 * present, otherwise the inverse of the published opposite pair (PLN → EUR divides by the NBP "1 EUR = x PLN").
 * Same currency: the amount as it is. Rounds like `convertMinor`. Throws when no rate fits.
 */
export function convertMoney(money: Money, to: Currency, rates: PairRate | readonly PairRate[]): Money {
  if (money.currency === to) return { amountMinor: money.amountMinor, currency: to };
  const list: readonly PairRate[] = Array.isArray(rates) ? rates : [rates as PairRate];
  const shift = MINOR_UNITS[to] - MINOR_UNITS[money.currency];
  const direct = list.find((r) => r.base === money.currency && r.quote === to);
  if (direct) return { amountMinor: convertScaled(money.amountMinor, direct.rate, 'baseToQuote', shift), currency: to };
  const inverse = list.find((r) => r.base === to && r.quote === money.currency);
  if (inverse) {
    return { amountMinor: convertScaled(money.amountMinor, inverse.rate, 'quoteToBase', shift), currency: to };
  }
  throw new Error(
    `no ${money.currency}/${to} rate among ${list.map((r) => `${r.base}/${r.quote}`).join(', ') || 'none'}`,
  );
}

/**
 * 1 / rate, rounded half away from zero to `decimals` places: for showing "1 PLN = 0.21455544 EUR". Conversions do not
 * use it; they divide by the published rate.
 */
export function invertRate(rate: DecimalRate, decimals = 8): DecimalRate {
  if (rate.units <= 0n) throw new RangeError('only a positive rate has an inverse');
  const units = divideRoundHalfAwayFromZero(10n ** BigInt(decimals + rate.scale), rate.units);
  return normalizeRate({ units, scale: decimals });
}

function convertScaled(amountMinor: number, rate: DecimalRate, direction: RateDirection, digitShift: number): number {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amount must be whole minor units, got ${amountMinor}`);
  if (rate.units <= 0n) throw new RangeError('an exchange rate must be positive');
  const scale = 10n ** BigInt(rate.scale);
  let n = BigInt(amountMinor) * (direction === 'baseToQuote' ? rate.units : scale);
  let d = direction === 'baseToQuote' ? scale : rate.units;
  if (digitShift > 0) n *= 10n ** BigInt(digitShift);
  else if (digitShift < 0) d *= 10n ** BigInt(-digitShift);
  const result = divideRoundHalfAwayFromZero(n, d);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`converted amount ${result} is beyond the safe integer range`);
  }
  return Number(result);
}
