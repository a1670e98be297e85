/** The countries the platform serves, and the civil time zone each reports its calendar in. */
export type MetricsCountry = 'PL' | 'LT';

export const COUNTRY_ZONE: Record<MetricsCountry, string> = { PL: 'Europe/Warsaw', LT: 'Europe/Vilnius' };

/** The grains a KPI is reported at. A period key is `2026-03` (month), `2026-Q1` (quarter) or `2026` (year). */
export type PeriodGrain = 'month' | 'quarter' | 'year';

const formatters = new Map<string, Intl.DateTimeFormat>();

function localDate(at: Date, zone: string): { year: number; month: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
    formatters.set(zone, f);
  }
  const parts = f.formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: value('year'), month: value('month') };
}

/**
 * The periods a moment falls in on the civil calendar of `zone`, as keys `2026-03` (month), `2026-Q1` (quarter) and
 * `2026` (year): an award made at 23:30 UTC on 31 March is in April for a Warsaw (UTC+2 in summer) or Vilnius
 * cluster, and would be in March in UTC.
 */
export function periodsOf(at: Date, zone: string): [month: string, quarter: string, year: string] {
  const { year, month } = localDate(at, zone);
  return [`${year}-${String(month).padStart(2, '0')}`, `${year}-Q${Math.ceil(month / 3)}`, `${year}`];
}

/** The grain of a period key; anything else is an error. */
export function grainOf(period: string): PeriodGrain {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}$/.test(period)) return 'year';
  throw new Error(`"${period}" is not a period key (2026-03, 2026-Q1 or 2026)`);
}

const DAY_MS = 86_400_000;

/**
 * A UTC window that holds the whole period on the calendar of any zone the platform reports in (a day of margin on
 * either side of the UTC period): for narrowing a search by time before the exact test by cell.
 */
export function periodWindow(period: string): { from: Date; to: Date } {
  const grain = grainOf(period);
  const year = Number(period.slice(0, 4));
  const [first, months] =
    grain === 'month'
      ? [Number(period.slice(5)) - 1, 1]
      : grain === 'quarter'
        ? [(Number(period.slice(6)) - 1) * 3, 3]
        : [0, 12];
  return {
    from: new Date(Date.UTC(year, first, 1) - DAY_MS),
    to: new Date(Date.UTC(year, first + months, 1) + DAY_MS),
  };
}
