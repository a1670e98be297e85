import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FirmModel } from '@kooperant/identity';

/** The statuses of `MATCH_STATUSES`, in pipeline order (a unit test keeps the two the same). */
export enum MatchStatusCode {
  proposed = 'proposed',
  endorsed = 'endorsed',
  dismissed = 'dismissed',
  awaiting_approval = 'awaiting_approval',
  invited = 'invited',
  declined = 'declined',
  quoted = 'quoted',
  awarded = 'awarded',
  lost = 'lost',
}
registerEnumType(MatchStatusCode, {
  name: 'MatchStatus',
  description:
    'proposed → endorsed or dismissed → invited (across clusters, awaiting_approval first where the other side asks ' +
    'for it) → declined or quoted → awarded or lost.',
});

export enum ScorePartName {
  capability = 'capability',
  leadTime = 'leadTime',
  distance = 'distance',
  performance = 'performance',
  load = 'load',
  crossBorder = 'crossBorder',
}
registerEnumType(ScorePartName, { name: 'ScorePartName' });

@ObjectType('ScorePart', { description: 'One named part of a match score, with why.' })
export class ScorePartModel {
  @Field(() => ScorePartName) name: ScorePartName;
  @Field(() => Float, { description: '0 to 1.' }) value: number;
  @Field(() => Float) weight: number;
  @Field() explanation: string;
}

@ObjectType('PackageMatch', { description: 'A firm proposed for a work package, on one of its offers.' })
export class PackageMatchModel {
  @Field(() => ID) id: string;
  @Field(() => FirmModel) firm: FirmModel;
  @Field(() => ID) offerId: string;
  @Field(() => Int, { nullable: true, description: '1 is best; null when a decided match no longer qualifies.' })
  rank: number | null;
  @Field(() => Float, { description: 'Weighted total of the parts, 0 to 1.' }) score: number;
  @Field(() => [ScorePartModel]) parts: ScorePartModel[];
  @Field(() => MatchStatusCode) status: MatchStatusCode;
}

@ObjectType('PackageMatches')
export class PackageMatchesModel {
  @Field(() => ID) packageId: string;
  @Field() key: string;
  @Field(() => [PackageMatchModel]) matches: PackageMatchModel[];
}

@ObjectType('OrderMatches', { description: 'Firms proposed for the packages of an order (buyer, coordinators).' })
export class OrderMatchesModel {
  @Field(() => ID) orderId: string;
  @Field(() => Date, { nullable: true, description: 'Null until the matching job has run for the order.' })
  computedAt: Date | null;
  @Field(() => [PackageMatchesModel]) packages: PackageMatchesModel[];
}
