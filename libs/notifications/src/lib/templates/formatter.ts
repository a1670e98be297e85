import type { Locale } from '@kooperant/platform-i18n';
import { formatMoney, type Currency } from '@kooperant/platform-money';

/** Plural forms by CLDR category; `other` is required, the rest where the language has them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Formats for one recipient: their language and time zone. */
export interface Formatter {
  readonly locale: Locale;
  /** `{n}` in the chosen form is replaced by the number, formatted for the locale. */
  plural(n: number, forms: PluralForms): string;
  money(amountMinor: number, currency: string): string;
  /** A date (ISO string) in the recipient's zone: pl `7 marca 2025`, lt `2025 m. kovo 7 d.`, en `7 March 2025`. */
  date(iso: string): string;
  /** A date and time in the recipient's own zone (so, like the date, shown without naming it). */
  dateTime(iso: string): string;
}

const formatters = new Map<string, Formatter>();

/**
 * The formatter of a language and time zone. Kept once made: Intl objects are costly to build, and a matching run
 * notifies dozens of people in two or three languages and zones.
 */
export function formatterFor(locale: Locale, timeZone: string): Formatter {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = makeFormatter(locale, timeZone);
    formatters.set(key, f);
  }
  return f;
}

function makeFormatter(locale: Locale, timeZone: string): Formatter {
  const rules = new Intl.PluralRules(locale);
  const num = new Intl.NumberFormat(locale);
  const day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone });
  const moment = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  });
  return {
    locale,
    plural(n, forms) {
      const form = forms[rules.select(n)] ?? forms.other;
      return form.replace('{n}', num.format(n));
    },
    money: (amountMinor, currency) => formatMoney({ amountMinor, currency: currency as Currency }, locale),
    date: (iso) => day.format(new Date(iso)),
    dateTime: (iso) => moment.format(new Date(iso)),
  };
}
