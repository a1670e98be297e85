import { Field, ObjectType } from '@nestjs/graphql';
import { CooperativeOrderModel } from './cooperative-order.model';

@ObjectType('CooperativeOrderEdge')
export class CooperativeOrderEdgeModel {
  @Field() cursor: string;
  @Field(() => CooperativeOrderModel) node: CooperativeOrderModel;
}
