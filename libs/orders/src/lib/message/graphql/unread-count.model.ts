import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('UnreadCount', { description: 'Messages by others in a thread that the viewer has not read yet.' })
export class UnreadCountModel {
  @Field(() => ID) orderId: string;
  @Field(() => ID, { nullable: true, description: "Null for the order's general thread." }) quoteId: string | null;
  @Field(() => Int) unread: number;
}
