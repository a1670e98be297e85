import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  FirmService,
  firmLoader,
  LoaderCache,
  requireActor,
  UuidScalar,
  type Actor,
} from '@kooperant/identity';
import { MatchStoreService } from '../store/match-store.service';
import { OrderMatchesModel } from './matches.model';

@Resolver(() => OrderMatchesModel)
export class MatchesResolver {
  constructor(
    private readonly store: MatchStoreService,
    private readonly firms: FirmService,
  ) {}

  @Query(() => OrderMatchesModel, {
    description: 'Firms proposed for each package of an order, best first, with the parts of their score.',
  })
  async orderMatches(
    @CurrentActor() actor: Actor | null,
    @Args('orderId', { type: () => UuidScalar }) orderId: string,
    @Context('loaders') l: LoaderCache,
  ) {
    const m = await this.store.matchesOf(requireActor(actor), orderId);
    const loader = firmLoader(l, this.firms);
    return {
      ...m,
      packages: await Promise.all(
        m.packages.map(async (p) => ({
          ...p,
          matches: await Promise.all(p.matches.map(async (x) => ({ ...x, firm: await loader.load(x.firmId) }))),
        })),
      ),
    } as unknown as OrderMatchesModel;
  }
}
