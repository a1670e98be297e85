import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { OrdersModule } from '@kooperant/orders';
import { DocumentsController } from './documents.controller';

/** The REST routes of order documents: upload and download. Needs registerBinaryBody in main.ts. */
@Module({
  imports: [IdentityModule, OrdersModule],
  controllers: [DocumentsController],
})
export class DocumentsHttpModule {}
