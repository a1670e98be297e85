import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model';
import { ClusterModel } from './cluster.model';

import { FirmRoleOfViewerModel } from './firm-role-of-viewer.model';

@ObjectType('Viewer', { description: 'The signed-in user and what they may act for.' })
export class ViewerModel {
  @Field(() => UserModel) user: UserModel;
  @Field(() => [FirmRoleOfViewerModel]) firms: FirmRoleOfViewerModel[];
  @Field(() => [ClusterModel]) coordinatorOf: ClusterModel[];
  @Field() isPlatformAdmin: boolean;
}
