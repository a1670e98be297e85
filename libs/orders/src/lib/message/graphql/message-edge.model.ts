import { Field, ObjectType } from '@nestjs/graphql';
import { MessageModel } from './message.model';

@ObjectType('MessageEdge')
export class MessageEdgeModel {
  @Field() cursor: string;
  @Field(() => MessageModel) node: MessageModel;
}
