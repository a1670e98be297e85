import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from './uuid.scalar';

@InputType()
export class AppointCoordinatorInput {
  @Field(() => UuidScalar) clusterId: string;
  @Field() email: string;
}
