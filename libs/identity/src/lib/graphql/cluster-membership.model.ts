import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MembershipStatusCode } from './enums';

@ObjectType('ClusterMembership')
export class ClusterMembershipModel {
  @Field(() => ID) id: string;
  @Field(() => MembershipStatusCode) status: MembershipStatusCode;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionNote: string | null;
  firmId: string;
  clusterId: string;
}
