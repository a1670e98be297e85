import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class MarkMessagesReadInput {
  @Field(() => ID) orderId: string;
  @Field(() => ID, { nullable: true, description: "The quote whose thread was read; omit for the order's thread." })
  quoteId?: string | null;
}
