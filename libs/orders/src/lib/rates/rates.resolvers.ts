import { ExchangeRateResolver } from './graphql/exchange-rate.resolver';

/** The GraphQL face of exchange rates: provide these in a module that imports RatesModule. */
export const RATES_RESOLVERS = [ExchangeRateResolver];
