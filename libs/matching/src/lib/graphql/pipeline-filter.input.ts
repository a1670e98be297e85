import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';
import { MatchStatusCode } from './matches.model';

@InputType()
export class PipelineFilterInput {
  @Field(() => UuidScalar, { nullable: true, description: 'One of your clusters; default: all of them.' })
  clusterId?: string | null;
  @Field(() => [MatchStatusCode], { nullable: true }) statuses?: MatchStatusCode[] | null;
  @Field(() => UuidScalar, { nullable: true }) orderId?: string | null;
  @Field(() => Boolean, { nullable: true, description: "Only firms in another country than the order's buyer." })
  crossBorderOnly?: boolean | null;
}
