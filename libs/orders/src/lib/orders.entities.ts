import { CooperativeOrderEntity } from './order/cooperative-order.entity';
import { WorkPackageEntity } from './order/work-package.entity';
import { WorkPackageDependencyEntity } from './order/work-package-dependency.entity';
import { OrderInvitationEntity } from './order/order-invitation.entity';

export const ORDERS_ENTITIES = [
  CooperativeOrderEntity,
  WorkPackageEntity,
  WorkPackageDependencyEntity,
  OrderInvitationEntity,
];
