import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, requireActor, type Actor } from '@kooperant/identity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { TaxonomyNode } from '../taxonomy/taxonomy-snapshot';
import { TaxonomyKindCode } from './catalogue.enums';
import { TaxonomyEntryModel } from './taxonomy-entry.model';

@Resolver(() => TaxonomyEntryModel)
export class TaxonomyResolver {
  constructor(private readonly taxonomyService: TaxonomyService) {}

  @Query(() => [TaxonomyEntryModel], { description: 'The capability taxonomy, optionally one kind.' })
  async taxonomy(
    @CurrentActor() actor: Actor | null,
    @Args('kind', { type: () => TaxonomyKindCode, nullable: true }) kind?: TaxonomyKindCode,
  ) {
    requireActor(actor);
    return this.taxonomyService.entries(kind);
  }

  @Query(() => TaxonomyEntryModel, { nullable: true })
  async taxonomyEntry(@CurrentActor() actor: Actor | null, @Args('code') code: string) {
    requireActor(actor);
    return (await this.taxonomyService.snapshot()).byCode.get(code) ?? null;
  }

  @ResolveField(() => TaxonomyEntryModel, { nullable: true })
  async parent(@Parent() e: TaxonomyNode) {
    return e.parentId ? ((await this.taxonomyService.snapshot()).byId.get(e.parentId) ?? null) : null;
  }

  @ResolveField(() => [TaxonomyEntryModel])
  async children(@Parent() e: TaxonomyNode) {
    return (await this.taxonomyService.snapshot()).childrenOf(e.id);
  }
}
