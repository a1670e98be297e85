/** The three languages every user-facing text exists in. */
export const LOCALES = ['en', 'pl', 'lt'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A text in up to three languages; `LocalizedLabels` has all three. */
export type LocalizedText = Partial<Record<Locale, string>>;
export type LocalizedLabels = Record<Locale, string>;

export const TIME_ZONES = { PL: 'Europe/Warsaw', LT: 'Europe/Vilnius' } as const;
export const COUNTRY_LOCALE = { PL: 'pl', LT: 'lt' } as const satisfies Record<string, Locale>;

/** Picks the best text for a reader: their language, then English, then whatever exists. */
export function pickText(text: LocalizedText, locale: Locale): string | undefined {
  return text[locale] ?? text.en ?? text.pl ?? text.lt;
}

/** CLDR plural category (pl and lt both have one/few/many/other). */
export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(locale).select(n);
}
