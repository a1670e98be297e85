import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@kooperant/identity';
import { CooperativeOrderEdgeModel } from './cooperative-order-edge.model';

@ObjectType('CooperativeOrderConnection')
export class CooperativeOrderConnectionModel {
  @Field(() => [CooperativeOrderEdgeModel]) edges: CooperativeOrderEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
