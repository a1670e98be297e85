import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { foldedWords } from '@kooperant/platform-i18n';
import type { Actor } from '@kooperant/identity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { TaxonomyMatch, TaxonomySnapshot } from '../taxonomy/taxonomy-snapshot';
import type { TaxonomyKind } from '../taxonomy/taxonomy-entry.entity';
import { OfferEntity } from '../offer/offer.entity';
import {
  buildSearchQuery,
  decodeCursor,
  encodeCursor,
  type SearchCursor,
  type SearchFilterIds,
} from './search-query.builder';

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
  offer: OfferEntity;
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
}

const KIND_WEIGHT: Record<TaxonomyKind, number> = {
  process: 1,
  product: 0.9,
  material: 0.7,
  certification: 0.6,
  nace: 0.5,
};
const MAX_QUERY_LENGTH = 200;

@Injectable()
export class OfferSearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async search(
    _actor: Actor,
    query: string | undefined,
    filter: OfferSearchFilter | undefined,
    first: number,
    after?: string,
  ): Promise<OfferSearchResult> {
    const problems = new ProblemCollector();
    const text = (query ?? '').trim();
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
    const built = buildSearchQuery({
      taxonomy: expanded.map((e) => ({ ids: e.ids, weight: e.match.score * KIND_WEIGHT[e.match.kind] })),
      words: analysis.words,
      freeWords: analysis.freeWords,
      filters,
      first,
      after: cursor,
      now: new Date(),
    });
    if (cursor && cursor.kind !== built.ordering)
      throw DomainError.invalid('after', 'INVALID_CURSOR', 'This cursor belongs to another query.');
    const rows: { id: string; rank: number; publishedAt?: Date }[] = await this.db.query(built.sql, built.params);
    const page = rows.slice(0, first);
    const offers = page.length
      ? await this.db
          .getRepository(OfferEntity)
          .createQueryBuilder('o')
          .addSelect('o.searchText')
          .where({ id: In(page.map((r) => r.id)) })
          .getMany()
      : [];
    const byId = new Map(offers.map((o) => [o.id, o]));
    const hits: OfferSearchHit[] = [];
    for (const r of page) {
      const offer = byId.get(r.id);
      if (!offer) continue; // deleted between the two queries
      const caps = new Set(offer.capabilityIds);
      const matchedTaxonomy = expanded.filter((e) => e.ids.some((id) => caps.has(id))).map((e) => e.match);
      const docWords = new Set(foldedWords(offer.searchText ?? ''));
      const textWords = analysis.words.filter(
        (w) => docWords.has(w) || [...docWords].some((d) => w.length >= 2 && d.startsWith(w)),
      );
      const matchedTerms = [...new Set([...matchedTaxonomy.flatMap((m) => m.queryWords), ...textWords])];
      const c: SearchCursor =
        built.ordering === 'rank'
          ? { kind: 'rank', rank: Number(r.rank), id: r.id }
          : { kind: 'recent', publishedAt: new Date(r.publishedAt as Date).toISOString(), id: r.id };
      delete (offer as Partial<OfferEntity>).searchText;
      hits.push({ offer, cursor: encodeCursor(c), score: Number(r.rank), matchedTerms, matchedTaxonomy });
    }
    return { hits, hasNextPage: rows.length > first, interpretation: analysis.matches };
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
