import { kthLeast } from './select';

describe('kthLeast', () => {
  let seed = 11;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;

  it('finds the same value as sorting, with and without repeated values, at every rank', () => {
    for (const [n, distinct] of [
      [1, 1],
      [2, 2],
      [7, 3],
      [50, 50],
      [333, 4],
      [1000, 1000],
      [5000, 60],
    ]) {
      const xs = Float64Array.from({ length: n }, () => Math.floor(rnd() * distinct) + (rnd() < 0.5 ? 0 : 1e6));
      const sorted = xs.slice().sort();
      for (const k of [0, 1, Math.floor(n / 3), n - 2, n - 1].filter((k) => k >= 0 && k < n)) {
        expect(kthLeast(xs.slice(), k)).toBe(sorted[k]);
      }
    }
  });

  it('handles sorted, reversed and constant input', () => {
    const up = Float64Array.from({ length: 500 }, (_, i) => i);
    expect(kthLeast(up.slice(), 199)).toBe(199);
    expect(kthLeast(up.slice().reverse(), 199)).toBe(199);
    expect(kthLeast(new Float64Array(300).fill(4), 199)).toBe(4);
  });

  it('refuses a rank outside the array', () => {
    expect(() => kthLeast(new Float64Array(3), 3)).toThrow(RangeError);
    expect(() => kthLeast(new Float64Array(0), 0)).toThrow(RangeError);
  });
});
