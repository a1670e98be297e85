export * from './lib/orders.module';
export * from './lib/orders-graphql.module';
export * from './lib/orders.entities';
export * from './lib/order/cooperative-order.entity';
export * from './lib/order/work-package.entity';
export * from './lib/order/order.service';
export * from './lib/order/order.errors';
export * from './lib/chain/work-package-graph';
