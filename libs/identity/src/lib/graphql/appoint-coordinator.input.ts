import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AppointCoordinatorInput {
  @Field(() => ID) clusterId: string;
  @Field() email: string;
}
