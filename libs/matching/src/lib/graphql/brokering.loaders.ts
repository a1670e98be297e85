import type { LoaderCache } from '@kooperant/identity';
import type { BrokeringService, MatchActionRecord, MatchContext } from '../store/brokering.service';

/** Request-scoped: the actions of every match in a response in one query. */
export function matchActionsLoader(loaders: LoaderCache, brokering: BrokeringService) {
  return loaders.get<string, MatchActionRecord[]>('match.actions', async (ids) => {
    const byId = await brokering.actionsOf([...ids]);
    return ids.map((id) => byId.get(id) ?? []);
  });
}

/**
 * Request-scoped: who may act on a match (order's and firm's side). One query per match, so only asked for the few
 * matches that need it: introductions awaiting approval, and callers with several roles.
 */
export function matchContextLoader(loaders: LoaderCache, brokering: BrokeringService) {
  return loaders.get<string, MatchContext | null>('match.context', (ids) =>
    Promise.all(ids.map((id) => brokering.context(id))),
  );
}
