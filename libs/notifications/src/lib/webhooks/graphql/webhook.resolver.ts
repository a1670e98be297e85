import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
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
import { WebhookEndpointService, type EndpointWithSecret } from '../webhook-endpoint.service';
import { WebhookDeliveryService } from '../webhook-delivery.service';
import type { WebhookEndpointEntity } from '../webhook.entity';
import {
  WebhookDeliveryConnectionModel,
  WebhookDeliveryModel,
  WebhookDeliveryStatusCode,
  WebhookEndpointModel,
  WebhookEndpointSecretModel,
} from './webhook.model';
import {
  CreateWebhookEndpointInput,
  RetryWebhookDeliveryInput,
  UpdateWebhookEndpointInput,
  WebhookEndpointIdInput,
} from './webhook.inputs';

const present = (e: WebhookEndpointEntity): WebhookEndpointModel => ({ ...e, enabled: e.disabledAt === null });
const withSecret = (r: EndpointWithSecret): WebhookEndpointSecretModel => ({
  endpoint: present(r.endpoint),
  secret: r.secret,
});

/** A firm's webhook endpoints and their delivery log: read by its members, managed by its admins. */
@Resolver(() => WebhookEndpointModel)
export class WebhookResolver {
  constructor(
    private readonly endpoints: WebhookEndpointService,
    private readonly deliveries: WebhookDeliveryService,
    @Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig,
  ) {}

  @Query(() => [WebhookEndpointModel], { description: "A firm's webhook endpoints (its members only)." })
  async webhookEndpoints(
    @CurrentActor() actor: Actor | null,
    @Args('firmId', { type: () => UuidScalar }) firmId: string,
  ): Promise<WebhookEndpointModel[]> {
    return (await this.endpoints.list(requireActor(actor), firmId)).map(present);
  }

  @Query(() => WebhookDeliveryConnectionModel, { description: "An endpoint's deliveries, newest first." })
  async webhookDeliveries(
    @CurrentActor() actor: Actor | null,
    @Args('endpointId', { type: () => UuidScalar }) endpointId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('status', { type: () => WebhookDeliveryStatusCode, nullable: true }) status?: WebhookDeliveryStatusCode,
  ): Promise<WebhookDeliveryConnectionModel> {
    const page = await this.deliveries.deliveries(requireActor(actor), endpointId, {
      first: checkPageSize(first, this.config.graphql.maxPageSize),
      after: after ? decodeCreatedCursor(after) : undefined,
      status: status ?? undefined,
    });
    return createdConnection(page, after, (x) => x as WebhookDeliveryModel);
  }

  @Mutation(() => WebhookEndpointSecretModel, {
    description: 'Adds an endpoint for a firm (its admins); the answer holds its secret, shown only now.',
  })
  async createWebhookEndpoint(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointSecretModel> {
    const { idempotencyKey, firmId, ...rest } = input;
    return withSecret(await this.endpoints.create(requireActor(actor), firmId, rest, idempotencyKey));
  }

  @Mutation(() => WebhookEndpointModel, {
    description: "Changes an endpoint's URL, kinds or description, or disables or enables it.",
  })
  async updateWebhookEndpoint(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointModel> {
    const { id, ...change } = input;
    return present(await this.endpoints.update(requireActor(actor), id, change));
  }

  @Mutation(() => WebhookEndpointSecretModel, {
    description: 'A new signing secret; the previous one also signs for 24 hours, so receivers can switch over.',
  })
  async rotateWebhookSecret(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: WebhookEndpointIdInput,
  ): Promise<WebhookEndpointSecretModel> {
    return withSecret(await this.endpoints.rotateSecret(requireActor(actor), input.id));
  }

  @Mutation(() => UuidScalar, { description: 'Removes an endpoint and its delivery log; returns its id.' })
  deleteWebhookEndpoint(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: WebhookEndpointIdInput,
  ): Promise<string> {
    return this.endpoints.remove(requireActor(actor), input.id);
  }

  @Mutation(() => WebhookDeliveryModel, { description: 'Sends a failed or skipped delivery again.' })
  async retryWebhookDelivery(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: RetryWebhookDeliveryInput,
  ): Promise<WebhookDeliveryModel> {
    const d = await this.deliveries.retry(requireActor(actor), input.deliveryId);
    return { ...d, attemptLog: [] } as unknown as WebhookDeliveryModel;
  }
}
