/** Currencies the platform deals in: Poland uses PLN, Lithuania EUR. */
export const CURRENCIES = ['PLN', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/** An amount in integer minor units (grosze, cents) with its ISO currency. Never a float. */
export interface Money {
  amountMinor: number;
  currency: Currency;
}

export const MINOR_UNITS: Record<Currency, number> = { PLN: 2, EUR: 2 };

/** Largest amount we accept in minor units: keeps every sum exact in a JS number. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000; // 10 billion in major units

export function isValidAmountMinor(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_AMOUNT_MINOR;
}

/** Formats for a reader's locale, e.g. pl `12 345,67 zł`, lt `1 234,50 €`. */
export function formatMoney(money: Money, locale: 'en' | 'pl' | 'lt'): string {
  const digits = MINOR_UNITS[money.currency];
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 10 ** digits,
  );
}

/** TypeORM transformer for `bigint` columns holding minor units (pg returns them as strings). */
export const bigintMinorUnits = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};
