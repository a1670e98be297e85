import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  checkPageSize,
  CurrentActor,
  decodeCreatedCursor,
  encodeCreatedCursor,
  FirmService,
  firmLoader,
  LoaderCache,
  pageInfo,
  requireActor,
  type Actor,
} from '@kooperant/identity';
import { MessageService } from '../message.service';
import type { MessageEntity } from '../message.entity';
import { MessageModel } from './message.model';
import { MessageConnectionModel } from './message-connection.model';
import { MessageThreadReadModel } from './message-thread-read.model';
import { UnreadCountModel } from './unread-count.model';
import { PostMessageInput } from './post-message.input';
import { MarkMessagesReadInput } from './mark-messages-read.input';
import { messageAuthorLoader } from './message-author.loader';
import { UuidScalar } from '@kooperant/identity';

/** Message threads of orders and quotes, between the buyer, the suppliers concerned and the cluster coordinators. */
@Resolver(() => MessageModel)
export class MessageResolver {
  constructor(
    private readonly messages: MessageService,
    private readonly firms: FirmService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => MessageConnectionModel, {
    description: "A thread, newest first: the order's general thread, or a quote's thread when quoteId is given.",
  })
  async orderMessages(
    @CurrentActor() actor: Actor | null,
    @Context('loaders') l: LoaderCache,
    @Args('orderId', { type: () => UuidScalar }) orderId: string,
    @Args('quoteId', { type: () => UuidScalar, nullable: true }) quoteId: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<MessageConnectionModel> {
    const page = await this.messages.thread(
      requireActor(actor),
      orderId,
      quoteId ?? null,
      checkPageSize(first, this.config.graphql.maxPageSize),
      after ? decodeCreatedCursor(after) : undefined,
    );
    const nodes = await Promise.all(page.items.map((m) => this.present(m, l)));
    const edges = page.items.map((m, i) => ({ cursor: encodeCreatedCursor(m), node: nodes[i] }));
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        page.hasNextPage,
        !!after,
      ),
    };
  }

  @Query(() => [UnreadCountModel], {
    description: 'Threads you take part in with messages by others you have not read, most recent first.',
  })
  unreadMessageCounts(@CurrentActor() actor: Actor | null): Promise<UnreadCountModel[]> {
    return this.messages.unreadCounts(requireActor(actor));
  }

  @Mutation(() => MessageModel, { description: "Writes in an order's thread or in a quote's thread." })
  async postMessage(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: PostMessageInput,
    @Context('loaders') l: LoaderCache,
  ): Promise<MessageModel> {
    const { idempotencyKey, ...cmd } = input;
    return this.present(await this.messages.postMessage(requireActor(actor), cmd, idempotencyKey), l);
  }

  @Mutation(() => MessageThreadReadModel, { description: 'Marks a thread read up to now.' })
  markMessagesRead(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: MarkMessagesReadInput,
  ): Promise<MessageThreadReadModel> {
    return this.messages.markThreadRead(requireActor(actor), input.orderId, input.quoteId ?? null);
  }

  /** Authors and firms through request-scoped loaders: one query each for a whole page. */
  private async present(m: MessageEntity, l: LoaderCache): Promise<MessageModel> {
    const [author, firm] = await Promise.all([
      messageAuthorLoader(l, this.messages).load(m.authorUserId),
      m.authorFirmId ? firmLoader(l, this.firms).load(m.authorFirmId) : null,
    ]);
    return {
      id: m.id,
      orderId: m.orderId,
      quoteId: m.quoteId,
      body: m.body,
      author: author ?? { id: m.authorUserId, displayName: '' },
      authorFirm: firm,
      createdAt: m.createdAt,
    } as unknown as MessageModel;
  }
}
