import { Inject } from '@nestjs/common';
import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import {
  checkPageSize,
  CurrentActor,
  decodeCreatedCursor,
  encodeCreatedCursor,
  LoaderCache,
  pageInfo,
  requireActor,
  type Actor,
} from '@kooperant/identity';
import { OrderService, type OrderPage, type OrderView } from '../order/order.service';
import type { OrderStatus } from '../order/cooperative-order.entity';
import { CooperativeOrderModel } from './cooperative-order.model';
import { CooperativeOrderConnectionModel } from './cooperative-order-connection.model';
import { CreateCooperativeOrderInput } from './create-cooperative-order.input';
import { UpdateCooperativeOrderInput } from './update-cooperative-order.input';
import { OrderIdInput } from './order-id.input';
import { CancelCooperativeOrderInput } from './cancel-cooperative-order.input';
import { MyOrdersFilterInput } from './my-orders-filter.input';
import { OpenOrdersFilterInput } from './open-orders-filter.input';
import { OrderPresenter } from './order-presenter.service';
import { UuidScalar } from '@kooperant/identity';

@Resolver(() => CooperativeOrderModel)
export class OrderResolver {
  constructor(
    private readonly orders: OrderService,
    private readonly presenter: OrderPresenter,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => CooperativeOrderModel, {
    description: 'An order, for its buyer, its coordinators and the suppliers it is open to.',
  })
  async cooperativeOrder(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => UuidScalar }) id: string,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.present(await this.orders.getOrder(requireActor(actor), id), l);
  }

  @Query(() => CooperativeOrderConnectionModel, { description: "Orders of the caller's firms as buyer, newest first." })
  async myCooperativeOrders(
    @CurrentActor() actor: Actor | null,
    @Context('loaders') l: LoaderCache,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('filter', { nullable: true }) filter?: MyOrdersFilterInput,
  ) {
    const page = await this.orders.myOrders(requireActor(actor), {
      firmId: filter?.firmId,
      status: filter?.status as OrderStatus | undefined,
      first: checkPageSize(first, this.config.graphql.maxPageSize),
      after: after ? decodeCreatedCursor(after) : undefined,
    });
    return this.connection(page, !!after, l);
  }

  @Query(() => CooperativeOrderConnectionModel, {
    description: 'Open orders a supplier firm of the caller may quote, before their quote deadline.',
  })
  async openCooperativeOrders(
    @CurrentActor() actor: Actor | null,
    @Context('loaders') l: LoaderCache,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('filter', { nullable: true }) filter?: OpenOrdersFilterInput,
  ) {
    const page = await this.orders.openOrders(requireActor(actor), {
      supplierFirmId: filter?.supplierFirmId,
      processCodes: filter?.processCodes,
      first: checkPageSize(first, this.config.graphql.maxPageSize),
      after: after ? decodeCreatedCursor(after) : undefined,
    });
    return this.connection(page, !!after, l);
  }

  @Mutation(() => CooperativeOrderModel, { description: 'Posts a cooperative order as a draft.' })
  async createCooperativeOrder(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: CreateCooperativeOrderInput,
    @Context('loaders') l: LoaderCache,
  ) {
    const { idempotencyKey, ...cmd } = input;
    return this.present(await this.orders.createOrder(requireActor(actor), cmd, idempotencyKey), l);
  }

  @Mutation(() => CooperativeOrderModel)
  async updateCooperativeOrder(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: UpdateCooperativeOrderInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.present(await this.orders.updateOrder(requireActor(actor), input), l);
  }

  @Mutation(() => CooperativeOrderModel, { description: 'Opens a draft for quotes until its quote deadline.' })
  async publishCooperativeOrder(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: OrderIdInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.present(await this.orders.publishOrder(requireActor(actor), input.orderId), l);
  }

  @Mutation(() => CooperativeOrderModel)
  async cancelCooperativeOrder(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: CancelCooperativeOrderInput,
    @Context('loaders') l: LoaderCache,
  ) {
    return this.present(await this.orders.cancelOrder(requireActor(actor), input.orderId, input.reason), l);
  }

  private present(view: OrderView, l: LoaderCache): Promise<CooperativeOrderModel> {
    return this.presenter.present(view, l);
  }

  private async connection(
    page: OrderPage,
    hasPrevious: boolean,
    l: LoaderCache,
  ): Promise<CooperativeOrderConnectionModel> {
    const nodes = await Promise.all(page.items.map((v) => this.present(v, l)));
    const edges = page.items.map((v, i) => ({ cursor: encodeCreatedCursor(v.order), node: nodes[i] }));
    return {
      edges,
      pageInfo: pageInfo(
        edges.map((e) => e.cursor),
        page.hasNextPage,
        hasPrevious,
      ),
    };
  }
}
