import { roadKm } from '../scoring/geo';
import { rejections, type Candidate, type PackageNeed, type Rejection } from '../scoring/candidate';
import { scoreTotal } from '../scoring/score';

/** A package of the order and the packages (ids) it follows; given in an order where each follows its predecessors. */
export interface ChainPackage {
  need: PackageNeed;
  after: readonly string[];
}

/** The stated cost of a chain: indicative price, days to completion and transport distance, in one currency unit. */
export interface ChainCostWeights {
  /** Cost of one major unit of price (1 PLN or 1 EUR). */
  perPriceUnit: number;
  /** Cost of one day until the last step is done. */
  perDay: number;
  /** Cost of one km of road between consecutive firms and to the delivery place. */
  perKm: number;
}

export const DEFAULT_CHAIN_WEIGHTS: ChainCostWeights = { perPriceUnit: 1, perDay: 150, perKm: 2 };

export interface ChainStep {
  packageId: string;
  key: string;
  candidate: Candidate;
}

export interface ChainProposal {
  steps: ChainStep[];
  /** Sum of the indicative prices (minor units); a step without a price counts as the dearest priced one. */
  totalPriceMinor: number;
  /** True when some step had no indicative price. */
  priceEstimated: boolean;
  completion: Date;
  transportKm: number;
  /** Times the work crosses the PL–LT border between a step and one it follows. */
  borderCrossings: number;
  countries: string[];
  cost: number;
}

export interface NoChain {
  packageId: string;
  key: string;
  /** Offers considered for the package and why each was refused, counted by reason. */
  considered: number;
  reasons: Partial<Record<Rejection, number>>;
}

export type ChainSearchResult = { chains: ChainProposal[]; noChain: null } | { chains: []; noChain: NoChain };

interface State {
  steps: ChainStep[];
  finish: Map<string, number>;
  /** The latest of `finish` (now, before any step). */
  lastDone: number;
  firmOf: Map<string, Candidate>;
  price: number;
  estimated: boolean;
  km: number;
  crossings: number;
  partialCost: number;
}

const DAY = 86_400_000;

/**
 * The best few complete chains (pure): one firm per package, every hard constraint met, least stated cost of price,
 * completion along the dependency graph and transport between consecutive firms. A beam search over the packages
 * in order, each with its best-scored candidates. When some package has no candidate at all, says which and why.
 */
export function proposeChains(
  packages: readonly ChainPackage[],
  candidates: ReadonlyMap<string, readonly Candidate[]>,
  now: Date,
  opts: { limit?: number; beamWidth?: number; perPackage?: number; weights?: ChainCostWeights } = {},
): ChainSearchResult {
  const { limit = 3, beamWidth = 200, perPackage = 8, weights = DEFAULT_CHAIN_WEIGHTS } = opts;
  const eligible = new Map<string, Candidate[]>();
  for (const p of packages) {
    const all = candidates.get(p.need.packageId) ?? [];
    const ok = all.filter((c) => rejections(p.need, c, now).length === 0);
    if (ok.length === 0) {
      const reasons: Partial<Record<Rejection, number>> = {};
      for (const c of all) for (const r of rejections(p.need, c, now)) reasons[r] = (reasons[r] ?? 0) + 1;
      return { chains: [], noChain: { packageId: p.need.packageId, key: p.need.key, considered: all.length, reasons } };
    }
    const ranked = ok
      .map((c) => ({ c, s: scoreTotal(p.need, c, now) }))
      .sort((a, b) => b.s - a.s || a.c.offerId.localeCompare(b.c.offerId))
      .slice(0, perPackage)
      .map((x) => x.c);
    eligible.set(p.need.packageId, ranked);
  }
  const dearest = new Map(
    packages.map((p) => [
      p.need.packageId,
      Math.max(0, ...(eligible.get(p.need.packageId) ?? []).map((c) => c.priceMinor ?? 0)),
    ]),
  );
  const followed = new Set(packages.flatMap((p) => p.after));

  let beam: State[] = [
    {
      steps: [],
      finish: new Map(),
      lastDone: now.getTime(),
      firmOf: new Map(),
      price: 0,
      estimated: false,
      km: 0,
      crossings: 0,
      partialCost: 0,
    },
  ];
  for (const p of packages) {
    // Each extension is costed first; only those that stay in the beam are built (their maps and step lists).
    const next: Extension[] = [];
    const last = !followed.has(p.need.packageId);
    for (const state of beam) {
      let ready = now.getTime();
      for (const a of p.after) ready = Math.max(ready, state.finish.get(a) ?? ready);
      for (const c of eligible.get(p.need.packageId) as Candidate[]) {
        const done = ready + c.leadTimeDays * DAY;
        let km = state.km;
        let crossings = state.crossings;
        for (const a of p.after) {
          const before = state.firmOf.get(a);
          if (!before) continue;
          km += roadKm(before.location, c.location);
          if (before.firmCountry !== c.firmCountry) crossings++;
        }
        if (last) km += roadKm(c.location, p.need.deliveryPlace);
        const price = state.price + (c.priceMinor ?? (dearest.get(p.need.packageId) as number));
        const lastDone = Math.max(state.lastDone, done);
        const days = (lastDone - now.getTime()) / DAY;
        next.push({
          state,
          c,
          done,
          lastDone,
          price,
          km,
          crossings,
          cost: (price / 100) * weights.perPriceUnit + days * weights.perDay + km * weights.perKm,
        });
      }
    }
    next.sort((a, b) => a.cost - b.cost || extensionKey(a).localeCompare(extensionKey(b)));
    beam = next.slice(0, beamWidth).map((x) => ({
      steps: [...x.state.steps, { packageId: p.need.packageId, key: p.need.key, candidate: x.c }],
      finish: new Map(x.state.finish).set(p.need.packageId, x.done),
      lastDone: x.lastDone,
      firmOf: new Map(x.state.firmOf).set(p.need.packageId, x.c),
      price: x.price,
      estimated: x.state.estimated || x.c.priceMinor === null,
      km: x.km,
      crossings: x.crossings,
      partialCost: x.cost,
    }));
  }
  const chains = beam.slice(0, limit).map((s) => ({
    steps: s.steps,
    totalPriceMinor: s.price,
    priceEstimated: s.estimated,
    completion: new Date(s.lastDone),
    transportKm: Math.round(s.km),
    borderCrossings: s.crossings,
    countries: [...new Set(s.steps.map((x) => x.candidate.firmCountry))],
    cost: Math.round(s.partialCost),
  }));
  return { chains, noChain: null };
}

/** A state extended by one more step, costed but not built yet. */
interface Extension {
  state: State;
  c: Candidate;
  done: number;
  lastDone: number;
  price: number;
  km: number;
  crossings: number;
  cost: number;
}

/** The offers of a chain in step order: the tie-break between chains of equal cost. */
function extensionKey(x: Extension): string {
  return [...x.state.steps.map((s) => s.candidate.offerId), x.c.offerId].join('/');
}
