import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { CatalogueModule } from '@kooperant/catalogue';
import { OrdersModule } from './orders.module';
import { OrderResolver } from './graphql/order.resolver';
import { QuoteResolver } from './graphql/quote.resolver';
import { AwardResolver } from './graphql/award.resolver';
import { OrderPresenter } from './graphql/order-presenter.service';
import { RATES_RESOLVERS } from './rates/rates.resolvers';
import { QuoteComparisonResolver } from './compare/graphql/quote-comparison.resolver';
import { MESSAGES_RESOLVERS } from './message/messages.resolvers';
import { DOCUMENT_RESOLVERS } from './document/document.resolvers';

export const ORDERS_RESOLVERS = [
  OrderResolver,
  QuoteResolver,
  AwardResolver,
  QuoteComparisonResolver,
  ...RATES_RESOLVERS,
  ...MESSAGES_RESOLVERS,
  ...DOCUMENT_RESOLVERS,
];

/** The GraphQL face of cooperative orders. */
@Module({
  imports: [IdentityModule, CatalogueModule, OrdersModule],
  providers: [...ORDERS_RESOLVERS, OrderPresenter],
})
export class OrdersGraphqlModule {}
