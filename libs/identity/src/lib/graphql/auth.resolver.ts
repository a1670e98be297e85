import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthService } from '../auth/auth.service';
import { UserService } from '../user/user.service';
import { AuthPayloadModel } from './auth-payload.model';
import { OkPayloadModel } from './ok-payload.model';
import { RefreshTokenInput } from './refresh-token.input';
import { SignInInput } from './sign-in.input';
import { SignUpInput } from './sign-up.input';
import type { AuthTokens } from '../auth/auth.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Mutation(() => AuthPayloadModel, { description: 'Creates an account and signs it in.' })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayloadModel> {
    return this.withUser(await this.auth.signUp(input));
  }

  @Mutation(() => AuthPayloadModel)
  async signIn(@Args('input') input: SignInInput): Promise<AuthPayloadModel> {
    return this.withUser(await this.auth.signIn(input.email, input.password));
  }

  @Mutation(() => AuthPayloadModel, { description: 'Rotates the refresh token: the one given stops working.' })
  async refreshToken(@Args('input') input: RefreshTokenInput): Promise<AuthPayloadModel> {
    return this.withUser(await this.auth.refresh(input.refreshToken));
  }

  @Mutation(() => OkPayloadModel, { description: 'Revokes the session of this refresh token.' })
  async signOut(@Args('input') input: RefreshTokenInput): Promise<OkPayloadModel> {
    await this.auth.signOut(input.refreshToken);
    return { ok: true };
  }

  private async withUser(tokens: AuthTokens): Promise<AuthPayloadModel> {
    const user = await this.users.getUser(tokens.userId);
    return { ...tokens, user: user as AuthPayloadModel['user'] };
  }
}
