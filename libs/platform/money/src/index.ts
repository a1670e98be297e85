export * from './lib/money';
export * from './lib/rate-conversion';
export * from './lib/exchange-rates';
