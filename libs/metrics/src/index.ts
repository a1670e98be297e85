export * from './lib/exchange/exchange.entity';
export * from './lib/exchange/exchange.service';
export * from './lib/exchange/exchange.module';
export * from './lib/exchange/exchange-graphql.module';
