import { Field, InputType } from '@nestjs/graphql';
import { UuidScalar } from '@kooperant/identity';

@InputType()
export class MarkMessagesReadInput {
  @Field(() => UuidScalar) orderId: string;
  @Field(() => UuidScalar, {
    nullable: true,
    description: "The quote whose thread was read; omit for the order's thread.",
  })
  quoteId?: string | null;
}
