import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class DecideClusterMembershipInput {
  @Field(() => ID) membershipId: string;
  @Field({ description: 'true verifies the firm, false rejects the request.' }) verify: boolean;
  @Field({ nullable: true }) note?: string;
}
