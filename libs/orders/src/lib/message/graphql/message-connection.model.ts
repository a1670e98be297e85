import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@kooperant/identity';
import { MessageEdgeModel } from './message-edge.model';

@ObjectType('MessageConnection')
export class MessageConnectionModel {
  @Field(() => [MessageEdgeModel]) edges: MessageEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
