import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClusterEntity, UserEntity } from '@kooperant/identity';

export type ExchangeTopic = 'good_practice' | 'cooperation_offer' | 'question' | 'forward';

/**
 * A post in the coordinators' exchange: a good practice, a cooperation offer, a question, or the record of an order
 * or offer forwarded to the partner cluster's firms. Read by the coordinators of the author's cluster and of its
 * partner cluster; never by firms.
 */
@Entity('exchange_post')
@Index('exchange_post_cluster_created_idx', ['clusterId', 'createdAt', 'id'])
@Check('exchange_post_topic_check', `topic IN ('good_practice', 'cooperation_offer', 'question', 'forward')`)
@Check('exchange_post_language_check', `language IN ('en', 'pl', 'lt')`)
export class ExchangePostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The cluster the author wrote for. */
  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @ManyToOne(() => ClusterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: ClusterEntity;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_user_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  topic: ExchangeTopic;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 2 })
  language: 'en' | 'pl' | 'lt';

  /** What the post is about, if anything: an order, an offer, a firm. */
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ name: 'offer_id', type: 'uuid', nullable: true })
  offerId: string | null;

  @Column({ name: 'firm_id', type: 'uuid', nullable: true })
  firmId: string | null;

  /** For a forward: the partner cluster's firms it went to. */
  @Column({ name: 'forwarded_to_firm_ids', type: 'uuid', array: true, default: () => "'{}'" })
  forwardedToFirmIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A coordinator's comment on a post. */
@Entity('exchange_comment')
@Index('exchange_comment_post_idx', ['postId', 'createdAt'])
export class ExchangeCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @ManyToOne(() => ExchangePostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: ExchangePostEntity;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_user_id' })
  author?: UserEntity;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export const EXCHANGE_ENTITIES = [ExchangePostEntity, ExchangeCommentEntity];
