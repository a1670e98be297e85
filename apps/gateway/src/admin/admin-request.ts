/**
 * What the admin pages read from a request: the access token (an `Authorization: Bearer` header, or the session
 * cookie a browser got from `POST /admin/session`), and whether a state-changing request came from our own pages.
 * Pure functions of headers, so that they are tested without a server.
 */

/** The admin session cookie: the access token itself, HttpOnly, SameSite=Strict, only sent under /admin. */
export const ADMIN_COOKIE = 'kooperant_admin';
export const ADMIN_COOKIE_PATH = '/admin';

type Headers = Record<string, string | string[] | undefined>;

export interface AdminCredential {
  token: string;
  /** A cookie is sent by the browser on its own: requests that change state must then prove they are ours. */
  via: 'bearer' | 'cookie';
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The Bearer token if there is one (it wins), else the admin cookie; null when neither is there. */
export function adminCredentialOf(headers: Headers): AdminCredential | null {
  const bearer = BEARER.exec(header(headers, 'authorization') ?? '')?.[1];
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = cookieValue(header(headers, 'cookie'), ADMIN_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** One cookie's value from a Cookie header (RFC 6265 pairs separated by `;`), or undefined. */
export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const value = pair
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    return value || undefined;
  }
  return undefined;
}

/** Set-Cookie of the admin session: the token, for as long as it is valid (at least one second). */
export function adminSessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  if (!/^[A-Za-z0-9._-]+$/.test(token)) throw new Error('an access token is a JWT: base64url parts and dots');
  const age = Math.max(1, Math.floor(maxAgeSeconds));
  return `${ADMIN_COOKIE}=${token}; Path=${ADMIN_COOKIE_PATH}; Max-Age=${age}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Set-Cookie that removes the admin session. */
export function clearedAdminSessionCookie(secure: boolean): string {
  return `${ADMIN_COOKIE}=; Path=${ADMIN_COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may change state on the strength of the cookie alone (a defence against cross-site request
 * forgery on top of SameSite=Strict): safe methods always; others only when the browser says it comes from one of
 * `ownOrigins` (`Origin`, which browsers send on every non-GET fetch, or failing that `Sec-Fetch-Site: same-origin`).
 * A request with neither header is refused: every browser that keeps SameSite cookies sends one of them.
 */
export function isSameOriginWrite(method: string, headers: Headers, ownOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const origin = header(headers, 'origin');
  if (origin !== undefined) return origin !== 'null' && ownOrigins.includes(origin.toLowerCase());
  return header(headers, 'sec-fetch-site') === 'same-origin';
}

/** The origin (`scheme://host[:port]`, lower case) of a URL, or of a scheme and a Host header. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? null : u.origin.toLowerCase();
  } catch {
    return null;
  }
}

/** Seconds until a JWT's `exp` (already verified by the caller), or 0 when it has none. */
export function secondsLeft(jwt: string, nowMs = Date.now()): number {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? Math.max(0, payload.exp - Math.floor(nowMs / 1000)) : 0;
  } catch {
    return 0;
  }
}
