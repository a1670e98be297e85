import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@kooperant/identity';
import { CatalogueModule } from '@kooperant/catalogue';
import { ORDERS_ENTITIES } from './orders.entities';
import { OrderService } from './order/order.service';

/** Cooperative orders: work packages as a chain, and (next) quotes, awards and tracking. */
@Module({
  imports: [IdentityModule, CatalogueModule, TypeOrmModule.forFeature(ORDERS_ENTITIES)],
  providers: [OrderService],
  exports: [OrderService],
})
export class OrdersModule {}
