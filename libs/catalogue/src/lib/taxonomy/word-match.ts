/** Optimal-string-alignment distance (a swap of two adjacent letters is one edit), or max+1 once it is over `max`. */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return Math.min(prev[b.length], max + 1);
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/**
 * How well a folded query word matches a folded term word, 0..1:
 * 1 equal; 0.9 same stem (Polish and Lithuanian inflect: "nierdzewna"/"nierdzewnej", "stal"/"stali",
 * "frezavimas"/"frezavimo"); 0.8 a typo (one edit from 5 letters, two from 9, never in the first letter); else 0.
 * Words under 4 letters (cnc, tig, mig) must match exactly.
 */
export function wordMatchScore(query: string, term: string): number {
  if (query === term) return 1;
  const shorter = Math.min(query.length, term.length);
  const longer = Math.max(query.length, term.length);
  if (shorter < 4) return 0;
  const cp = commonPrefix(query, term);
  if (cp === shorter && longer - shorter <= 3) return 0.9;
  if (cp >= 5 && cp >= shorter - 3) return 0.9;
  // Typos rarely hit the first letter, while many words share endings (-avimas, -owanie): keep it fixed.
  const maxEdits = query[0] !== term[0] ? 0 : shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  if (maxEdits > 0 && boundedLevenshtein(query, term, maxEdits) <= maxEdits) return 0.8;
  return 0;
}
