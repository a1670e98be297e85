import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { FirmEntity } from '@kooperant/identity';

/**
 * A firm's endpoint for webhooks: where the notifications that concern the firm are POSTed, signed in the Standard
 * Webhooks style with the endpoint's secret. Disabled by the platform after repeated failed deliveries (the firm is
 * told), or by the firm.
 */
@Entity('webhook_endpoint')
@Index('webhook_endpoint_firm_idx', ['firmId'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId: string;

  @ManyToOne(() => FirmEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'firm_id' })
  firm?: FirmEntity;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  description: string;

  /** The notification kinds sent to it; empty: every kind that concerns the firm. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  kinds: string[];

  /** `whsec_` + base64 of 32 random bytes; shown to the firm only when made or rotated. */
  @Column({ type: 'varchar', length: 80, select: false })
  secret: string;

  /** The secret before the last rotation, still signing (as a second signature) until `previousSecretExpiresAt`. */
  @Column({ name: 'previous_secret', type: 'varchar', length: 80, nullable: true, select: false })
  previousSecret: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Why it is disabled: by the firm, or after failed deliveries. */
  @Column({ name: 'disabled_reason', type: 'varchar', length: 200, nullable: true })
  disabledReason: string | null;

  /** Deliveries that failed for good in a row since the last success; reaching the limit disables the endpoint. */
  @Column({ name: 'consecutive_failures', type: 'int', default: 0 })
  consecutiveFailures: number;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'skipped';

/**
 * One message to one endpoint: the event's notification kind with its facts, signed and POSTed until the endpoint
 * answers 2xx or the attempts run out. Its id is the `webhook-id` header on every attempt, so a receiver can drop
 * repeats. One per endpoint, event and kind: a replayed event is not sent again.
 */
@Entity('webhook_delivery')
@Unique('webhook_delivery_endpoint_event_kind_key', ['endpointId', 'eventId', 'kind'])
@Index('webhook_delivery_endpoint_created_idx', ['endpointId', 'createdAt', 'id'])
@Check('webhook_delivery_status_check', `status IN ('pending', 'succeeded', 'failed', 'skipped')`)
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpointEntity;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** The exact JSON body sent (and signed) on every attempt. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'succeeded_at', type: 'timestamptz', nullable: true })
  succeededAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** One HTTP attempt of a delivery, for the firm's delivery log. */
@Entity('webhook_attempt')
@Index('webhook_attempt_delivery_idx', ['deliveryId', 'attemptedAt'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: WebhookDeliveryEntity;

  @CreateDateColumn({ name: 'attempted_at', type: 'timestamptz', precision: 3 })
  attemptedAt: Date;

  /** The HTTP status the endpoint answered; null when there was no answer (refused, timed out, blocked). */
  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  /** The start of the answer's body (up to 1 kB), to help the firm see what its system said. */
  @Column({ name: 'response_excerpt', type: 'varchar', length: 1024, nullable: true })
  responseExcerpt: string | null;
}

export const WEBHOOK_ENTITIES = [WebhookEndpointEntity, WebhookDeliveryEntity, WebhookAttemptEntity];
