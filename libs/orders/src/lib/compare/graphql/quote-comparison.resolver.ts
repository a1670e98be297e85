import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, FirmService, firmLoader, LoaderCache, requireActor, type Actor } from '@kooperant/identity';
import { QuoteComparisonService, type ComparedOffer } from '../quote-comparison.service';
import { QuoteComparisonModel } from './quote-comparison.model';
import { UuidScalar } from '@kooperant/identity';

@Resolver(() => QuoteComparisonModel)
export class QuoteComparisonResolver {
  constructor(
    private readonly comparisons: QuoteComparisonService,
    private readonly firms: FirmService,
  ) {}

  @Query(() => QuoteComparisonModel, {
    description: "An order's quotes side by side, per package and as chains (buyer, coordinators).",
  })
  async compareQuotes(
    @CurrentActor() actor: Actor | null,
    @Args('orderId', { type: () => UuidScalar }) orderId: string,
    @Context('loaders') l: LoaderCache,
  ) {
    const c = await this.comparisons.compare(requireActor(actor), orderId);
    const loader = firmLoader(l, this.firms);
    const offer = async (o: ComparedOffer) => ({ ...o, firm: await loader.load(o.firmId) });
    return {
      ...c,
      packages: await Promise.all(
        c.packages.map(async (p) => ({ ...p, offers: await Promise.all(p.offers.map(offer)) })),
      ),
      chains: await Promise.all(c.chains.map(async (ch) => ({ ...ch, legs: await Promise.all(ch.legs.map(offer)) }))),
    } as unknown as QuoteComparisonModel;
  }
}
