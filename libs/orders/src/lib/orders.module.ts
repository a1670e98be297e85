import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@kooperant/identity';
import { CatalogueModule } from '@kooperant/catalogue';
import { ORDERS_ENTITIES } from './orders.entities';
import { OrderService } from './order/order.service';
import { RatesModule } from './rates/rates.module';
import { QuoteComparisonService } from './compare/quote-comparison.service';
import { MESSAGES_PROVIDERS } from './message/messages.providers';
import { DOCUMENT_PROVIDERS } from './document/document.providers';
import { DocumentService } from './document/document.service';
import { QuoteService } from './quote/quote.service';
import { AwardService } from './award/award.service';
import { WorkPackageLifecycleService } from './award/work-package-lifecycle.service';

/** Cooperative orders: work packages as a chain, and (next) quotes, awards and tracking. */
@Module({
  imports: [IdentityModule, CatalogueModule, RatesModule, TypeOrmModule.forFeature(ORDERS_ENTITIES)],
  providers: [
    OrderService,
    QuoteService,
    AwardService,
    WorkPackageLifecycleService,
    QuoteComparisonService,
    ...MESSAGES_PROVIDERS,
    ...DOCUMENT_PROVIDERS,
  ],
  exports: [
    OrderService,
    QuoteService,
    AwardService,
    WorkPackageLifecycleService,
    QuoteComparisonService,
    ...MESSAGES_PROVIDERS,
    DocumentService,
    RatesModule,
  ],
})
export class OrdersModule {}
