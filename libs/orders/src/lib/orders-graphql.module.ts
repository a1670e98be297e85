import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { CatalogueModule } from '@kooperant/catalogue';
import { OrdersModule } from './orders.module';
import { OrderResolver } from './graphql/order.resolver';

export const ORDERS_RESOLVERS = [OrderResolver];

/** The GraphQL face of cooperative orders. */
@Module({
  imports: [IdentityModule, CatalogueModule, OrdersModule],
  providers: ORDERS_RESOLVERS,
})
export class OrdersGraphqlModule {}
