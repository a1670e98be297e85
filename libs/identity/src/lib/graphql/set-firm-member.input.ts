import { Field, ID, InputType } from '@nestjs/graphql';
import { FirmRoleCode } from './enums';

@InputType()
export class SetFirmMemberInput {
  @Field(() => ID) firmId: string;
  @Field() email: string;
  @Field(() => FirmRoleCode) role: FirmRoleCode;
}
