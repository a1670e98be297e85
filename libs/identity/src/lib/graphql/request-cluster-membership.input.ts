import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from './uuid.scalar';

@InputType()
export class RequestClusterMembershipInput {
  @Field(() => UuidScalar) firmId: string;
  @Field(() => UuidScalar) clusterId: string;
}
