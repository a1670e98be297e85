import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@kooperant/identity';

export enum WebhookDeliveryStatusCode {
  PENDING = 'pending',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  SKIPPED = 'skipped',
}
registerEnumType(WebhookDeliveryStatusCode, {
  name: 'WebhookDeliveryStatus',
  valuesMap: {
    PENDING: { description: 'Being sent, or waiting for its next attempt.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt failed; can be sent again.' },
    SKIPPED: { description: 'Not sent because the endpoint was disabled; can be sent again.' },
  },
});

@ObjectType('WebhookEndpoint', { description: "Where a firm's notifications are POSTed, signed (Standard Webhooks)." })
export class WebhookEndpointModel {
  @Field(() => ID) id: string;
  @Field(() => ID) firmId: string;
  @Field() url: string;
  @Field() description: string;
  @Field(() => [String], { description: 'Notification kinds sent; empty: every kind that concerns the firm.' })
  kinds: string[];
  @Field() enabled: boolean;
  @Field(() => Date, { nullable: true }) disabledAt: Date | null;
  @Field(() => String, { nullable: true, description: 'By the firm, or after failed deliveries.' })
  disabledReason: string | null;
  @Field(() => Int, { description: 'Deliveries failed for good in a row since the last success.' })
  consecutiveFailures: number;
  @Field(() => Date, { nullable: true }) lastSuccessAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Until then the previous secret also signs.' })
  previousSecretExpiresAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('WebhookEndpointSecret', { description: 'An endpoint with its signing secret, shown only now.' })
export class WebhookEndpointSecretModel {
  @Field(() => WebhookEndpointModel) endpoint: WebhookEndpointModel;
  @Field({ description: 'whsec_…: verify the webhook-signature header with it (any Standard Webhooks library).' })
  secret: string;
}

@ObjectType('WebhookAttempt', { description: 'One POST of a delivery.' })
export class WebhookAttemptModel {
  @Field() attemptedAt: Date;
  @Field(() => Int, { nullable: true, description: 'The HTTP status answered; null when there was no answer.' })
  statusCode: number | null;
  @Field(() => Int) durationMs: number;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => String, { nullable: true, description: "The first kilobyte of the endpoint's answer." })
  responseExcerpt: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One message to one endpoint, with its attempts.' })
export class WebhookDeliveryModel {
  @Field(() => ID, { description: 'The webhook-id header of every attempt: drop repeats by it.' }) id: string;
  @Field(() => ID) endpointId: string;
  @Field(() => ID) eventId: string;
  @Field({ description: 'The notification kind, the `type` of the payload.' }) kind: string;
  @Field({ description: 'The JSON body sent and signed.' }) body: string;
  @Field(() => WebhookDeliveryStatusCode) status: WebhookDeliveryStatusCode;
  @Field(() => Int) attempts: number;
  @Field(() => Int, { nullable: true }) lastStatusCode: number | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt: Date | null;
  @Field(() => Date, { nullable: true }) succeededAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => [WebhookAttemptModel]) attemptLog: WebhookAttemptModel[];
}

@ObjectType('WebhookDeliveryEdge')
export class WebhookDeliveryEdgeModel {
  @Field() cursor: string;
  @Field(() => WebhookDeliveryModel) node: WebhookDeliveryModel;
}

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnectionModel {
  @Field(() => [WebhookDeliveryEdgeModel]) edges: WebhookDeliveryEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
