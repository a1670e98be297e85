import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
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
import { DecideMatchInput, OrderMatchesModel, PackageMatchModel } from './matches.model';

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

  @Mutation(() => PackageMatchModel, {
    description: "A coordinator of the order's cluster introduces a proposed firm to the buyer, or dismisses it.",
  })
  async decideMatch(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: DecideMatchInput,
    @Context('loaders') l: LoaderCache,
  ) {
    const m = await this.store.decide(requireActor(actor), input.matchId, input.decision);
    return { ...m, firm: await firmLoader(l, this.firms).load(m.firmId) } as unknown as PackageMatchModel;
  }
}
