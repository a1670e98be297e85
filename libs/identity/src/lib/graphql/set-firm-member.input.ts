import { Field, InputType } from '@nestjs/graphql';
import { FirmRoleCode } from './enums';
import { UuidScalar } from './uuid.scalar';

@InputType()
export class SetFirmMemberInput {
  @Field(() => UuidScalar) firmId: string;
  @Field() email: string;
  @Field(() => FirmRoleCode) role: FirmRoleCode;
}
