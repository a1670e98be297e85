/** A two-letter country code as its name in a language (`LT` → `Litwa` in pl); anything else as it is. */
export function countryNamer(locale: string): (code: string) => string {
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  return (code) => (/^[A-Z]{2}$/.test(code) ? (regions.of(code) ?? code) : code);
}

/** Free text that ends a sentence: trimmed, with a full stop unless it already ends with one. */
export const asSentence = (text: string): string => {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
};

/**
 * A quoted excerpt that ends a sentence, with the language's quotation marks: its own ? ! … stay inside the quotes,
 * a full stop goes after them.
 */
export const quotedSentence = (text: string, open: string, close: string): string => {
  const t = text.trim();
  return /[?!…]$/.test(t) ? `${open}${t}${close}` : `${open}${t.replace(/\.$/, '')}${close}.`;
};
