import { foldedWords, LOCALES, type Locale, type LocalizedLabels } from '@kooperant/platform-i18n';
import type { TaxonomyKind } from './taxonomy-entry.entity';
import { wordMatchScore } from './word-match';

export interface TaxonomyNode {
  id: string;
  code: string;
  kind: TaxonomyKind;
  parentId: string | null;
  labels: LocalizedLabels;
  synonyms: Record<Locale, string[]>;
}

export interface TaxonomyTerm {
  entryId: string;
  locale: Locale;
  text: string;
  words: string[];
}

export interface TaxonomyMatch {
  entryId: string;
  code: string;
  kind: TaxonomyKind;
  /** The label or synonym that matched, as written. */
  term: string;
  termLocale: Locale;
  /** The query words (folded) that this entry explains. */
  queryWords: string[];
  /** 0..1: share of the term's words found, times how exactly they matched. */
  score: number;
}

export interface QueryAnalysis {
  words: string[];
  matches: TaxonomyMatch[];
  /** Query words no taxonomy entry explains: searched as free text. */
  freeWords: string[];
}

/** Words that carry no meaning in a capability term. */
const STOP = new Set([
  'i',
  'a',
  'z',
  'w',
  'na',
  'do',
  'od',
  'dla',
  'ir',
  'su',
  'is',
  'ant',
  'and',
  'of',
  'the',
  'for',
  'with',
  'to',
  'in',
]);

/** An immutable view of the taxonomy: hierarchy and cross-language term matching. Pure, no I/O. */
export class TaxonomySnapshot {
  readonly byId = new Map<string, TaxonomyNode>();
  readonly byCode = new Map<string, TaxonomyNode>();
  private readonly children = new Map<string, string[]>();
  private readonly terms: TaxonomyTerm[] = [];
  private readonly descendantCache = new Map<string, string[]>();
  /** The snapshot never changes, so neither does the analysis of a query against it. */
  private readonly analyses = new Map<string, QueryAnalysis>();

  constructor(nodes: readonly TaxonomyNode[]) {
    for (const n of nodes) {
      this.byId.set(n.id, n);
      this.byCode.set(n.code, n);
    }
    for (const n of nodes) {
      if (n.parentId) this.children.set(n.parentId, [...(this.children.get(n.parentId) ?? []), n.id]);
      // NACE codes are matched by filters, not by words: their long official titles would drown the ranking.
      if (n.kind === 'nace') continue;
      for (const locale of LOCALES) {
        for (const text of [n.labels[locale], ...(n.synonyms[locale] ?? [])]) {
          if (!text) continue;
          const words = foldedWords(text).filter((w) => !STOP.has(w));
          if (words.length > 0) this.terms.push({ entryId: n.id, locale, text, words });
        }
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The entry and every entry below it (cutting → laser, plasma, waterjet cutting). */
  withDescendants(id: string): string[] {
    const cached = this.descendantCache.get(id);
    if (cached) return cached;
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop() as string;
      if (out.includes(cur)) continue;
      out.push(cur);
      stack.push(...(this.children.get(cur) ?? []));
    }
    this.descendantCache.set(id, out);
    return out;
  }

  childrenOf(id: string): TaxonomyNode[] {
    return (this.children.get(id) ?? []).map((c) => this.byId.get(c) as TaxonomyNode);
  }

  ancestorsOf(id: string): TaxonomyNode[] {
    const out: TaxonomyNode[] = [];
    let cur = this.byId.get(id)?.parentId;
    while (cur && !out.some((n) => n.id === cur)) {
      const n = this.byId.get(cur);
      if (!n) break;
      out.push(n);
      cur = n.parentId;
    }
    return out;
  }

  /**
   * Finds the taxonomy entries a free-text query speaks of, in any of the three languages, tolerant of
   * missing diacritics, inflection and small typos. Entries that explain all their words win; an entry
   * that only half-matches is kept only for query words no complete match explains ("stal nierdzewna"
   * gives stainless steel, not also structural steel; "cnc" alone gives every CNC process).
   */
  analyse(query: string): QueryAnalysis {
    const memo = this.analyses.get(query);
    if (memo) return memo;
    const result = this.analyseUncached(query);
    if (this.analyses.size >= 2_000) this.analyses.delete(this.analyses.keys().next().value as string);
    this.analyses.set(query, result);
    return result;
  }

  private analyseUncached(query: string): QueryAnalysis {
    const words = [...new Set(foldedWords(query))].slice(0, 16);
    const candidates: (TaxonomyMatch & { complete: boolean })[] = [];
    const best = new Map<string, TaxonomyMatch & { complete: boolean }>();
    for (const term of this.terms) {
      let sum = 0;
      const used: string[] = [];
      for (const tw of term.words) {
        let bestScore = 0;
        let bestWord = '';
        for (const qw of words) {
          const s = wordMatchScore(qw, tw);
          if (s > bestScore) {
            bestScore = s;
            bestWord = qw;
          }
        }
        if (bestScore > 0) {
          sum += bestScore;
          if (!used.includes(bestWord)) used.push(bestWord);
        }
      }
      if (used.length === 0) continue;
      const matchedTermWords = term.words.filter((tw) => words.some((qw) => wordMatchScore(qw, tw) > 0)).length;
      const coverage = matchedTermWords / term.words.length;
      if (coverage < 0.5) continue;
      const node = this.byId.get(term.entryId) as TaxonomyNode;
      const m = {
        entryId: node.id,
        code: node.code,
        kind: node.kind,
        term: term.text,
        termLocale: term.locale,
        queryWords: used,
        score: Math.round((sum / term.words.length) * 1000) / 1000,
        complete: coverage === 1,
      };
      const prev = best.get(node.id);
      if (!prev || m.score > prev.score || (m.score === prev.score && m.queryWords.length > prev.queryWords.length))
        best.set(node.id, m);
    }
    candidates.push(...best.values());
    candidates.sort(
      (a, b) =>
        Number(b.complete) - Number(a.complete) ||
        b.queryWords.length - a.queryWords.length ||
        b.score - a.score ||
        a.code.localeCompare(b.code),
    );
    const explained = new Set<string>();
    const matches: TaxonomyMatch[] = [];
    for (const c of candidates) {
      const nothingNew = c.queryWords.every((w) => explained.has(w));
      // An inexact match (typo, half a term) only counts for words nothing else explains:
      // "toczenie" is CNC turning, not also stamping ("tłoczenie", one letter away).
      if (nothingNew && (!c.complete || c.score < 1)) continue;
      // An exact match of words already explained adds only a different entry, never a parent of one we have.
      if (nothingNew && matches.some((m) => isAncestorOrSelf(this, c.entryId, m.entryId))) continue;
      const { complete, ...match } = c;
      matches.push(match);
      if (complete) match.queryWords.forEach((w) => explained.add(w));
    }
    const matchedWords = new Set(matches.flatMap((m) => m.queryWords));
    return { words, matches, freeWords: words.filter((w) => !matchedWords.has(w)) };
  }
}

function isAncestorOrSelf(t: TaxonomySnapshot, maybeAncestor: string, id: string): boolean {
  return maybeAncestor === id || t.ancestorsOf(id).some((a) => a.id === maybeAncestor);
}
