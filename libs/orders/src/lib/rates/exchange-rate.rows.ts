import {
  formatDecimalRate,
  invertRate,
  normalizeRate,
  parseDecimalRate,
  type Currency,
  type RateSource,
  type RateTable,
} from '@kooperant/platform-money';

/** `exchange_rate.rate` is numeric(18,8): at most 10 digits before the point and 8 after. */
const RATE_INTEGER_DIGITS = 10;
const RATE_DECIMALS = 8;

/** A row of `exchange_rate` as stored or about to be: 1 `base` = `rate` `quote` on `effectiveDate` (YYYY-MM-DD). */
export interface StoredRate {
  source: RateSource;
  base: string;
  quote: string;
  rate: string;
  effectiveDate: string;
  tableNo: string | null;
}

/** A rate chosen for a conversion, naming where it comes from. */
export interface AppliedRate {
  from: Currency;
  to: Currency;
  /**
   * 1 `from` = `rate` `to`. The published rate as is when `inverse` is false; otherwise 1 / published rate rounded to
   * 8 decimal places, for showing only: conversions divide by `publishedRate`.
   */
  rate: string;
  /** True when the bank publishes the opposite pair (PLN → EUR from "1 EUR = 4.6608 PLN"). */
  inverse: boolean;
  /** The rate as the bank published it, for its own pair (base → quote). */
  publishedRate: string;
  source: RateSource;
  /** YYYY-MM-DD, the date of the bank's table. */
  effectiveDate: string;
  /** NBP table number, e.g. `039/A/NBP/2022`; null for the ECB. */
  tableNo: string | null;
}

/** A converted amount with the rate, its source and its date. */
export interface Conversion extends AppliedRate {
  /** Integer minor units of `to`. */
  amountMinor: number;
}

/** The rows a parsed rate table is stored as. Throws when a rate does not fit numeric(18,8) exactly. */
export function rowsOfTable(table: RateTable): StoredRate[] {
  return table.days.flatMap((day) =>
    day.rates.map((r) => {
      const { units, scale } = normalizeRate(r.rate);
      const text = formatDecimalRate(r.rate);
      if (scale > RATE_DECIMALS) {
        throw new Error(
          `${day.effectiveDate} ${r.base}/${r.quote}: rate ${text} has more than ${RATE_DECIMALS} decimal places`,
        );
      }
      if (units.toString().length - scale > RATE_INTEGER_DIGITS) {
        throw new Error(`${day.effectiveDate} ${r.base}/${r.quote}: rate ${text} is too large`);
      }
      return {
        source: table.source,
        base: r.base,
        quote: r.quote,
        rate: text,
        effectiveDate: day.effectiveDate,
        tableNo: day.tableNo,
      };
    }),
  );
}

/**
 * Chooses among the newest row of each source and direction (from → to, or to → from used as its inverse):
 * - with a preferred source that has a row, only that source's rows count, even if another source has a newer one;
 *   otherwise (no preference, or the preferred source has nothing) every source counts;
 * - then the latest effective date wins; on the same date NBP comes before the ECB, and a direct pair before an inverse.
 */
export function pickRate(
  candidates: readonly StoredRate[],
  from: Currency,
  to: Currency,
  preferredSource?: RateSource,
): AppliedRate | null {
  const fitting = candidates.filter((c) => (c.base === from && c.quote === to) || (c.base === to && c.quote === from));
  const preferred = fitting.filter((c) => c.source === preferredSource);
  const pool = preferred.length > 0 ? preferred : fitting;
  const best = [...pool].sort(
    (a, b) =>
      b.effectiveDate.localeCompare(a.effectiveDate) ||
      sourceRank(a.source) - sourceRank(b.source) ||
      Number(a.base !== from) - Number(b.base !== from),
  )[0];
  if (!best) return null;
  const published = parseDecimalRate(best.rate);
  const inverse = best.base !== from;
  return {
    from,
    to,
    rate: formatDecimalRate(inverse ? invertRate(published, RATE_DECIMALS) : published),
    inverse,
    publishedRate: formatDecimalRate(published),
    source: best.source,
    effectiveDate: best.effectiveDate,
    tableNo: best.tableNo,
  };
}

function sourceRank(s: RateSource): number {
  return s === 'NBP' ? 0 : 1;
}
