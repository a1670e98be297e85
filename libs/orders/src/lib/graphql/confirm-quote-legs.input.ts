import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class ConfirmQuoteLegsInput {
  @Field(() => ID) quoteId: string;
  @Field(() => ID, { description: 'The partner firm (one of yours) whose legs you confirm.' }) firmId: string;
}
