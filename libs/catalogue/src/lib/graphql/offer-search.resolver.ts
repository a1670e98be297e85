import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { checkPageSize, CurrentActor, pageInfo, requireActor, type Actor } from '@kooperant/identity';
import { OfferSearchService } from '../search/offer-search.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { TaxonomyMatch } from '../taxonomy/taxonomy-snapshot';
import { OfferModel } from './offer.model';
import { OfferSearchConnectionModel } from './offer-search-connection.model';
import { OfferSearchFilterInput } from './offer-search-filter.input';
import type { TaxonomyEntryModel } from './taxonomy-entry.model';
import type { TaxonomyMatchModel } from './taxonomy-match.model';

@Resolver()
export class OfferSearchResolver {
  constructor(
    private readonly search: OfferSearchService,
    private readonly taxonomy: TaxonomyService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => OfferSearchConnectionModel, {
    description:
      'Searches published offers in any of the three languages: a query in one language finds offers written in another through the shared taxonomy.',
  })
  async searchOffers(
    @CurrentActor() actor: Actor | null,
    @Args('query', { nullable: true }) query?: string,
    @Args('filter', { nullable: true }) filter?: OfferSearchFilterInput,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<OfferSearchConnectionModel> {
    const a = requireActor(actor);
    const n = checkPageSize(first, this.config.graphql.maxPageSize);
    const result = await this.search.search(a, query, filter, n, after);
    const snap = await this.taxonomy.snapshot();
    const toModel = (m: TaxonomyMatch): TaxonomyMatchModel => ({
      entry: snap.byId.get(m.entryId) as unknown as TaxonomyEntryModel,
      term: m.term,
      termLocale: m.termLocale,
      queryWords: m.queryWords,
      score: m.score,
    });
    const edges = result.hits.map((h) => ({
      cursor: h.cursor,
      node: h.offer as unknown as OfferModel,
      score: h.score,
      matchedTerms: h.matchedTerms,
      matchedTaxonomy: h.matchedTaxonomy.map(toModel),
    }));
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        result.hasNextPage,
        !!after,
      ),
      interpretation: result.interpretation.map(toModel),
      matchedAllConcepts: result.matchedAllConcepts,
    };
  }
}
