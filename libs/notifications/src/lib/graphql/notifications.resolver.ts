import { Inject, Optional } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { LIVE_PUBSUB, notificationChannel, type LivePubSub } from '@kooperant/platform-queue';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  checkPageSize,
  CurrentActor,
  createdConnection,
  decodeCreatedCursor,
  requireActor,
  UuidScalar,
  type Actor,
} from '@kooperant/identity';
import { NotificationService, type NotificationView } from '../store/notification.service';
import { NotificationPreferencesService } from '../preferences/notification-preferences.service';
import { NotificationConnectionModel, NotificationModel, NotificationPreferencesModel } from './notification.model';
import { UpdateNotificationPreferencesInput } from './update-notification-preferences.input';

/** A notification as it comes over Redis (JSON: dates as strings). */
function revive(n: NotificationView): NotificationView {
  return { ...n, createdAt: new Date(n.createdAt), readAt: n.readAt ? new Date(n.readAt) : null };
}

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationService,
    private readonly preferences: NotificationPreferencesService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
    @Optional() @Inject(LIVE_PUBSUB) private readonly live: LivePubSub | null,
  ) {}

  @Subscription(() => NotificationModel, {
    description:
      'Your notifications as they come (graphql-ws; authenticate with connectionParams { authorization: "Bearer …" }).',
    resolve: (p: { notificationAdded: NotificationView }) => revive(p.notificationAdded),
  })
  notificationAdded(@CurrentActor() actor: Actor | null): AsyncIterator<unknown> {
    const userId = requireActor(actor).userId;
    if (this.live) return this.live.asyncIterableIterator(notificationChannel(userId));
    return this.polled(userId);
  }

  /** Without Redis (embedded mode): the user's new notifications, looked up every two seconds. */
  private async *polled(userId: string): AsyncGenerator<{ notificationAdded: NotificationView }> {
    let last = new Date();
    for (;;) {
      await new Promise((r) => setTimeout(r, 2000));
      for (const n of await this.service.since(userId, last)) {
        last = n.createdAt;
        yield { notificationAdded: n };
      }
    }
  }

  @Query(() => NotificationConnectionModel, { description: 'Your notifications, newest first.' })
  async notifications(
    @CurrentActor() actor: Actor | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('unreadOnly', { nullable: true, defaultValue: false }) unreadOnly?: boolean,
  ): Promise<NotificationConnectionModel> {
    const page = await this.service.list(requireActor(actor), {
      first: checkPageSize(first, this.config.graphql.maxPageSize),
      after: after ? decodeCreatedCursor(after) : undefined,
      unreadOnly: unreadOnly ?? false,
    });
    return createdConnection(page, after, (x) => x as NotificationModel);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  unreadNotificationCount(@CurrentActor() actor: Actor | null): Promise<number> {
    return this.service.unreadCount(requireActor(actor));
  }

  @Mutation(() => NotificationModel, { description: 'Marks one of your notifications read.' })
  async markNotificationRead(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => UuidScalar }) id: string,
  ): Promise<NotificationModel> {
    return (await this.service.markRead(requireActor(actor), id)) as NotificationModel;
  }

  @Query(() => NotificationPreferencesModel, {
    description:
      'For every kind of notification: how you get it by e-mail (in the app you always do); the digest hour.',
  })
  notificationPreferences(@CurrentActor() actor: Actor | null) {
    return this.preferences.preferences(requireActor(actor));
  }

  @Mutation(() => NotificationPreferencesModel, {
    description:
      'Changes how kinds of notification come by e-mail (off, immediately, daily digest) and the digest hour.',
  })
  updateNotificationPreferences(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: UpdateNotificationPreferencesInput,
  ) {
    return this.preferences.update(requireActor(actor), input);
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; returns how many were unread.' })
  markAllNotificationsRead(@CurrentActor() actor: Actor | null): Promise<number> {
    return this.service.markAllRead(requireActor(actor));
  }
}
