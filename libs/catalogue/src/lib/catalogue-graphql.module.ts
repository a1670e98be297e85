import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { CatalogueModule } from './catalogue.module';
import { OfferResolver } from './graphql/offer.resolver';
import { OfferSearchResolver } from './graphql/offer-search.resolver';
import { TaxonomyResolver } from './graphql/taxonomy.resolver';

@Module({
  imports: [IdentityModule, CatalogueModule],
  providers: [OfferResolver, OfferSearchResolver, TaxonomyResolver],
})
export class CatalogueGraphqlModule {}
