import { Field, Float, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class SetCrossBorderWeightInput {
  @Field(() => UuidScalar) clusterId: string;
  @Field(() => Float, { description: '0 to 1.' }) crossBorderWeight: number;
}

@InputType()
export class SetIntroductionApprovalInput {
  @Field(() => UuidScalar) clusterId: string;
  @Field() required: boolean;
}
