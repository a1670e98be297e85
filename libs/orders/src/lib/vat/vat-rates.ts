/**
 * Standard VAT rates of the countries Kooperant serves, with validity dates (see shared/domain/locale.md,
 * "VAT between Polish and Lithuanian firms"). Pure: no I/O.
 *
 * Rates are kept as integer basis points (2300 = 23 %) so that no arithmetic on them ever runs on floats;
 * `ratePercent` is the display value derived from them.
 *
 * Dates are calendar dates (`YYYY-MM-DD`) of the country's own time zone; `validTo` is the last day the rate
 * applies (inclusive), `null` while the rate is open-ended.
 */

export type VatCountry = 'PL' | 'LT';

export interface VatRateRow {
  country: VatCountry;
  /** 2300 = 23 % */
  rateBasisPoints: number;
  /** Display value, `rateBasisPoints / 100`. */
  ratePercent: number;
  /** First day the rate applies, `YYYY-MM-DD`. */
  validFrom: string;
  /** Last day the rate applies (inclusive), `YYYY-MM-DD`; `null` = open-ended. */
  validTo: string | null;
}

export interface StandardRate {
  ratePercent: number;
  validFrom: string;
  validTo: string | null;
}

/** Time zone in which a date is read as a calendar date for each country. */
export const VAT_COUNTRY_TIME_ZONE: Readonly<Record<VatCountry, string>> = {
  PL: 'Europe/Warsaw',
  LT: 'Europe/Vilnius',
};

function row(country: VatCountry, rateBasisPoints: number, validFrom: string, validTo: string | null): VatRateRow {
  return Object.freeze({ country, rateBasisPoints, ratePercent: rateBasisPoints / 100, validFrom, validTo });
}

/** Standard rates. Add a new row (and close the previous one with `validTo`) when a rate changes. */
export const STANDARD_VAT_RATES: readonly VatRateRow[] = Object.freeze([
  row('PL', 2300, '2011-01-01', null),
  row('LT', 2100, '2009-09-01', null),
]);

/** The calendar date (`YYYY-MM-DD`) of `instant` in the given IANA time zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  assertValidDate(instant);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

export function assertValidDate(value: Date): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`VAT: invalid date ${String(value)}`);
  }
}

/** The full table row of the standard rate valid in `country` on `onDate` (read in that country's time zone). */
export function standardRateRow(country: VatCountry, onDate: Date): VatRateRow {
  const timeZone = VAT_COUNTRY_TIME_ZONE[country];
  if (!timeZone) {
    throw new Error(`VAT: unknown country ${String(country)}; known: ${Object.keys(VAT_COUNTRY_TIME_ZONE).join(', ')}`);
  }
  const day = calendarDateIn(onDate, timeZone);
  // ISO dates compare correctly as strings.
  const found = STANDARD_VAT_RATES.find(
    (r) => r.country === country && r.validFrom <= day && (r.validTo === null || day <= r.validTo),
  );
  if (!found) {
    const known = STANDARD_VAT_RATES.filter((r) => r.country === country)
      .map((r) => `${r.ratePercent} % from ${r.validFrom}${r.validTo ? ` to ${r.validTo}` : ''}`)
      .join('; ');
    throw new Error(`VAT: no standard rate for ${country} is valid on ${day} (known: ${known || 'none'})`);
  }
  return found;
}

/** The standard VAT rate valid in `country` on `onDate`. Throws when the table has no rate for that day. */
export function standardRate(country: VatCountry, onDate: Date): StandardRate {
  const { ratePercent, validFrom, validTo } = standardRateRow(country, onDate);
  return { ratePercent, validFrom, validTo };
}
