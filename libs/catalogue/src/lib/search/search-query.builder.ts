/**
 * Builds the SQL of one catalogue search page. Pure: the service resolves the query into taxonomy id sets
 * and words first; this only writes SQL with numbered parameters (no user text is ever spliced in).
 */
export interface WeightedIdSet {
  ids: string[];
  weight: number;
}

export interface SearchFilterIds {
  /** Any of these (a process filter with its descendants). */
  processIds?: string[];
  materialIds?: string[];
  /** Each inner list must be met (a certification with its descendants). */
  certificationIdSets?: string[][];
  firmCountries?: string[];
  servesCountry?: string;
  clusterId?: string;
  thicknessMm?: number;
  partLengthMm?: number;
  partWidthMm?: number;
  partHeightMm?: number;
  maxLeadTimeDays?: number;
  firmId?: string;
}

/** `all`: an offer must match every concept of the query; `any`: at least one (the fallback when `all` finds nothing). */
export type MatchMode = 'all' | 'any';

export type SearchCursor =
  { kind: 'rank'; mode: MatchMode; rank: number; id: string } | { kind: 'recent'; publishedAt: string; id: string };

export interface SearchQueryInput {
  /** One entry per taxonomy match, with its descendants. */
  taxonomy: WeightedIdSet[];
  /**
   * The query's concepts: taxonomy matches that name the same query words are alternatives of one concept
   * ("cnc" → CNC milling, turning, woodworking). In `all` mode an offer must carry one entry of every concept.
   */
  concepts?: string[][];
  mode?: MatchMode;
  /** Folded words for full-text matching (any of them; more matches rank higher). */
  words: string[];
  /** Folded words that no taxonomy entry explains: these alone widen the result set through full text. */
  freeWords: string[];
  /** Words of the catalogue close to a query word that does not occur in it (misspellings). */
  corrections?: Record<string, string[]>;
  filters: SearchFilterIds;
  first: number;
  after?: SearchCursor;
  now: Date;
}

export interface BuiltQuery {
  sql: string;
  params: unknown[];
  ordering: 'rank' | 'recent';
}

const WORD = /^[\p{L}\p{N}]+$/u;

/**
 * A tsquery from folded words (letters and digits only, so nothing can break the tsquery syntax): each word as a
 * prefix, or-ed with its spelling corrections, the words joined with `|` (any) or `&` (all).
 * `['frezowanei']` with correction `frezowanie` gives `('frezowanei':* | 'frezowanie':*)`.
 */
export function prefixTsQuery(
  words: readonly string[],
  corrections: Readonly<Record<string, readonly string[]>> = {},
  join: '|' | '&' = '|',
): string | null {
  const safe = (w: string) => WORD.test(w) && w.length >= 2;
  const parts = words
    .filter(safe)
    .slice(0, 16)
    .map((w) => {
      const alts = [w, ...(corrections[w] ?? []).filter(safe)].map((a) => `'${a}':*`);
      return alts.length > 1 ? `(${alts.join(' | ')})` : alts[0];
    });
  return parts.length ? parts.join(` ${join} `) : null;
}

/** Weight of full-text relevance next to taxonomy matches (each worth up to 1). */
export const TEXT_WEIGHT = 0.6;

export function buildSearchQuery(q: SearchQueryInput): BuiltQuery {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [`o.status = 'published'`, `o.valid_until > ${p(q.now)}`];
  const f = q.filters;
  if (f.processIds) where.push(`o.capability_ids && ${p(f.processIds)}::uuid[]`);
  if (f.materialIds) where.push(`o.capability_ids && ${p(f.materialIds)}::uuid[]`);
  for (const set of f.certificationIdSets ?? []) where.push(`o.capability_ids && ${p(set)}::uuid[]`);
  if (f.firmCountries?.length) where.push(`o.firm_country = ANY(${p(f.firmCountries)}::char(2)[])`);
  if (f.servesCountry) where.push(`${p(f.servesCountry)}::char(2) = ANY(o.countries_served)`);
  if (f.firmId) where.push(`o.firm_id = ${p(f.firmId)}::uuid`);
  if (f.clusterId) {
    where.push(
      `EXISTS (SELECT 1 FROM cluster_membership cm WHERE cm.firm_id = o.firm_id AND cm.cluster_id = ${p(f.clusterId)}::uuid AND cm.status = 'verified')`,
    );
  }
  if (f.thicknessMm !== undefined) {
    const t = p(f.thicknessMm);
    where.push(`o.max_thickness_mm >= ${t} AND coalesce(o.min_thickness_mm, 0) <= ${t}`);
  }
  if (f.partLengthMm !== undefined) where.push(`o.max_part_length_mm >= ${p(f.partLengthMm)}`);
  if (f.partWidthMm !== undefined) where.push(`o.max_part_width_mm >= ${p(f.partWidthMm)}`);
  if (f.partHeightMm !== undefined) where.push(`o.max_part_height_mm >= ${p(f.partHeightMm)}`);
  if (f.maxLeadTimeDays !== undefined) where.push(`o.lead_time_days <= ${p(f.maxLeadTimeDays)}`);

  const hasText = q.taxonomy.length > 0 || q.words.length > 0;
  if (!hasText) {
    let sql = `SELECT o.id, o.published_at AS "publishedAt", 0::float8 AS rank FROM offer o WHERE ${where.join(' AND ')}`;
    if (q.after?.kind === 'recent') {
      sql += ` AND (o.published_at, o.id) < (${p(q.after.publishedAt)}::timestamptz, ${p(q.after.id)}::uuid)`;
    }
    sql += ` ORDER BY o.published_at DESC, o.id DESC LIMIT ${p(q.first + 1)}`;
    return { sql, params, ordering: 'recent' };
  }

  const mode = q.mode ?? 'any';
  const rankParts: string[] = [];
  for (const t of q.taxonomy) {
    rankParts.push(`CASE WHEN o.capability_ids && ${p(t.ids)}::uuid[] THEN ${Number(t.weight.toFixed(4))} ELSE 0 END`);
  }
  const corr = q.corrections ?? {};
  const rankQuery = prefixTsQuery(q.words, corr);
  if (rankQuery)
    rankParts.push(`${TEXT_WEIGHT} * ts_rank_cd(o.search_vector, to_tsquery('simple', ${p(rankQuery)}), 1)`);
  if (mode === 'all') {
    // Every concept, and every word the taxonomy does not explain (each as a prefix).
    const concepts = q.concepts ?? q.taxonomy.map((t) => t.ids);
    for (const ids of concepts) where.push(`o.capability_ids && ${p(ids)}::uuid[]`);
    const free = prefixTsQuery(q.freeWords, corr, '&');
    if (free) where.push(`o.search_vector @@ to_tsquery('simple', ${p(free)})`);
    if (concepts.length === 0 && !free) where.push('false');
  } else {
    const matchParts: string[] = [];
    if (q.taxonomy.length) {
      matchParts.push(`o.capability_ids && ${p([...new Set(q.taxonomy.flatMap((t) => t.ids))])}::uuid[]`);
    }
    const widen = prefixTsQuery(q.taxonomy.length ? q.freeWords : q.words, corr);
    if (widen) matchParts.push(`o.search_vector @@ to_tsquery('simple', ${p(widen)})`);
    where.push(matchParts.length ? `(${matchParts.join(' OR ')})` : 'false');
  }
  const rank = rankParts.length ? rankParts.join(' + ') : '0';
  let sql = `SELECT s.id, s.rank FROM (SELECT o.id, (${rank})::float8 AS rank FROM offer o WHERE ${where.join(' AND ')}) s`;
  if (q.after?.kind === 'rank') {
    const r = p(q.after.rank);
    sql += ` WHERE (s.rank < ${r} OR (s.rank = ${r} AND s.id > ${p(q.after.id)}::uuid))`;
  }
  sql += ` ORDER BY s.rank DESC, s.id ASC LIMIT ${p(q.first + 1)}`;
  return { sql, params, ordering: 'rank' };
}

export function encodeCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** Null for anything that is not a cursor this code wrote. */
export function decodeCursor(s: string): SearchCursor | null {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;
    const uuid = /^[0-9a-f-]{36}$/;
    if (
      c['kind'] === 'rank' &&
      (c['mode'] === 'all' || c['mode'] === 'any') &&
      typeof c['rank'] === 'number' &&
      Number.isFinite(c['rank']) &&
      typeof c['id'] === 'string' &&
      uuid.test(c['id'])
    )
      return { kind: 'rank', mode: c['mode'], rank: c['rank'], id: c['id'] };
    if (
      c['kind'] === 'recent' &&
      typeof c['publishedAt'] === 'string' &&
      !Number.isNaN(Date.parse(c['publishedAt'])) &&
      typeof c['id'] === 'string' &&
      uuid.test(c['id'])
    )
      return { kind: 'recent', publishedAt: c['publishedAt'], id: c['id'] };
    return null;
  } catch {
    return null;
  }
}
