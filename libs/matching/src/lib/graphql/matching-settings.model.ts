import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('MatchingSettings', { description: "What a cluster's coordinators set for matching its orders and firms." })
export class MatchingSettingsModel {
  @Field(() => ID) clusterId: string;
  @Field(() => Float, { description: 'How much its orders prefer firms across the border, 0 to 1.' })
  crossBorderWeight: number;
  @Field({ description: "Whether introductions between its firms and other clusters' orders need its approval." })
  introductionsNeedApproval: boolean;
  @Field(() => Date, { nullable: true, description: 'Null while the cluster uses the defaults.' })
  updatedAt: Date | null;
}
