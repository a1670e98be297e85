import { randomUUID } from 'node:crypto';
import { TAXONOMY_SEED } from './taxonomy.seed';
import { TaxonomySnapshot, type TaxonomyNode } from './taxonomy-snapshot';

function snapshotOfSeed(): TaxonomySnapshot {
  const ids = new Map(TAXONOMY_SEED.map((e) => [e.code, randomUUID()]));
  const nodes: TaxonomyNode[] = TAXONOMY_SEED.map((e) => ({
    id: ids.get(e.code) as string,
    code: e.code,
    kind: e.kind,
    parentId: e.parentCode ? (ids.get(e.parentCode) ?? null) : null,
    labels: e.labels,
    synonyms: e.synonyms,
  }));
  return new TaxonomySnapshot(nodes);
}

const snap = snapshotOfSeed();
const codes = (q: string) => snap.analyse(q).matches.map((m) => m.code);

describe('TaxonomySnapshot', () => {
  it('finds CNC milling from the Lithuanian word "frezavimas"', () => {
    expect(codes('frezavimas')).toEqual(['process.cnc-milling']);
  });

  it('finds CNC milling from Polish, English and Lithuanian phrasings alike', () => {
    for (const q of ['frezowanie CNC', 'CNC milling', 'CNC frezavimas', 'frezowanie']) {
      expect(codes(q)).toContain('process.cnc-milling');
    }
  });

  it('finds stainless steel from "nerūdijantis plienas" and without diacritics', () => {
    expect(codes('nerūdijantis plienas')).toEqual(['material.stainless-steel']);
    expect(codes('nerudijantis plienas')).toEqual(['material.stainless-steel']);
    expect(codes('stal nierdzewna')).toEqual(['material.stainless-steel']);
  });

  it('tolerates a typo and an inflected form', () => {
    expect(codes('frezowanei')).toContain('process.cnc-milling'); // swapped letters
    expect(codes('stali nierdzewnej')).toEqual(['material.stainless-steel']); // Polish genitive
  });

  it('does not add structural steel when the query says stainless steel', () => {
    expect(codes('stal nierdzewna')).not.toContain('material.structural-steel');
  });

  it('understands a query naming a process and a material', () => {
    const c = codes('frezavimas nerūdijantis plienas');
    expect(c).toEqual(expect.arrayContaining(['process.cnc-milling', 'material.stainless-steel']));
  });

  it('keeps words no entry explains as free words', () => {
    const a = snap.analyse('frezowanie tytanowych kołnierzy');
    expect(a.matches.map((m) => m.code)).toContain('process.cnc-milling');
    expect(a.freeWords).toEqual(expect.arrayContaining(['kolnierzy']));
  });

  it('matches nothing for an empty or meaningless query', () => {
    expect(snap.analyse('').matches).toEqual([]);
    expect(snap.analyse('   !!! ').words).toEqual([]);
    expect(snap.analyse('xyzzy qwerty').matches).toEqual([]);
  });

  it('expands a process to its descendants', () => {
    const cutting = snap.byCode.get('process.cutting');
    const laser = snap.byCode.get('process.laser-cutting');
    expect(cutting && laser).toBeTruthy();
    expect(snap.withDescendants(cutting!.id)).toContain(laser!.id);
    expect(snap.withDescendants(laser!.id)).toEqual([laser!.id]);
  });

  it('lists ancestors nearest first', () => {
    const laser = snap.byCode.get('process.laser-cutting')!;
    expect(snap.ancestorsOf(laser.id).map((n) => n.code)[0]).toBe('process.cutting');
  });

  it('says which words and which term matched', () => {
    const [m] = snap.analyse('frezavimas').matches;
    expect(m.queryWords).toEqual(['frezavimas']);
    expect(m.termLocale).toBe('lt');
    expect(m.score).toBeGreaterThan(0.9);
  });
});

describe('TaxonomySnapshot inexact matches', () => {
  it('prefers the exact word over a one-letter neighbour', () => {
    expect(codes('toczenie')).toEqual(['process.cnc-turning']);
  });
});
