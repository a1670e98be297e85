import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { GeoPoint } from '../scoring/geo';
import { rejections, type Candidate, type Rejection } from '../scoring/candidate';
import { DEFAULT_WEIGHTS, scoreCandidate, scoreTotal, type Score, type ScoreWeights } from '../scoring/score';
import { CandidateRetrievalService, type MatchingOrder } from '../retrieval/candidate-retrieval.service';
import type { ChainPackage } from '../chain/chain-search';

export interface RankedMatch {
  candidate: Candidate;
  score: Score;
}

/** The firms that could carry out one package, best first, and how many offers were refused for which reason. */
export interface PackageRanking {
  packageId: string;
  key: string;
  matches: RankedMatch[];
  /** Offers whose process fits, before the hard constraints. */
  considered: number;
  refused: Partial<Record<Rejection, number>>;
}

/** The rankings of an order's packages, with what chain proposals are computed from. */
export interface OrderRanking {
  orderId: string;
  clusterId: string;
  packages: PackageRanking[];
  chain: ChainPackage[];
  /** Every offer whose process fits, per package id (the chain search applies the hard constraints itself). */
  candidates: Map<string, Candidate[]>;
  weights: ScoreWeights;
}

/**
 * Ranks firms for every package of an order: hard constraints first, then the explained score. A firm with several
 * fitting offers appears once, with its best. The distance part counts the firms already awarded the neighbouring
 * steps, so a chain being built prefers partners close to the ones already chosen.
 */
@Injectable()
export class PackageRankingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly retrieval: CandidateRetrievalService,
  ) {}

  async rankOrder(orderId: string, opts: { now?: Date; limit?: number } = {}): Promise<PackageRanking[]> {
    return (await this.rankOrderWithChain(orderId, opts)).packages;
  }

  /**
   * Ranks every package of the order with the weights of the order's cluster (its coordinators set the cross-border
   * weight), keeping the candidates for the chain search.
   */
  async rankOrderWithChain(
    order: string | MatchingOrder,
    opts: { now?: Date; limit?: number } = {},
  ): Promise<OrderRanking> {
    const { now = new Date(), limit = 20 } = opts;
    const { order: loaded, packages } = await this.retrieval.chainOf(order);
    const weights =
      loaded.crossBorderWeight === null
        ? DEFAULT_WEIGHTS
        : { ...DEFAULT_WEIGHTS, crossBorder: loaded.crossBorderWeight };
    const candidates = new Map<string, Candidate[]>();
    const awarded = new Map(
      loaded.packages.filter((p) => p.awardedFirmId).map((p) => [p.id, p.awardedFirmId as string]),
    );
    const places = await this.firmPlaces([...new Set(awarded.values())]);
    const out: PackageRanking[] = [];
    for (const p of packages) {
      const neighbourIds = [
        ...p.after,
        ...packages.filter((q) => q.after.includes(p.need.packageId)).map((q) => q.need.packageId),
      ];
      const neighbours = neighbourIds
        .map((id) => places.get(awarded.get(id) ?? ''))
        .filter((x): x is GeoPoint => x !== undefined);
      const found = await this.retrieval.candidatesFor(p.need, now);
      candidates.set(p.need.packageId, found);
      const refused: Partial<Record<Rejection, number>> = {};
      const bestOfFirm = new Map<string, { candidate: Candidate; total: number }>();
      for (const c of found) {
        const r = rejections(p.need, c, now);
        if (r.length) {
          for (const reason of r) refused[reason] = (refused[reason] ?? 0) + 1;
          continue;
        }
        const total = scoreTotal(p.need, c, now, weights, neighbours);
        const held = bestOfFirm.get(c.firmId);
        if (!held || total > held.total) bestOfFirm.set(c.firmId, { candidate: c, total });
      }
      // Only the firms kept are explained.
      const matches = [...bestOfFirm.values()]
        .sort((a, b) => b.total - a.total || a.candidate.offerId.localeCompare(b.candidate.offerId))
        .slice(0, limit)
        .map((m) => ({ candidate: m.candidate, score: scoreCandidate(p.need, m.candidate, now, weights, neighbours) }));
      out.push({ packageId: p.need.packageId, key: p.need.key, matches, considered: found.length, refused });
    }
    return { orderId: loaded.id, clusterId: loaded.clusterId, packages: out, chain: packages, candidates, weights };
  }

  private async firmPlaces(ids: string[]): Promise<Map<string, GeoPoint>> {
    if (!ids.length) return new Map();
    const rows: { id: string; lat: number; lng: number }[] = await this.db.query(
      `SELECT id, lat, lng FROM firm WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { lat: r.lat, lng: r.lng }]));
  }
}
