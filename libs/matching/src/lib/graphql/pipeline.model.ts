import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@kooperant/identity';
import { MatchStatusCode, ScorePartModel } from './matches.model';

/** The actions of `MATCH_ACTIONS` (a unit test keeps the two the same). */
export enum MatchActionCode {
  endorsed = 'endorsed',
  dismissed = 'dismissed',
  invited = 'invited',
  introduction_requested = 'introduction_requested',
  introduction_approved = 'introduction_approved',
  handed_over = 'handed_over',
  declined = 'declined',
}
registerEnumType(MatchActionCode, {
  name: 'MatchAction',
  description: 'introduction_requested: an invitation across clusters, waiting for the other side to approve it.',
});

@ObjectType('MatchActionRecord', { description: 'A step of the pipeline taken by a person.' })
export class MatchActionRecordModel {
  @Field(() => MatchActionCode) action: MatchActionCode;
  @Field(() => ID) actorUserId: string;
  @Field(() => ID, { nullable: true, description: 'The cluster the coordinator acted for; null for the firm.' })
  clusterId: string | null;
  @Field(() => MatchStatusCode) fromStatus: MatchStatusCode;
  @Field(() => MatchStatusCode) toStatus: MatchStatusCode;
  @Field({ description: "The coordinator's note, or the firm's reason for declining." }) note: string;
  @Field() at: Date;
}

@ObjectType('Match', {
  description: 'A firm proposed for a work package on one of its offers, and where coordinators have taken it.',
})
export class MatchModel {
  @Field(() => ID) id: string;
  @Field(() => MatchStatusCode) status: MatchStatusCode;
  @Field(() => Float, { description: 'Weighted total of the parts, 0 to 1.' }) score: number;
  @Field(() => Int, { nullable: true, description: "1 is the package's best; null once the firm no longer qualifies." })
  rank: number | null;
  @Field(() => [ScorePartModel]) parts: ScorePartModel[];
  @Field(() => ID, { description: 'The offer the firm was matched on.' }) offerId: string;
  @Field(() => ID) orderId: string;
  @Field() orderTitle: string;
  @Field(() => ID) workPackageId: string;
  @Field() packageKey: string;
  @Field() packageTitle: string;
  @Field() packageDueDate: Date;
  @Field({ description: 'The firm is in another country than the buyer.' }) crossBorder: boolean;
  @Field(() => ID, { description: "The order's cluster." }) orderClusterId: string;
  @Field(() => ID, { description: "The cluster whose coordinators broker the match: the order's, unless handed over." })
  handledByClusterId: string;
  @Field(() => ID, { nullable: true, description: 'The quote the firm answered with.' }) quoteId: string | null;
  @Field() proposedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When a person or a quote last moved the match.' })
  statusChangedAt: Date | null;

  /** For the field resolvers (firm). */
  firmId: string;
}

@ObjectType('MatchEdge')
export class MatchEdgeModel {
  @Field() cursor: string;
  @Field(() => MatchModel) node: MatchModel;
}

@ObjectType('MatchConnection')
export class MatchConnectionModel {
  @Field(() => [MatchEdgeModel]) edges: MatchEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
