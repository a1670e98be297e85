import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field() refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => UserModel) user: UserModel;
  userId: string;
}
