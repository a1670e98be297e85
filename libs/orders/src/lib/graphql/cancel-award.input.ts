import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class CancelAwardInput {
  @Field(() => UuidScalar) packageId: string;
  @Field() reason: string;
}
