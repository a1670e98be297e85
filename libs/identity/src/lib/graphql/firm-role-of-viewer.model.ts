import { Field, ObjectType } from '@nestjs/graphql';
import { FirmRoleCode } from './enums';
import { FirmModel } from './firm.model';

@ObjectType('FirmRoleOfViewer')
export class FirmRoleOfViewerModel {
  @Field(() => FirmModel) firm: FirmModel;
  @Field(() => FirmRoleCode) role: FirmRoleCode;
}
