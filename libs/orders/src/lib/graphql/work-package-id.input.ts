import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class WorkPackageIdInput {
  @Field(() => UuidScalar) packageId: string;
}
