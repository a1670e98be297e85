import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RequestClusterMembershipInput {
  @Field(() => ID) firmId: string;
  @Field(() => ID) clusterId: string;
}
