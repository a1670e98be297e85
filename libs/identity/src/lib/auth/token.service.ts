import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { LruCache } from '@kooperant/platform-database';

export interface AccessClaims {
  userId: string;
}

const ISSUER = 'kooperant';
const AUDIENCE = 'kooperant-api';

/** Signs and verifies access tokens (HS256 JWT) and makes refresh-token secrets. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  /** Verified tokens, so that a client's every request does not pay for the signature check again. */
  private readonly verified = new LruCache<string, AccessClaims & { exp: number }>(20_000, 15 * 60_000);

  constructor(@Inject(KOOPERANT_CONFIG) private readonly config: KooperantConfig) {
    this.key = new TextEncoder().encode(config.auth.jwtSecret);
  }

  get accessTokenTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  get refreshTokenTtlMs(): number {
    return this.config.auth.refreshTokenTtlDays * 24 * 3600 * 1000;
  }

  signAccessToken(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${this.config.auth.accessTokenTtlSeconds}s`)
      .sign(this.key);
  }

  /** Returns the claims, or null for a token that is malformed, forged or expired. */
  async verifyAccessToken(token: string): Promise<AccessClaims | null> {
    const cached = this.verified.get(token);
    if (cached) return cached.exp * 1000 > Date.now() ? { userId: cached.userId } : null;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
      this.verified.set(token, { userId: payload.sub, exp: payload.exp });
      return { userId: payload.sub };
    } catch (e) {
      if (e instanceof joseErrors.JOSEError) return null;
      throw e;
    }
  }

  /** A refresh token is `<id>.<secret>`; only a hash of the secret is stored. */
  newRefreshSecret(): { id: string; secret: string; secretHash: string; token: string } {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    return { id, secret, secretHash: sha256(secret), token: `${id}.${secret}` };
  }

  parseRefreshToken(token: string): { id: string; secretHash: string } | null {
    const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    return m ? { id: m[1], secretHash: sha256(m[2]) } : null;
  }

  hashesEqual(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
