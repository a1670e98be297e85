import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  checkPageSize,
  decodeCreatedCursor,
  encodeCreatedCursor,
  CurrentActor,
  FirmService,
  firmLoader,
  LoaderCache,
  pageInfo,
  requireActor,
  type Actor,
} from '@kooperant/identity';
import { OfferService } from '../offer/offer.service';
import type { OfferEntity, OfferStatus } from '../offer/offer.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { IndicativePriceModel } from './indicative-price.model';
import { OfferCapacityModel } from './offer-capacity.model';
import { OfferConnectionModel } from './offer-connection.model';
import { OfferModel } from './offer.model';
import { TaxonomyEntryModel } from './taxonomy-entry.model';
import { CreateOfferInput } from './create-offer.input';
import { MyOffersFilterInput } from './my-offers-filter.input';
import { OfferIdInput } from './offer-id.input';
import { UpdateOfferInput } from './update-offer.input';
import { UuidScalar } from '@kooperant/identity';

@Resolver(() => OfferModel)
export class OfferResolver {
  constructor(
    private readonly offers: OfferService,
    private readonly firms: FirmService,
    private readonly taxonomy: TaxonomyService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => OfferModel, { description: 'An offer: published ones for everyone signed in, others for their firm.' })
  async offer(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => UuidScalar }) id: string,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.withFirm(await this.offers.getOffer(requireActor(actor), id), l);
  }

  @Query(() => OfferConnectionModel, { description: "Offers of the caller's firms, newest first." })
  async myOffers(
    @CurrentActor() actor: Actor | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('filter', { nullable: true }) filter?: MyOffersFilterInput,
    @Context('loaders') l?: LoaderCache,
  ): Promise<OfferConnectionModel> {
    const a = requireActor(actor);
    const n = checkPageSize(first, this.config.graphql.maxPageSize);
    const cursor = after ? decodeCreatedCursor(after) : undefined;
    const page = await this.offers.myOffers(a, {
      firmId: filter?.firmId,
      status: filter?.status as OfferStatus | undefined,
      first: n,
      after: cursor,
    });
    const nodes = await Promise.all(page.items.map((o) => this.withFirm(o, l as LoaderCache)));
    const edges = nodes.map((o) => ({ cursor: encodeCreatedCursor(o), node: o as unknown as OfferModel }));
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        page.hasNextPage,
        !!after,
      ),
    };
  }

  @Mutation(() => OfferModel, { description: 'Creates a draft offer for one of your firms.' })
  async createOffer(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: CreateOfferInput,
    @Context('loaders') l: LoaderCache,
  ) {
    const { idempotencyKey, ...cmd } = input;
    return this.withFirm(await this.offers.createOffer(requireActor(actor), cmd, idempotencyKey), l);
  }

  @Mutation(() => OfferModel)
  async updateOffer(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: UpdateOfferInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.withFirm(await this.offers.updateOffer(requireActor(actor), input), l);
  }

  @Mutation(() => OfferModel, { description: 'Publishes a draft into the catalogue (verified firms only).' })
  async publishOffer(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: OfferIdInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.withFirm(await this.offers.publishOffer(requireActor(actor), input.offerId), l);
  }

  @Mutation(() => OfferModel)
  async archiveOffer(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: OfferIdInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.withFirm(await this.offers.archiveOffer(requireActor(actor), input.offerId), l);
  }

  /**
   * Offers are returned with their firm attached (one batched load per request) rather than through a field
   * resolver: each resolver call through Nest costs ~9 µs, which made the firm field half of a search's time.
   */
  private async withFirm(offer: OfferEntity, l: LoaderCache): Promise<OfferEntity> {
    return { ...offer, firm: (await firmLoader(l, this.firms).load(offer.firmId)) ?? undefined };
  }

  @ResolveField(() => [TaxonomyEntryModel])
  async processes(@Parent() offer: OfferEntity) {
    return this.entries(offer.processIds);
  }

  @ResolveField(() => [TaxonomyEntryModel])
  async materials(@Parent() offer: OfferEntity) {
    return this.entries(offer.materialIds);
  }

  @ResolveField(() => [TaxonomyEntryModel])
  async certifications(@Parent() offer: OfferEntity) {
    return this.entries(offer.certificationIds);
  }

  @ResolveField(() => OfferCapacityModel)
  capacity(@Parent() o: OfferEntity): OfferCapacityModel {
    return o as unknown as OfferCapacityModel;
  }

  @ResolveField(() => IndicativePriceModel, { nullable: true })
  price(@Parent() o: OfferEntity): IndicativePriceModel | null {
    if (o.priceMinor === null || !o.priceCurrency || !o.priceUnit) return null;
    return { amountMinor: o.priceMinor, currency: o.priceCurrency, unit: o.priceUnit } as IndicativePriceModel;
  }

  private async entries(ids: string[]) {
    const snap = await this.taxonomy.snapshot();
    return ids.map((id) => snap.byId.get(id)).filter((n) => n !== undefined);
  }
}
