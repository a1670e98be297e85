import { roadKm } from './geo';
import type { Candidate, PackageNeed } from './candidate';

export interface ScoreWeights {
  capability: number;
  leadTime: number;
  distance: number;
  performance: number;
  load: number;
  /** Set per cluster by its coordinators: how much a partner across the border is preferred (0 = not at all). */
  crossBorder: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  capability: 0.3,
  leadTime: 0.2,
  distance: 0.15,
  performance: 0.2,
  load: 0.1,
  crossBorder: 0.05,
};

/** One named part of a score: its value 0..1, its weight, and why, so that a coordinator sees the reason. */
export interface ScorePart {
  name: keyof ScoreWeights;
  value: number;
  weight: number;
  explanation: string;
}

export interface Score {
  total: number;
  parts: ScorePart[];
}

const DAY = 86_400_000;
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The numbers a score is made of, before the explanations. */
interface Measures {
  exactProcess: boolean;
  /** Limits the package needs that the offer leaves unstated: not a rejection, but a weaker fit. */
  unstated: string[];
  capability: number;
  slackDays: number;
  leadTime: number;
  meanKm: number;
  distance: number;
  onTime: number;
  response: number;
  performance: number;
  load: number;
  crossBorder: number;
}

const NO_LIMIT_UNSTATED: string[] = [];

function measure(
  need: PackageNeed,
  c: Candidate,
  now: Date,
  neighbours: readonly { lat: number; lng: number }[],
): Measures {
  const exactProcess = c.processIds.includes(need.acceptedProcessIds[0]);
  const material = need.acceptedMaterialIds === null ? 0.75 : c.materialIds.length === 0 ? 0.5 : 1;
  const thicknessUnstated = need.thicknessMm !== null && c.maxThicknessMm === null;
  const sizeUnstated =
    (need.partLengthMm !== null && c.maxPartLengthMm === null) ||
    (need.partWidthMm !== null && c.maxPartWidthMm === null) ||
    (need.partHeightMm !== null && c.maxPartHeightMm === null);
  const unstated =
    thicknessUnstated || sizeUnstated
      ? [thicknessUnstated ? 'thickness' : null, sizeUnstated ? 'part size' : null].filter(
          (x): x is string => x !== null,
        )
      : NO_LIMIT_UNSTATED;
  const capability = ((exactProcess ? 0.6 : 0.45) + 0.4 * material) * (1 - 0.1 * unstated.length);
  const slackDays = (need.dueDate.getTime() - now.getTime()) / DAY - c.leadTimeDays;
  const leadTime = Math.max(0, Math.min(1, slackDays / 7));
  let kmSum = roadKm(c.location, need.deliveryPlace);
  for (const p of neighbours) kmSum += roadKm(c.location, p);
  const meanKm = kmSum / (neighbours.length + 1);
  const distance = 1 / (1 + meanKm / 200);
  const onTime = c.onTimeRate ?? 0.5;
  const response = c.quoteResponseRate ?? 0.5;
  // Answering within a day is full marks, within two days half.
  const speed = c.quoteResponseHours === null ? 0.5 : 1 / (1 + Math.max(0, c.quoteResponseHours - 24) / 24);
  const performance = 0.6 * onTime + 0.25 * response + 0.15 * speed;
  const load = 1 / (1 + c.activePackages / 5);
  const crossBorder = c.firmCountry !== need.buyerCountry ? 1 : 0;
  return {
    exactProcess,
    unstated,
    capability,
    slackDays,
    leadTime,
    meanKm,
    distance,
    onTime,
    response,
    performance,
    load,
    crossBorder,
  };
}

/** The weighted mean of the rounded parts, in the order of the parts (the same sum as the explained score's). */
function weighted(m: Measures, w: ScoreWeights): number {
  const weightSum = w.capability + w.leadTime + w.distance + w.performance + w.load + w.crossBorder || 1;
  const sum =
    round(m.capability) * w.capability +
    round(m.leadTime) * w.leadTime +
    round(m.distance) * w.distance +
    round(m.performance) * w.performance +
    round(m.load) * w.load +
    m.crossBorder * w.crossBorder;
  return round(sum / weightSum);
}

/**
 * The total of `scoreCandidate` without its parts and explanations (pure): for ranking many candidates and explaining
 * only those kept.
 */
export function scoreTotal(
  need: PackageNeed,
  c: Candidate,
  now: Date,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
  neighbours: readonly { lat: number; lng: number }[] = [],
): number {
  return weighted(measure(need, c, now, neighbours), weights);
}

/**
 * Scores a candidate that passed the hard constraints (pure). Each part is 0..1:
 * capability (the exact process rather than a neighbour, the named material, more than asked),
 * lead time (days of slack before the due date: a week or more is full marks, none is zero),
 * distance (to the delivery place and to the firms of neighbouring steps: 1 at the door, 0.5 at 200 km by road),
 * performance (on-time hand-overs, invitations answered with a quote and how fast; unknown counts as 0.5),
 * load (packages in production now) and cross-border (a partner across the border, weighted per cluster).
 * `neighbours` are the places of the firms of the steps before and after, where known.
 */
export function scoreCandidate(
  need: PackageNeed,
  c: Candidate,
  now: Date,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
  neighbours: readonly { lat: number; lng: number }[] = [],
): Score {
  const m = measure(need, c, now, neighbours);
  const { exactProcess, unstated, slackDays, meanKm, onTime, response } = m;
  const parts: ScorePart[] = [
    {
      name: 'capability',
      value: round(m.capability),
      weight: weights.capability,
      explanation: `${exactProcess ? 'the very process' : 'a related process'}; ${
        need.acceptedMaterialIds === null
          ? 'any material'
          : c.materialIds.length === 0
            ? 'material not stated'
            : 'the material'
      }${unstated.length ? `; ${unstated.join(' and ')} limit not stated` : ''}`,
    },
    {
      name: 'leadTime',
      value: round(m.leadTime),
      weight: weights.leadTime,
      explanation: `${c.leadTimeDays} days lead time, ${Math.floor(slackDays)} days to spare before the due date`,
    },
    {
      name: 'distance',
      value: round(m.distance),
      weight: weights.distance,
      explanation: `about ${Math.round(meanKm)} km by road on average to the delivery place${neighbours.length ? ' and the neighbouring steps' : ''}`,
    },
    {
      name: 'performance',
      value: round(m.performance),
      weight: weights.performance,
      explanation: `${c.onTimeRate === null ? 'no hand-overs yet' : `${Math.round(onTime * 100)} % on time`}, ${
        c.quoteResponseRate === null ? 'no invitations yet' : `${Math.round(response * 100)} % of invitations answered`
      }${c.quoteResponseHours === null ? '' : `, in ${Math.round(c.quoteResponseHours)} h on average`}`,
    },
    {
      name: 'load',
      value: round(m.load),
      weight: weights.load,
      explanation: `${c.activePackages} packages in production`,
    },
    {
      name: 'crossBorder',
      value: m.crossBorder,
      weight: weights.crossBorder,
      explanation: m.crossBorder ? `across the border (${c.firmCountry})` : `same country (${c.firmCountry})`,
    },
  ];
  return { total: weighted(m, weights), parts };
}
