import { registerEnumType } from '@nestjs/graphql';

export enum OrderStatusCode {
  draft = 'draft',
  open = 'open',
  awarded = 'awarded',
  in_progress = 'in_progress',
  completed = 'completed',
  cancelled = 'cancelled',
}
registerEnumType(OrderStatusCode, { name: 'OrderStatus' });

export enum OrderVisibilityCode {
  cluster = 'cluster',
  partner_clusters = 'partner_clusters',
  invited = 'invited',
}
registerEnumType(OrderVisibilityCode, {
  name: 'OrderVisibility',
  description: "Who may quote: the buyer's cluster, both partner clusters, or invited firms only.",
});

export enum WorkPackageStatusCode {
  open = 'open',
  awarded = 'awarded',
  in_production = 'in_production',
  handed_over = 'handed_over',
  accepted = 'accepted',
}
registerEnumType(WorkPackageStatusCode, { name: 'WorkPackageStatus' });
