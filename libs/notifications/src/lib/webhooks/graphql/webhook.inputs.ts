import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class CreateWebhookEndpointInput {
  @Field({ description: 'Required: a replay returns the first endpoint (and its secret).' }) idempotencyKey: string;
  @Field(() => UuidScalar) firmId: string;
  @Field({ description: 'https URL (http and private addresses only where the platform allows them).' }) url: string;
  @Field(() => String, { nullable: true, description: 'Up to 200 characters, for the firm.' })
  description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Notification kinds to send; omit for all.' })
  kinds?: string[] | null;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => UuidScalar) id: string;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Empty: every kind.' }) kinds?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'false disables it; true enables it again and clears its failure count.',
  })
  enabled?: boolean | null;
}

@InputType()
export class WebhookEndpointIdInput {
  @Field(() => UuidScalar) id: string;
}

@InputType()
export class RetryWebhookDeliveryInput {
  @Field(() => UuidScalar) deliveryId: string;
}
