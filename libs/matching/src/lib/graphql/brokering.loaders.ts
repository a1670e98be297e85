import type { LoaderCache } from '@kooperant/identity';
import type { BrokeringService, MatchActionRecord, MatchContext } from '../store/brokering.service';

/** Request-scoped: the actions of every match in a response in one query. */
export function matchActionsLoader(loaders: LoaderCache, brokering: BrokeringService) {
  return loaders.get<string, MatchActionRecord[]>('match.actions', async (ids) => {
    const byId = await brokering.actionsOf([...ids]);
    return ids.map((id) => byId.get(id) ?? []);
  });
}

/** Request-scoped: who is on each side of every match in a response (order's, handling and firm's cluster), in one query. */
export function matchContextLoader(loaders: LoaderCache, brokering: BrokeringService) {
  return loaders.get<string, MatchContext | null>('match.context', async (ids) => {
    const byId = await brokering.contexts([...ids]);
    return ids.map((id) => byId.get(id) ?? null);
  });
}
