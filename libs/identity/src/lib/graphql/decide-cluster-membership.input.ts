import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from './uuid.scalar';

@InputType()
export class DecideClusterMembershipInput {
  @Field(() => UuidScalar) membershipId: string;
  @Field({ description: 'true verifies the firm, false rejects the request.' }) verify: boolean;
  @Field({ nullable: true }) note?: string;
}
