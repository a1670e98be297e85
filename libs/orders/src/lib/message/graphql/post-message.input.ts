import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class PostMessageInput {
  @Field({ description: 'Required: a replay returns the first message.' }) idempotencyKey: string;
  @Field(() => UuidScalar) orderId: string;
  @Field(() => UuidScalar, {
    nullable: true,
    description: "The quote whose thread to write in; omit for the order's thread.",
  })
  quoteId?: string | null;
  @Field({ description: '1 to 5000 characters.' }) body: string;
  @Field(() => UuidScalar, {
    nullable: true,
    description:
      'The firm to write on behalf of (one of yours taking part in the thread); may be omitted when you have only one. ' +
      'Coordinators omit it.',
  })
  firmId?: string | null;
}
