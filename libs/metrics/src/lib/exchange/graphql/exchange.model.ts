import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocaleCode, PageInfoModel } from '@kooperant/identity';

export enum ExchangeTopicCode {
  GOOD_PRACTICE = 'good_practice',
  COOPERATION_OFFER = 'cooperation_offer',
  QUESTION = 'question',
  FORWARD = 'forward',
}
registerEnumType(ExchangeTopicCode, {
  name: 'ExchangeTopic',
  valuesMap: { FORWARD: { description: 'An order or offer forwarded to the partner cluster’s firms.' } },
});

@ObjectType('ExchangeComment')
export class ExchangeCommentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) clusterId: string;
  @Field(() => ID) authorUserId: string;
  @Field() authorName: string;
  @Field() body: string;
  @Field() createdAt: Date;
}

@ObjectType('ExchangePost', { description: "A post in the coordinators' exchange of two partner clusters." })
export class ExchangePostModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The cluster the author wrote for.' }) clusterId: string;
  @Field(() => ID) authorUserId: string;
  @Field() authorName: string;
  @Field(() => ExchangeTopicCode) topic: ExchangeTopicCode;
  @Field() title: string;
  @Field() body: string;
  @Field(() => LocaleCode) language: LocaleCode;
  @Field(() => ID, { nullable: true }) orderId: string | null;
  @Field(() => ID, { nullable: true }) offerId: string | null;
  @Field(() => ID, { nullable: true }) firmId: string | null;
  @Field(() => [ID], { description: 'For a forward: the partner cluster’s firms it went to.' })
  forwardedToFirmIds: string[];
  @Field() createdAt: Date;
  @Field(() => [ExchangeCommentModel], { description: 'Oldest first.' }) comments?: ExchangeCommentModel[];
}

@ObjectType('ExchangePostEdge')
export class ExchangePostEdgeModel {
  @Field() cursor: string;
  @Field(() => ExchangePostModel) node: ExchangePostModel;
}

@ObjectType('ExchangePostConnection')
export class ExchangePostConnectionModel {
  @Field(() => [ExchangePostEdgeModel]) edges: ExchangePostEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
