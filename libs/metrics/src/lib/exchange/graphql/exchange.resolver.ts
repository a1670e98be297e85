import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  checkPageSize,
  createdConnection,
  CurrentActor,
  decodeCreatedCursor,
  LoaderCache,
  requireActor,
  UuidScalar,
  type Actor,
} from '@kooperant/identity';
import { ExchangeService } from '../exchange.service';
import type { ExchangeCommentEntity, ExchangePostEntity } from '../exchange.entity';
import { ExchangeCommentModel, ExchangePostConnectionModel, ExchangePostModel } from './exchange.model';
import {
  CommentOnExchangePostInput,
  CreateExchangePostInput,
  ExchangePostFilterInput,
  ForwardToPartnerClusterInput,
} from './exchange.inputs';

/** The coordinators' exchange: thin; who reads and writes is decided by ExchangeService. */
@Resolver(() => ExchangePostModel)
export class ExchangeResolver {
  constructor(
    private readonly exchange: ExchangeService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => ExchangePostConnectionModel, {
    description: 'Posts of your cluster and its partner cluster, newest first (coordinators only).',
  })
  async exchangePosts(
    @CurrentActor() actor: Actor | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('filter', { nullable: true }) filter?: ExchangePostFilterInput,
  ): Promise<ExchangePostConnectionModel> {
    const page = await this.exchange.posts(requireActor(actor), filter ?? {}, {
      first: checkPageSize(first, this.config.graphql.maxPageSize),
      after: after ? decodeCreatedCursor(after) : undefined,
    });
    return createdConnection(page, after, (p) => p as unknown as ExchangePostModel);
  }

  @Query(() => ExchangePostModel)
  async exchangePost(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => UuidScalar }) id: string,
  ): Promise<ExchangePostModel> {
    return (await this.exchange.post(requireActor(actor), id)) as unknown as ExchangePostModel;
  }

  @Mutation(() => ExchangePostModel, { description: 'Shares a good practice, a cooperation offer or a question.' })
  async createExchangePost(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: CreateExchangePostInput,
  ): Promise<ExchangePostModel> {
    const { idempotencyKey, ...cmd } = input;
    return (await this.exchange.createPost(requireActor(actor), cmd as never, idempotencyKey)) as never;
  }

  @Mutation(() => ExchangeCommentModel)
  async commentOnExchangePost(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: CommentOnExchangePostInput,
    @Context('loaders') l: LoaderCache,
  ): Promise<ExchangeCommentModel> {
    const c = await this.exchange.comment(requireActor(actor), input.postId, input.body, input.idempotencyKey);
    return this.presentComment(c, l);
  }

  @Mutation(() => ExchangePostModel, {
    description:
      "Forwards an open order of your cluster (opening it to them to quote) or an offer of one of its firms to the partner cluster's firms, who are told.",
  })
  async forwardToPartnerCluster(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: ForwardToPartnerClusterInput,
  ): Promise<ExchangePostModel> {
    const { idempotencyKey, ...cmd } = input;
    return (await this.exchange.forward(requireActor(actor), cmd as never, idempotencyKey)) as never;
  }

  @ResolveField(() => String)
  authorName(@Parent() p: ExchangePostEntity, @Context('loaders') l: LoaderCache): Promise<string> {
    return this.authors(l).load(p.authorUserId);
  }

  @ResolveField(() => [ExchangeCommentModel])
  async comments(@Parent() p: ExchangePostEntity, @Context('loaders') l: LoaderCache): Promise<ExchangeCommentModel[]> {
    const comments = await l
      .get<string, ExchangeCommentEntity[]>('exchange.comments', async (ids) => {
        const byPost = await this.exchange.commentsOf(ids);
        return ids.map((id) => byPost.get(id) ?? []);
      })
      .load(p.id);
    return Promise.all(comments.map((c) => this.presentComment(c, l)));
  }

  private async presentComment(c: ExchangeCommentEntity, l: LoaderCache): Promise<ExchangeCommentModel> {
    return { ...c, authorName: await this.authors(l).load(c.authorUserId) };
  }

  private authors(l: LoaderCache) {
    return l.get<string, string>('exchange.author', (ids) => this.exchange.authorNames(ids));
  }
}
