import { Inject, Injectable } from '@nestjs/common';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { foldedWords } from '@kooperant/platform-i18n';
import { FirmService, type Actor, type FirmEntity } from '@kooperant/identity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { TaxonomyMatch, TaxonomySnapshot } from '../taxonomy/taxonomy-snapshot';
import type { TaxonomyKind } from '../taxonomy/taxonomy-entry.entity';
import { OfferEntity } from '../offer/offer.entity';
import {
  buildSearchQuery,
  decodeCursor,
  encodeCursor,
  type MatchMode,
  type SearchCursor,
  type SearchFilterIds,
  type BuiltQuery,
  type SearchQueryInput,
} from './search-query.builder';
import { ChangeFeed, LruCache, rowToEntity } from '@kooperant/platform-database';

export interface OfferSearchFilter {
  processCodes?: string[];
  materialCodes?: string[];
  certificationCodes?: string[];
  firmCountries?: string[];
  servesCountry?: string;
  clusterId?: string;
  thicknessMm?: number;
  partLengthMm?: number;
  partWidthMm?: number;
  partHeightMm?: number;
  maxLeadTimeDays?: number;
}

export interface OfferSearchHit {
  /** The offer with its firm attached: every hit shows its firm, so it is loaded with the page. */
  offer: OfferEntity & { firm: FirmEntity | undefined };
  cursor: string;
  score: number;
  /** Query words (folded) this offer matched, through the taxonomy or its own text. */
  matchedTerms: string[];
  /** Taxonomy entries of the query that this offer carries. */
  matchedTaxonomy: TaxonomyMatch[];
}

export interface OfferSearchResult {
  hits: OfferSearchHit[];
  hasNextPage: boolean;
  /** What the query was understood as. */
  interpretation: TaxonomyMatch[];
  /** False when no offer matched every concept of the query and the results match some of them. */
  matchedAllConcepts: boolean;
}

/** Taxonomy matches naming the same query words are alternatives of one concept ("cnc": milling, turning...). */
export function conceptsOf(expanded: { match: TaxonomyMatch; ids: string[] }[]): string[][] {
  const groups: { words: Set<string>; ids: Set<string> }[] = [];
  for (const e of expanded) {
    const overlapping = groups.filter((g) => e.match.queryWords.some((w) => g.words.has(w)));
    const merged = { words: new Set(e.match.queryWords), ids: new Set(e.ids) };
    for (const g of overlapping) {
      g.words.forEach((w) => merged.words.add(w));
      g.ids.forEach((id) => merged.ids.add(id));
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  return groups.map((g) => [...g.ids]);
}

const KIND_WEIGHT: Record<TaxonomyKind, number> = {
  process: 1,
  product: 0.9,
  material: 0.7,
  certification: 0.6,
  nace: 0.5,
};
const MAX_QUERY_LENGTH = 200;
/** Tables a search result depends on; a change to any of them makes cached results stale. */
const RESULT_TABLES = ['offer', 'firm', 'cluster_membership', 'taxonomy_entry'] as const;
const RESULT_TTL_MS = 30_000;
/** How alike (trigram similarity, 0..1) a catalogue word must be to correct a query word. */
const CORRECTION_SIMILARITY = 0.4;

/** A hit as read: the offer, its rank, and the folded words of its texts (to say which query words matched). */
interface PageRow {
  rank: number;
  offer: OfferEntity;
  words: Set<string>;
}

@Injectable()
export class OfferSearchService {
  private readonly results = new LruCache<string, { epoch: string; result: OfferSearchResult }>(5_000, RESULT_TTL_MS);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly changes: ChangeFeed,
    private readonly firms: FirmService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  async search(
    _actor: Actor,
    query: string | undefined,
    filter: OfferSearchFilter | undefined,
    first: number,
    after?: string,
  ): Promise<OfferSearchResult> {
    const text = (query ?? '').trim();
    // A result is kept while the tables it depends on are unchanged (see ChangeFeed), for at most RESULT_TTL_MS so
    // that an offer passing its valid-until date drops out within that time. Only valid input is ever cached.
    const epoch = this.config.searchCache ? this.epochOf(RESULT_TABLES) : null;
    const key = JSON.stringify([text, filter ?? null, first, after ?? null]);
    if (epoch !== null) {
      const hit = this.results.get(key);
      if (hit && hit.epoch === epoch) return hit.result;
    }
    const result = await this.searchUncached(text, filter, first, after);
    if (epoch !== null) this.results.set(key, { epoch, result });
    return result;
  }

  private async searchUncached(
    text: string,
    filter: OfferSearchFilter | undefined,
    first: number,
    after: string | undefined,
  ): Promise<OfferSearchResult> {
    const problems = new ProblemCollector();
    if (text.length > MAX_QUERY_LENGTH) problems.add('query', 'TOO_LONG', `At most ${MAX_QUERY_LENGTH} characters.`);
    let cursor: SearchCursor | undefined;
    if (after) {
      cursor = decodeCursor(after) ?? undefined;
      if (!cursor) problems.add('after', 'INVALID_CURSOR', 'This cursor was not issued by this search.');
    }
    const snap = await this.taxonomy.snapshot();
    const filters = this.resolveFilter(snap, filter ?? {}, problems);
    problems.throwIfAny();

    const analysis = snap.analyse(text);
    const expanded = analysis.matches.map((m) => ({ match: m, ids: snap.withDescendants(m.entryId) }));
    const corrections = await this.corrections(analysis.freeWords);
    const base = {
      corrections,
      taxonomy: expanded.map((e) => ({ ids: e.ids, weight: e.match.score * KIND_WEIGHT[e.match.kind] })),
      concepts: conceptsOf(expanded),
      words: analysis.words,
      freeWords: analysis.freeWords,
      filters,
      first,
      after: cursor,
      now: new Date(),
    };
    const { rows, mode, ordering } = await this.findPage(base, cursor);
    const page = rows.slice(0, first);
    const firmIds = [...new Set(page.map((r) => r.offer.firmId))];
    const firms = new Map((await this.firms.firmsByIds(firmIds)).flatMap((f) => (f ? [[f.id, f] as const] : [])));
    const hits: OfferSearchHit[] = [];
    for (const r of page) {
      const { offer, words } = r;
      const caps = new Set(offer.capabilityIds);
      const matchedTaxonomy = expanded.filter((e) => e.ids.some((id) => caps.has(id))).map((e) => e.match);
      const docWords = [...words];
      const textWords = analysis.words.filter((w) =>
        [w, ...(corrections[w] ?? [])].some((a) => words.has(a) || docWords.some((d) => d.startsWith(a))),
      );
      const matchedTerms = [...new Set([...matchedTaxonomy.flatMap((m) => m.queryWords), ...textWords])];
      const c: SearchCursor =
        ordering === 'rank'
          ? { kind: 'rank', mode, rank: r.rank, id: offer.id }
          : { kind: 'recent', publishedAt: (offer.publishedAt as Date).toISOString(), id: offer.id };
      hits.push({
        offer: { ...offer, firm: firms.get(offer.firmId) },
        cursor: encodeCursor(c),
        score: r.rank,
        matchedTerms,
        matchedTaxonomy,
      });
    }
    return {
      hits,
      hasNextPage: rows.length > first,
      interpretation: analysis.matches,
      matchedAllConcepts: ordering === 'recent' || mode === 'all',
    };
  }

  /**
   * One page of offers, with rank, in one round trip. Offers matching every concept first; only when there are
   * none, those matching any.
   */
  private async findPage(
    base: Omit<SearchQueryInput, 'mode'>,
    cursor: SearchCursor | undefined,
  ): Promise<{ rows: PageRow[]; mode: MatchMode; ordering: 'rank' | 'recent' }> {
    let mode: MatchMode = cursor?.kind === 'rank' ? cursor.mode : 'all';
    let built = buildSearchQuery({ ...base, mode });
    if (cursor && cursor.kind !== built.ordering) {
      throw DomainError.invalid('after', 'INVALID_CURSOR', 'This cursor belongs to another query.');
    }
    let rows = await this.runPage(built);
    const narrowerThanAny = (base.concepts?.length ?? 0) > 1 || base.freeWords.length > 0;
    if (!cursor && built.ordering === 'rank' && rows.length === 0 && narrowerThanAny) {
      mode = 'any';
      built = buildSearchQuery({ ...base, mode });
      rows = await this.runPage(built);
    }
    return { rows, mode, ordering: built.ordering };
  }

  private async runPage(built: BuiltQuery): Promise<PageRow[]> {
    const order = built.ordering === 'rank' ? 'p.rank DESC, p.id ASC' : 'o.published_at DESC, o.id DESC';
    const metadata = this.db.getMetadata(OfferEntity);
    // Every column but the tsvector, which is large and only PostgreSQL needs.
    const columns = metadata.columns
      .filter((c) => c.databaseName !== 'search_vector')
      .map((c) => `o."${c.databaseName}"`)
      .join(', ');
    const raw: Record<string, unknown>[] = await this.db.query(
      `WITH p AS (${built.sql}) SELECT p.rank AS "p_rank", ${columns} FROM p JOIN offer o ON o.id = p.id ORDER BY ${order}`,
      built.params,
    );
    return raw.map((r) => {
      const { search_text: searchText, p_rank: rank, ...offerColumns } = r;
      return {
        rank: Number(rank),
        offer: rowToEntity<OfferEntity>(metadata, offerColumns),
        words: new Set(foldedWords(String(searchText ?? ''))),
      };
    });
  }

  /**
   * For query words that no catalogue word starts with, up to three catalogue words that look alike
   * (trigram similarity, same first letter): "frezowanei" → "frezowanie".
   */
  private async corrections(words: string[]): Promise<Record<string, string[]>> {
    const candidates = words.filter((w) => w.length >= 4 && w.length <= 40);
    if (candidates.length === 0) return {};
    const rows: { word: string; suggestion: string }[] = await this.db.query(
      `SELECT q.w AS word, s.word AS suggestion
       FROM unnest($1::text[]) AS q(w)
       CROSS JOIN LATERAL (
         SELECT l.word FROM search_lexicon l
         WHERE l.word % q.w AND left(l.word, 1) = left(q.w, 1) AND similarity(l.word, q.w) >= $2
         ORDER BY similarity(l.word, q.w) DESC, l.word LIMIT 3) s
       WHERE NOT EXISTS (SELECT 1 FROM search_lexicon e WHERE e.word >= q.w AND e.word < q.w || chr(1114111))`,
      [candidates, CORRECTION_SIMILARITY],
    );
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[r.word] ??= []).push(r.suggestion);
    return out;
  }

  private epochOf(tables: readonly string[]): string | null {
    const parts: number[] = [];
    for (const t of tables) {
      const e = this.changes.epoch(t);
      if (e === null) return null;
      parts.push(e);
    }
    return parts.join(':');
  }

  private resolveFilter(snap: TaxonomySnapshot, f: OfferSearchFilter, p: ProblemCollector): SearchFilterIds {
    const expand = (codes: string[] | undefined, kind: TaxonomyKind, field: string): string[] | undefined => {
      if (!codes?.length) return undefined;
      const ids: string[] = [];
      codes.forEach((code, i) => {
        const n = snap.byCode.get(code);
        if (!n || n.kind !== kind) p.add(`filter.${field}.${i}`, 'UNKNOWN_REFERENCE', `Unknown ${kind} "${code}".`);
        else ids.push(...snap.withDescendants(n.id));
      });
      return [...new Set(ids)];
    };
    const nonNeg = (v: number | undefined, field: string) => {
      if (v !== undefined && (!Number.isFinite(v) || v < 0 || v > 1_000_000))
        p.add(`filter.${field}`, 'OUT_OF_RANGE', 'Give 0 or more.');
      return v;
    };
    const countries = f.firmCountries?.map((c) => c.toUpperCase());
    countries?.forEach((c, i) => {
      if (c !== 'PL' && c !== 'LT') p.add(`filter.firmCountries.${i}`, 'UNSUPPORTED', 'PL or LT.');
    });
    if (f.servesCountry !== undefined && !/^[A-Za-z]{2}$/.test(f.servesCountry))
      p.add('filter.servesCountry', 'FORMAT', 'An ISO country code such as PL.');
    if (f.clusterId !== undefined && !/^[0-9a-f-]{36}$/i.test(f.clusterId))
      p.add('filter.clusterId', 'FORMAT', 'A cluster id.');
    const certs = (f.certificationCodes ?? []).map(
      (c, i) => expand([c], 'certification', `certificationCodes.${i}`) ?? [],
    );
    return {
      processIds: expand(f.processCodes, 'process', 'processCodes'),
      materialIds: expand(f.materialCodes, 'material', 'materialCodes'),
      certificationIdSets: certs.length ? certs : undefined,
      firmCountries: countries,
      servesCountry: f.servesCountry?.toUpperCase(),
      clusterId: f.clusterId,
      thicknessMm: nonNeg(f.thicknessMm, 'thicknessMm'),
      partLengthMm: nonNeg(f.partLengthMm, 'partLengthMm'),
      partWidthMm: nonNeg(f.partWidthMm, 'partWidthMm'),
      partHeightMm: nonNeg(f.partHeightMm, 'partHeightMm'),
      maxLeadTimeDays: nonNeg(f.maxLeadTimeDays, 'maxLeadTimeDays'),
    };
  }
}
