import { Injectable } from '@nestjs/common';
import { AccessService, TokenService } from '@kooperant/identity';
import { DomainError } from '@kooperant/platform-errors';

/**
 * Who may use the admin pages: a valid access token of a platform administrator. Checked on every request (the
 * flag is read again each time, so taking it away takes effect at once); UNAUTHENTICATED or FORBIDDEN otherwise.
 */
@Injectable()
export class AdminAuth {
  constructor(
    private readonly tokens: TokenService,
    private readonly access: AccessService,
  ) {}

  async platformAdmin(token: string | undefined): Promise<{ userId: string }> {
    if (!token) {
      throw DomainError.unauthenticated(
        'Send a platform administrator’s access token as Authorization: Bearer <token>, or open a session with POST /admin/session.',
      );
    }
    const claims = await this.tokens.verifyAccessToken(token);
    if (!claims) throw DomainError.unauthenticated('The access token is invalid or has expired; sign in again.');
    const roles = await this.access.actorFor(claims.userId).roles();
    if (!roles.platformAdmin) throw DomainError.forbidden('Only platform administrators may see the queues.');
    return { userId: claims.userId };
  }
}
