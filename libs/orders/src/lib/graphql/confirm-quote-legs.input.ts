import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class ConfirmQuoteLegsInput {
  @Field(() => UuidScalar) quoteId: string;
  @Field(() => UuidScalar, { description: 'The partner firm (one of yours) whose legs you confirm.' }) firmId: string;
}
