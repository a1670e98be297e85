import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FirmModel } from '@kooperant/identity';
import { MessageAuthorModel } from './message-author.model';

@ObjectType('Message', { description: "A message in an order's general thread or in a quote's thread." })
export class MessageModel {
  @Field(() => ID) id: string;
  @Field(() => ID) orderId: string;
  @Field(() => ID, { nullable: true, description: "The quote whose thread it is; null for the order's thread." })
  quoteId: string | null;
  @Field() body: string;
  @Field(() => MessageAuthorModel) author: MessageAuthorModel;
  @Field(() => FirmModel, { nullable: true, description: 'The firm written on behalf of; null for a coordinator.' })
  authorFirm: FirmModel | null;
  @Field() createdAt: Date;
}
