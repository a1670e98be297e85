import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class QuoteIdInput {
  @Field(() => ID) quoteId: string;
}
