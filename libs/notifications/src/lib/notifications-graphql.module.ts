import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { NotificationsModule } from './notifications.module';
import { NotificationsResolver } from './graphql/notifications.resolver';
import { WebhookResolver } from './webhooks/graphql/webhook.resolver';

export const NOTIFICATIONS_RESOLVERS = [NotificationsResolver, WebhookResolver];

/** The GraphQL face of notifications. */
@Module({
  imports: [IdentityModule, NotificationsModule],
  providers: NOTIFICATIONS_RESOLVERS,
})
export class NotificationsGraphqlModule {}
