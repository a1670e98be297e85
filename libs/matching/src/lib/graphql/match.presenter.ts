import type { MatchView } from '../store/match-queries.service';
import type { MatchModel } from './pipeline.model';

/** Shapes a match for GraphQL; the firm, actions and approvals are field resolvers of `Match`. */
export function presentMatch(v: MatchView): MatchModel {
  return {
    ...v,
    workPackageId: v.packageId,
    crossBorder: v.firmCountry !== v.buyerCountry,
  } as unknown as MatchModel;
}
