import type { Locale } from '@kooperant/platform-i18n';
import { formatMoney, MINOR_UNITS, type Currency } from '@kooperant/platform-money';
import type { KpiDefinition } from '../kpi-definitions';
import { grainOf } from '../core/periods';
import { kpiDefinition } from './kpi-labels';

/** What a null value (a median or ratio of nothing, or no figure at all) shows as. */
export const NO_VALUE = '–';

/** The currency of a money unit, or null for the units that are not money. */
export function unitCurrency(unit: KpiDefinition['unit']): Currency | null {
  if (unit === 'EUR cents') return 'EUR';
  if (unit === 'PLN grosze') return 'PLN';
  return null;
}

/** How a reader of one language sees the figures of a report; dates in `timeZone`. */
export interface ReportFormatter {
  readonly locale: Locale;
  /** A count: pl `1234`, `12 345`; lt `1 234`; en `1,234`. */
  count(n: number): string;
  /** pl `12 345,67 zł`, lt `12 345,67 €`, en `€12,345.67`. */
  money(amountMinor: number, currency: Currency): string;
  /** For chart axes: en `€1.2M`, pl `1,2 mln €`, lt `1,2 mln. €`. */
  compactMoney(amountMinor: number, currency: Currency): string;
  /** A ratio 0..1 as a percentage with at most one decimal: en `43.8%`, pl `43,8%`, lt `43,8 %`. */
  ratio(r: number): string;
  /** Minutes as minutes (under 1.5 hours), hours (under 2 days) or days of 24 hours, with CLDR plurals. */
  duration(minutes: number): string;
  /** A KPI value in the KPI's unit (minor units for money), formatted; NO_VALUE for null. */
  value(kpiId: string, value: number | null): string;
  /** A period key in words: en `Q1 2026`, pl `I kw. 2026`, lt `2026 m. I ketv.`; months `marzec 2026`. */
  period(key: string): string;
  /** A period key for a chart axis, without the year: en `Mar` / `Q1`, pl `mar` / `I kw.`, lt `kov.` / `I ketv.`. */
  periodShort(key: string): string;
  /** A day in words, in the formatter's zone: en `2 April 2026`, pl `2 kwietnia 2026`, lt `2026 m. balandžio 2 d.`. */
  date(at: string | Date): string;
  /** `{n}` in the form CLDR picks for n, n formatted. */
  plural(n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** CLDR's abbreviated Lithuanian months; Node's ICU gives `03` for a month alone in lt. */
const LT_MONTHS_SHORT = [
  'saus.',
  'vas.',
  'kov.',
  'bal.',
  'geg.',
  'birž.',
  'liep.',
  'rugp.',
  'rugs.',
  'spal.',
  'lapkr.',
  'gruod.',
];

const formatters = new Map<string, ReportFormatter>();

/** The formatter of a language and time zone, kept once made (Intl objects are costly to build). */
export function reportFormatter(locale: Locale, timeZone: string): ReportFormatter {
  const key = `${locale}|${timeZone}`;
  const made = formatters.get(key) ?? makeFormatter(locale, timeZone);
  formatters.set(key, made);
  return made;
}

function makeFormatter(locale: Locale, timeZone: string): ReportFormatter {
  const dateLocale = locale === 'en' ? 'en-GB' : locale;
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const unit = (u: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long', maximumFractionDigits: 1 });
  const [minutesF, hoursF, daysF] = [unit('minute'), unit('hour'), unit('day')];
  const compact = new Map<Currency, Intl.NumberFormat>();
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'long', timeZone });
  const rules = new Intl.PluralRules(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  const f: ReportFormatter = {
    locale,
    count: (n) => integer.format(n),
    money: (amountMinor, currency) => formatMoney({ amountMinor, currency }, locale),
    compactMoney(amountMinor, currency) {
      let c = compact.get(currency);
      if (!c) {
        c = new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          notation: 'compact',
          maximumFractionDigits: 1,
          trailingZeroDisplay: 'stripIfInteger',
        });
        compact.set(currency, c);
      }
      return c.format(amountMinor / 10 ** MINOR_UNITS[currency]);
    },
    ratio: (r) => percent.format(r),
    duration(minutes) {
      if (minutes < 90) return minutesF.format(Math.round(minutes));
      if (minutes < 48 * 60) return hoursF.format(minutes / 60);
      return daysF.format(minutes / (24 * 60));
    },
    value(kpiId, value) {
      if (value === null) return NO_VALUE;
      const u = kpiDefinition(kpiId).unit;
      const currency = unitCurrency(u);
      if (currency) return f.money(value, currency);
      if (u === 'ratio') return f.ratio(value);
      if (u === 'minutes') return f.duration(value);
      return f.count(value);
    },
    period(key) {
      const { year, month, quarter } = parsePeriod(key);
      if (month !== null) return monthYear.format(Date.UTC(year, month - 1, 15));
      if (quarter !== null) {
        const q = ROMAN[quarter - 1];
        return locale === 'pl' ? `${q} kw. ${year}` : locale === 'lt' ? `${year} m. ${q} ketv.` : `Q${quarter} ${year}`;
      }
      return locale === 'lt' ? `${year} m.` : `${year}`;
    },
    periodShort(key) {
      const { year, month, quarter } = parsePeriod(key);
      if (month !== null) {
        return locale === 'lt' ? LT_MONTHS_SHORT[month - 1] : monthShort.format(Date.UTC(year, month - 1, 15));
      }
      if (quarter !== null) {
        const q = ROMAN[quarter - 1];
        return locale === 'pl' ? `${q} kw.` : locale === 'lt' ? `${q} ketv.` : `Q${quarter}`;
      }
      return f.period(key);
    },
    date: (at) => day.format(typeof at === 'string' ? new Date(at) : at),
    plural(n, forms) {
      const form = forms[rules.select(n)] ?? forms.other;
      return form.replace('{n}', decimal.format(n));
    },
  };
  return f;
}

/** The year and month or quarter of a period key (`2026-03`, `2026-Q1`, `2026`). */
export function parsePeriod(key: string): { year: number; month: number | null; quarter: number | null } {
  const grain = grainOf(key);
  const year = Number(key.slice(0, 4));
  if (grain === 'month') return { year, month: Number(key.slice(5)), quarter: null };
  if (grain === 'quarter') return { year, month: null, quarter: Number(key.slice(6)) };
  return { year, month: null, quarter: null };
}

/** The first and last day (YYYY-MM-DD) of a period key, on its own calendar. */
export function periodDays(key: string): { first: string; last: string } {
  const { year, month, quarter } = parsePeriod(key);
  const [m1, m2] = month !== null ? [month, month] : quarter !== null ? [quarter * 3 - 2, quarter * 3] : [1, 12];
  const lastDay = new Date(Date.UTC(year, m2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${year}-${pad(m1)}-01`, last: `${year}-${pad(m2)}-${pad(lastDay)}` };
}

/** Whether the period `inner` lies inside (or is) the period `outer`. */
export function periodWithin(inner: string, outer: string): boolean {
  const a = parsePeriod(inner);
  const b = parsePeriod(outer);
  if (a.year !== b.year) return false;
  if (b.month !== null) return a.month === b.month;
  if (b.quarter !== null) return a.quarter === b.quarter || (a.month !== null && Math.ceil(a.month / 3) === b.quarter);
  return true;
}
