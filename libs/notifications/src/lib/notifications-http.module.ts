import { Module } from '@nestjs/common';
import { NotificationsModule } from './notifications.module';
import { UnsubscribeController } from './http/unsubscribe.controller';

/** The HTTP routes of notifications (outside GraphQL): the unsubscribe link of e-mails. */
@Module({ imports: [NotificationsModule], controllers: [UnsubscribeController] })
export class NotificationsHttpModule {}
