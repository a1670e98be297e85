/**
 * Folds text for matching: lower case, diacritics removed (ą→a, č→c, ė→e, ł→l, ų→u, ž→z, ...),
 * punctuation turned into spaces, white space collapsed. Matches what PostgreSQL's
 * `lower(unaccent(...))` does for Polish and Lithuanian, so that JS and SQL agree.
 */
const EXTRA: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

export function foldText(input: string): string {
  return input
    .replace(/[łŁøØđĐßæœ]/g, (ch) => EXTRA[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits folded text into words. */
export function foldedWords(input: string): string[] {
  const folded = foldText(input);
  return folded ? folded.split(' ') : [];
}
