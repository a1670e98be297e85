import { buildSearchQuery, decodeCursor, encodeCursor, prefixTsQuery } from './search-query.builder';

const now = new Date('2026-11-26T12:00:00Z');
const base = { taxonomy: [], words: [], freeWords: [], filters: {}, first: 20, now };

describe('buildSearchQuery', () => {
  it('orders by recency when there is no query text', () => {
    const q = buildSearchQuery(base);
    expect(q.ordering).toBe('recent');
    expect(q.sql).toContain('ORDER BY o.published_at DESC, o.id DESC');
    expect(q.params).toEqual([now, 21]);
  });

  it('never splices user text into SQL', () => {
    const evil = "x'); DROP TABLE offer; --";
    const q = buildSearchQuery({ ...base, words: [evil], freeWords: [evil], filters: { servesCountry: evil } });
    expect(q.sql).not.toContain('DROP TABLE');
    expect(q.params).toContain(evil);
  });

  it('ranks taxonomy matches and full text, widening only for free words', () => {
    const q = buildSearchQuery({
      ...base,
      taxonomy: [{ ids: ['a', 'b'], weight: 1 }],
      words: ['frezavimas', 'kolnierzy'],
      freeWords: ['kolnierzy'],
    });
    expect(q.ordering).toBe('rank');
    expect(q.sql).toMatch(
      /\(o\.capability_ids && \$\d+::uuid\[\] OR o\.search_vector @@ to_tsquery\('simple', \$\d+\)\)/,
    );
    expect(q.sql).toMatch(/ts_rank_cd\(o\.search_vector, to_tsquery\('simple', \$\d+\), 1\)/);
    expect(q.params).toContain("'frezavimas':* | 'kolnierzy':*");
    expect(q.params).toContain("'kolnierzy':*");
  });

  it('in all mode requires every concept and every free word', () => {
    const q = buildSearchQuery({
      ...base,
      mode: 'all',
      taxonomy: [
        { ids: ['a'], weight: 1 },
        { ids: ['b'], weight: 0.7 },
      ],
      concepts: [['a'], ['b']],
      words: ['frezavimas', 'plienas', 'kolnierzy', 'tytan'],
      freeWords: ['kolnierzy', 'tytan'],
    });
    expect(q.sql.match(/o\.capability_ids && \$\d+::uuid\[\]/g)!.length).toBe(4); // 2 in the rank, 2 required
    expect(q.params).toContain("'kolnierzy':* & 'tytan':*");
    expect(q.sql).not.toContain(' OR o.search_vector');
  });

  it('matches nothing in all mode when the query has no concept and no word', () => {
    const q = buildSearchQuery({ ...base, mode: 'all', words: ['x'], freeWords: [] });
    expect(q.sql).toContain('AND false');
  });

  it('requires each certification and any of the processes', () => {
    const q = buildSearchQuery({
      ...base,
      filters: { processIds: ['p1', 'p2'], certificationIdSets: [['c1'], ['c2', 'c3']] },
    });
    expect(q.sql.match(/o\.capability_ids && \$\d+::uuid\[\]/g)).toHaveLength(3);
  });

  it('filters thickness within the offered range', () => {
    const q = buildSearchQuery({ ...base, filters: { thicknessMm: 6 } });
    expect(q.sql).toContain('o.max_thickness_mm >= $2 AND coalesce(o.min_thickness_mm, 0) <= $2');
    expect(q.params[1]).toBe(6);
  });

  it('continues after a rank cursor', () => {
    const q = buildSearchQuery({
      ...base,
      words: ['spawanie'],
      after: { kind: 'rank', mode: 'any', rank: 0.5, id: '00000000-0000-0000-0000-000000000001' },
    });
    expect(q.sql).toMatch(/WHERE \(s\.rank < \$\d+ OR \(s\.rank = \$\d+ AND s\.id > \$\d+::uuid\)\)/);
  });
});

describe('prefixTsQuery', () => {
  it('or-s each word with its corrections and joins the words as asked', () => {
    expect(prefixTsQuery(['kolneirze', 'tig'], { kolneirze: ['kolnierze'] }, '&')).toBe(
      "('kolneirze':* | 'kolnierze':*) & 'tig':*",
    );
  });

  it('drops anything that is not a plain word', () => {
    expect(prefixTsQuery(['spawanie', "a'b", 'x', 'tig'])).toBe("'spawanie':* | 'tig':*");
    expect(prefixTsQuery([])).toBeNull();
  });
});

describe('search cursors', () => {
  it('round-trips and rejects forgeries', () => {
    const c = {
      kind: 'rank' as const,
      mode: 'all' as const,
      rank: 1.2345678901234567,
      id: '00000000-0000-0000-0000-000000000001',
    };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(
      decodeCursor(Buffer.from(JSON.stringify({ kind: 'rank', rank: 'NaN', id: 'x' })).toString('base64url')),
    ).toBeNull();
  });
});
