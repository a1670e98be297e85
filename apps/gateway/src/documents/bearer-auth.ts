import { DomainError } from '@kooperant/platform-errors';
import type { TokenService } from '@kooperant/identity';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The user of a valid `Authorization: Bearer <access token>` header; UNAUTHENTICATED otherwise. */
export async function verifiedUserId(tokens: TokenService, header: string | string[] | undefined): Promise<string> {
  const token = BEARER.exec((Array.isArray(header) ? header[0] : header) ?? '')?.[1];
  if (!token) throw DomainError.unauthenticated('Send your access token as Authorization: Bearer <token>.');
  const claims = await tokens.verifyAccessToken(token);
  if (!claims) throw DomainError.unauthenticated('The access token is invalid or has expired; sign in again.');
  return claims.userId;
}
