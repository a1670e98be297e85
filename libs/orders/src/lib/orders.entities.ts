import { CooperativeOrderEntity } from './order/cooperative-order.entity';
import { WorkPackageEntity } from './order/work-package.entity';
import { WorkPackageDependencyEntity } from './order/work-package-dependency.entity';
import { OrderInvitationEntity } from './order/order-invitation.entity';
import { QuoteEntity } from './quote/quote.entity';
import { QuoteLegEntity } from './quote/quote-leg.entity';
import { RATES_ENTITIES } from './rates/rates.entities';
import { MESSAGES_ENTITIES } from './message/messages.entities';
import { DOCUMENT_ENTITIES } from './document/document.entities';

export const ORDERS_ENTITIES = [
  CooperativeOrderEntity,
  WorkPackageEntity,
  WorkPackageDependencyEntity,
  OrderInvitationEntity,
  QuoteEntity,
  QuoteLegEntity,
  ...RATES_ENTITIES,
  ...MESSAGES_ENTITIES,
  ...DOCUMENT_ENTITIES,
];
