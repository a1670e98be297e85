import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { CatalogueModule } from './catalogue.module';
import { OfferResolver } from './graphql/offer.resolver';
import { OfferSearchResolver } from './graphql/offer-search.resolver';
import { TaxonomyResolver } from './graphql/taxonomy.resolver';

export const CATALOGUE_RESOLVERS = [OfferResolver, OfferSearchResolver, TaxonomyResolver];

@Module({
  imports: [IdentityModule, CatalogueModule],
  providers: CATALOGUE_RESOLVERS,
})
export class CatalogueGraphqlModule {}
