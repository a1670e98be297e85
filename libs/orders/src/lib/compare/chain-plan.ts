/** A candidate step of a chain: which package, who, for how much (order currency, null when unconvertible), how long. */
export interface ChainStep {
  packageId: string;
  firmCountry: string;
  priceMinor: number | null;
  leadTimeDays: number;
}

export interface ChainPlan {
  totalMinor: number | null;
  completion: Date;
  /** How many times the work crosses the PL–LT border between a step and one it follows. */
  borderCrossings: number;
}

/**
 * Total cost and earliest completion of a chain (pure): every step starts when all the steps it follows are done
 * (and not before `start`), and takes its lead time. `predecessors` maps a package to those it follows.
 */
export function planChain(
  steps: readonly ChainStep[],
  predecessors: ReadonlyMap<string, readonly string[]>,
  start: Date,
): ChainPlan {
  const byPackage = new Map(steps.map((s) => [s.packageId, s]));
  const finish = new Map<string, number>();
  const DAY = 86_400_000;
  const finishOf = (id: string, seen: Set<string>): number => {
    const known = finish.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) throw new Error('planChain: the packages form a cycle');
    seen.add(id);
    const step = byPackage.get(id);
    const ready = Math.max(start.getTime(), ...(predecessors.get(id) ?? []).map((p) => finishOf(p, seen)));
    const done = ready + (step?.leadTimeDays ?? 0) * DAY;
    finish.set(id, done);
    return done;
  };
  let completion = start.getTime();
  for (const s of steps) completion = Math.max(completion, finishOf(s.packageId, new Set()));
  let borderCrossings = 0;
  for (const s of steps) {
    for (const p of predecessors.get(s.packageId) ?? []) {
      const before = byPackage.get(p);
      if (before && before.firmCountry !== s.firmCountry) borderCrossings++;
    }
  }
  const total = steps.every((s) => s.priceMinor !== null)
    ? steps.reduce((sum, s) => sum + (s.priceMinor as number), 0)
    : null;
  return { totalMinor: total, completion: new Date(completion), borderCrossings };
}
