import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class WorkPackageIdInput {
  @Field(() => ID) packageId: string;
}
