import { Field, ObjectType } from '@nestjs/graphql';
import { FirmRoleCode } from './enums';
import { FirmModel } from './firm.model';
import { UserModel } from './user.model';
import { ClusterModel } from './cluster.model';

@ObjectType('FirmRoleOfViewer')
export class FirmRoleOfViewerModel {
  @Field(() => FirmModel) firm: FirmModel;
  @Field(() => FirmRoleCode) role: FirmRoleCode;
}

@ObjectType('Viewer', { description: 'The signed-in user and what they may act for.' })
export class ViewerModel {
  @Field(() => UserModel) user: UserModel;
  @Field(() => [FirmRoleOfViewerModel]) firms: FirmRoleOfViewerModel[];
  @Field(() => [ClusterModel]) coordinatorOf: ClusterModel[];
  @Field() isPlatformAdmin: boolean;
}
