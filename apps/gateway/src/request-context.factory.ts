import { Injectable } from '@nestjs/common';
import { AccessService, LoaderCache, TokenService, type RequestContext } from '@kooperant/identity';

interface HttpLike {
  headers: Record<string, string | string[] | undefined>;
}

/** Builds the per-request context: the caller from the Bearer token (null when absent or invalid) and fresh loaders. */
@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly tokens: TokenService,
    private readonly access: AccessService,
  ) {}

  async create(req: HttpLike | undefined): Promise<RequestContext> {
    const header = req?.headers['authorization'];
    return this.fromAuthorization(Array.isArray(header) ? header[0] : header);
  }

  /** A graphql-ws connection's context: `connectionParams.authorization` (or `Authorization`) as the header. */
  fromConnectionParams(params: Record<string, unknown> | undefined): Promise<RequestContext> {
    const value = params?.['authorization'] ?? params?.['Authorization'];
    return this.fromAuthorization(typeof value === 'string' ? value : undefined);
  }

  private async fromAuthorization(value: string | undefined): Promise<RequestContext> {
    let actor: RequestContext['actor'] = null;
    if (value?.startsWith('Bearer ')) {
      const claims = await this.tokens.verifyAccessToken(value.slice(7).trim());
      if (claims) actor = this.access.actorFor(claims.userId);
    }
    return { actor, loaders: new LoaderCache() };
  }
}
