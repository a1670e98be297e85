import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('MessageThreadRead', { description: 'Up to when the viewer has read a thread.' })
export class MessageThreadReadModel {
  @Field(() => ID) orderId: string;
  @Field(() => ID, { nullable: true, description: "Null for the order's general thread." }) quoteId: string | null;
  @Field() lastReadAt: Date;
}
