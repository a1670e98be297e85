import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { ExchangeModule } from './exchange.module';
import { ExchangeResolver } from './graphql/exchange.resolver';

export const EXCHANGE_RESOLVERS = [ExchangeResolver];

/** The GraphQL face of the coordinators' exchange. */
@Module({ imports: [IdentityModule, ExchangeModule], providers: EXCHANGE_RESOLVERS })
export class ExchangeGraphqlModule {}
