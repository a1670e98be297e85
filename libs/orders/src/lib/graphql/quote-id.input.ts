import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class QuoteIdInput {
  @Field(() => UuidScalar) quoteId: string;
}
