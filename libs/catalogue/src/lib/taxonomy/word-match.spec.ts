import { boundedLevenshtein, wordMatchScore } from './word-match';

describe('wordMatchScore', () => {
  it('scores equal words 1', () => expect(wordMatchScore('spawanie', 'spawanie')).toBe(1));
  it('accepts inflected forms sharing a stem', () => {
    expect(wordMatchScore('nierdzewnej', 'nierdzewna')).toBe(0.9);
    expect(wordMatchScore('stali', 'stal')).toBe(0.9);
    expect(wordMatchScore('frezavimo', 'frezavimas')).toBe(0.9);
  });
  it('accepts one typo from five letters and two from nine', () => {
    expect(wordMatchScore('spawnie', 'spawanie')).toBe(0.8);
    expect(wordMatchScore('frezwoanie', 'frezowanie')).toBe(0.8);
    expect(wordMatchScore('lazrinis', 'lazerinis')).toBe(0.8);
  });
  it('requires short words such as cnc and tig to match exactly', () => {
    expect(wordMatchScore('cnc', 'cnc')).toBe(1);
    expect(wordMatchScore('tig', 'mig')).toBe(0);
    expect(wordMatchScore('cn', 'cnc')).toBe(0);
  });
  it('does not confuse different words of one language', () => {
    expect(wordMatchScore('toczenie', 'tloczenie')).toBe(0.8); // one edit; the snapshot drops it when an exact match exists
    expect(wordMatchScore('presavimas', 'frezavimas')).toBe(0); // shared ending, different first letter
    expect(wordMatchScore('spawanie', 'gwintowanie')).toBe(0);
    expect(wordMatchScore('frezavimas', 'frezowanie')).toBe(0);
  });
});

describe('boundedLevenshtein', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(boundedLevenshtein('abc', 'abc', 2)).toBe(0);
    expect(boundedLevenshtein('abc', 'abd', 2)).toBe(1);
    expect(boundedLevenshtein('abc', 'acb', 2)).toBe(1);
    expect(boundedLevenshtein('abc', 'ab', 2)).toBe(1);
  });
  it('stops at max + 1', () => {
    expect(boundedLevenshtein('aaaaaaa', 'bbbbbbb', 2)).toBe(3);
    expect(boundedLevenshtein('a', 'abcdef', 2)).toBe(3);
  });
});
