import { Field, InputType } from '@nestjs/graphql';
import { LocaleCode, UuidScalar } from '@kooperant/identity';
import { ExchangeTopicCode } from './exchange.model';

@InputType()
export class CreateExchangePostInput {
  @Field({ description: 'Required: a replay returns the first post.' }) idempotencyKey: string;
  @Field(() => UuidScalar, { nullable: true, description: 'Your cluster; may be omitted if you coordinate one.' })
  clusterId?: string | null;
  @Field(() => ExchangeTopicCode, { description: 'GOOD_PRACTICE, COOPERATION_OFFER or QUESTION.' })
  topic: ExchangeTopicCode;
  @Field({ description: '1 to 200 characters.' }) title: string;
  @Field({ description: '1 to 10,000 characters.' }) body: string;
  @Field(() => LocaleCode) language: LocaleCode;
  @Field(() => UuidScalar, { nullable: true }) orderId?: string | null;
  @Field(() => UuidScalar, { nullable: true }) offerId?: string | null;
  @Field(() => UuidScalar, { nullable: true }) firmId?: string | null;
}

@InputType()
export class CommentOnExchangePostInput {
  @Field({ description: 'Required: a replay returns the first comment.' }) idempotencyKey: string;
  @Field(() => UuidScalar) postId: string;
  @Field({ description: '1 to 5,000 characters.' }) body: string;
}

@InputType()
export class ForwardToPartnerClusterInput {
  @Field({ description: 'Required: a replay returns the first forward.' }) idempotencyKey: string;
  @Field(() => UuidScalar, { nullable: true }) clusterId?: string | null;
  @Field(() => UuidScalar, { nullable: true, description: 'An open order of your cluster (or give offerId).' })
  orderId?: string | null;
  @Field(() => UuidScalar, { nullable: true, description: "A published offer of one of your cluster's firms." })
  offerId?: string | null;
  @Field(() => [UuidScalar], { nullable: true, description: 'Partner-cluster firms; omit for all its verified firms.' })
  firmIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Up to 5,000 characters, for the firms and coordinators.' })
  note?: string | null;
  @Field(() => LocaleCode) language: LocaleCode;
}

@InputType()
export class ExchangePostFilterInput {
  @Field(() => ExchangeTopicCode, { nullable: true }) topic?: ExchangeTopicCode | null;
  @Field(() => UuidScalar, { nullable: true }) orderId?: string | null;
  @Field(() => UuidScalar, { nullable: true }) offerId?: string | null;
  @Field(() => UuidScalar, { nullable: true }) firmId?: string | null;
}
