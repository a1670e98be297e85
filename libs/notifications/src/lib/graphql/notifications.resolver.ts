import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  checkPageSize,
  CurrentActor,
  decodeCreatedCursor,
  encodeCreatedCursor,
  pageInfo,
  requireActor,
  UuidScalar,
  type Actor,
} from '@kooperant/identity';
import { NotificationService } from '../store/notification.service';
import { NotificationConnectionModel, NotificationModel } from './notification.model';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

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
    const edges = page.items.map((n) => ({ cursor: encodeCreatedCursor(n), node: n as NotificationModel }));
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        page.hasNextPage,
        !!after,
      ),
    };
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

  @Mutation(() => Int, { description: 'Marks all your notifications read; returns how many were unread.' })
  markAllNotificationsRead(@CurrentActor() actor: Actor | null): Promise<number> {
    return this.service.markAllRead(requireActor(actor));
  }
}
