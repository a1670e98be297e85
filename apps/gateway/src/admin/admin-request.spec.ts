import {
  adminCredentialOf,
  adminSessionCookie,
  clearedAdminSessionCookie,
  cookieValue,
  isSameOriginWrite,
  secondsLeft,
} from './admin-request';

const OWN = ['https://kooperant.example'];
const jwt = (payload: object) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJl`;

describe('adminCredentialOf', () => {
  it('takes a Bearer header first, then the admin cookie among others', () => {
    expect(adminCredentialOf({ authorization: 'Bearer abc.def', cookie: 'kooperant_admin=xyz' })).toEqual({
      token: 'abc.def',
      via: 'bearer',
    });
    expect(adminCredentialOf({ cookie: 'theme=dark; kooperant_admin=xyz.1; other=2' })).toEqual({
      token: 'xyz.1',
      via: 'cookie',
    });
    expect(adminCredentialOf({ authorization: 'Basic Zm9vOmJhcg==' })).toBeNull();
    expect(adminCredentialOf({ cookie: 'kooperant_admin=' })).toBeNull();
    expect(adminCredentialOf({})).toBeNull();
  });
});

describe('cookieValue', () => {
  it('matches the whole name and drops quotes', () => {
    expect(cookieValue('x_kooperant_admin=1; kooperant_admin="2"', 'kooperant_admin')).toBe('2');
    expect(cookieValue(undefined, 'kooperant_admin')).toBeUndefined();
  });
});

describe('admin session cookies', () => {
  it('is HttpOnly, SameSite=Strict, under /admin, Secure only over HTTPS', () => {
    expect(adminSessionCookie('a.b.c', 899.6, true)).toBe(
      'kooperant_admin=a.b.c; Path=/admin; Max-Age=899; HttpOnly; SameSite=Strict; Secure',
    );
    expect(adminSessionCookie('a.b.c', 0, false)).toBe(
      'kooperant_admin=a.b.c; Path=/admin; Max-Age=1; HttpOnly; SameSite=Strict',
    );
    expect(clearedAdminSessionCookie(false)).toContain('Max-Age=0');
  });

  it('refuses a value that could add attributes', () => {
    expect(() => adminSessionCookie('a; Domain=evil.example', 60, false)).toThrow();
  });
});

describe('isSameOriginWrite', () => {
  it('lets reads through whatever their origin', () => {
    expect(isSameOriginWrite('GET', { origin: 'https://evil.example' }, OWN)).toBe(true);
  });

  it('lets a change through only from an own origin, or a same-origin fetch without Origin', () => {
    expect(isSameOriginWrite('PUT', { origin: 'https://kooperant.example' }, OWN)).toBe(true);
    expect(isSameOriginWrite('PUT', { origin: 'https://evil.example' }, OWN)).toBe(false);
    expect(isSameOriginWrite('POST', { origin: 'null' }, OWN)).toBe(false);
    expect(isSameOriginWrite('PUT', { 'sec-fetch-site': 'same-origin' }, OWN)).toBe(true);
    expect(isSameOriginWrite('PUT', { 'sec-fetch-site': 'cross-site' }, OWN)).toBe(false);
    expect(isSameOriginWrite('PATCH', {}, OWN)).toBe(false);
  });
});

describe('secondsLeft', () => {
  it("reads a token's exp against now, and is 0 without one", () => {
    expect(secondsLeft(jwt({ exp: 1_000 }), 400_000)).toBe(600);
    expect(secondsLeft(jwt({ exp: 1_000 }), 2_000_000)).toBe(0);
    expect(secondsLeft(jwt({}), 0)).toBe(0);
    expect(secondsLeft('garbage', 0)).toBe(0);
  });
});
