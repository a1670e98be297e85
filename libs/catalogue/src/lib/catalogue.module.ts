import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CATALOGUE_ENTITIES } from './catalogue.entities';
import { CAPABILITY_VOCABULARY, IdentityModule } from '@kooperant/identity';
import { TaxonomyService } from './taxonomy/taxonomy.service';
import { OfferService } from './offer/offer.service';
import { OfferSearchService } from './search/offer-search.service';

/** Catalogue services. Global so that identity can reach the taxonomy through CAPABILITY_VOCABULARY. */
@Global()
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature(CATALOGUE_ENTITIES)],
  providers: [
    TaxonomyService,
    OfferService,
    OfferSearchService,
    { provide: CAPABILITY_VOCABULARY, useExisting: TaxonomyService },
  ],
  exports: [TaxonomyService, OfferService, OfferSearchService, CAPABILITY_VOCABULARY],
})
export class CatalogueModule {}
