import { randomUUID } from 'node:crypto';
import { DomainError } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, settlesWithin, type TestApp } from '@kooperant/platform-testing';
import { IdentityModule } from '../identity.module';
import { AuthService } from './auth.service';
import { AuthErrorCode } from './auth.errors';
import { TokenService } from './token.service';

const PASSWORD = 'correct-horse-battery';

describe('AuthService', () => {
  let app: TestApp;
  let auth: AuthService;

  const signUp = (email = `u-${randomUUID()}@test.kooperant`) =>
    auth.signUp({ email, password: PASSWORD, displayName: 'Anna Test', locale: 'pl' });

  const familyOf = async (refreshToken: string): Promise<{ id: string; revoked_at: Date | null }[]> => {
    const id = refreshToken.split('.')[0];
    return app.db.query(
      `SELECT id, revoked_at FROM refresh_token
       WHERE family_id = (SELECT family_id FROM refresh_token WHERE id = $1) ORDER BY created_at`,
      [id],
    );
  };

  beforeAll(async () => {
    app = await createTestApp([IdentityModule]);
    auth = app.get(AuthService);
  });

  beforeEach(() => app.reset());

  afterAll(() => app?.close());

  it('signs a user up with a normalised e-mail and signs them in with it in another case', async () => {
    const up = await signUp('  Anna.Nowak@Example.PL ');
    const [user] = await app.db.query(`SELECT email FROM app_user WHERE id = $1`, [up.userId]);
    expect(user.email).toBe('anna.nowak@example.pl');

    const signedIn = await auth.signIn('ANNA.NOWAK@example.pl', PASSWORD);
    expect(signedIn.userId).toBe(up.userId);
    expect(await app.get(TokenService).verifyAccessToken(signedIn.accessToken)).toEqual({ userId: up.userId });
    const [after] = await app.db.query(`SELECT last_sign_in_at FROM app_user WHERE id = $1`, [up.userId]);
    expect(after.last_sign_in_at).toBeInstanceOf(Date);
  });

  it('rejects a duplicate e-mail, whatever its case, with EMAIL_TAKEN on field email', async () => {
    await signUp('jonas@example.lt');
    const e = await domainError(signUp('Jonas@EXAMPLE.lt'));
    expect(e.code).toBe(AuthErrorCode.EMAIL_TAKEN);
    expect(fieldsOf(e)).toEqual(['email']);
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM app_user`);
    expect(n).toBe(1);
  });

  it('refuses a wrong password and an unknown e-mail alike with INVALID_CREDENTIALS', async () => {
    await signUp('marta@example.pl');
    expect((await domainError(auth.signIn('marta@example.pl', 'wrong-password-123'))).code).toBe(
      AuthErrorCode.INVALID_CREDENTIALS,
    );
    expect((await domainError(auth.signIn('nobody@example.pl', PASSWORD))).code).toBe(
      AuthErrorCode.INVALID_CREDENTIALS,
    );
  });

  it('rotates a refresh token into a new token of the same family', async () => {
    const first = await signUp();
    const second = await auth.refresh(first.refreshToken);
    expect(second.userId).toBe(first.userId);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const family = await familyOf(second.refreshToken);
    expect(family.map((r) => r.id)).toEqual([first.refreshToken.split('.')[0], second.refreshToken.split('.')[0]]);
    expect(family[0].revoked_at).not.toBeNull();
    expect(family[1].revoked_at).toBeNull();
    // The successor rotates in turn.
    await expect(auth.refresh(second.refreshToken)).resolves.toMatchObject({ userId: first.userId });
  });

  it('answers reuse of a rotated token with REFRESH_TOKEN_REUSED and revokes the whole family', async () => {
    const first = await signUp();
    const second = await auth.refresh(first.refreshToken);

    const reuse = await domainError(auth.refresh(first.refreshToken));
    expect(reuse.code).toBe(AuthErrorCode.REFRESH_TOKEN_REUSED);

    const family = await familyOf(first.refreshToken);
    expect(family).toHaveLength(2);
    expect(family.every((r) => r.revoked_at !== null)).toBe(true);
    // The successor, which the thief may hold, is dead too.
    expect((await domainError(auth.refresh(second.refreshToken))).code).toBe(AuthErrorCode.INVALID_REFRESH_TOKEN);
  });

  it('revokes only the reused family, leaving the user’s other sessions alive', async () => {
    const phone = await signUp('ola@example.pl');
    const laptop = await auth.signIn('ola@example.pl', PASSWORD);
    await auth.refresh(phone.refreshToken);
    await domainError(auth.refresh(phone.refreshToken));

    await expect(auth.refresh(laptop.refreshToken)).resolves.toMatchObject({ userId: phone.userId });
  });

  it('lets exactly one of two concurrent refreshes with the same token succeed', async () => {
    const { refreshToken } = await signUp();
    const results = await Promise.allSettled([auth.refresh(refreshToken), auth.refresh(refreshToken)]);

    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toBeInstanceOf(DomainError);
    expect([AuthErrorCode.REFRESH_TOKEN_REUSED, AuthErrorCode.INVALID_REFRESH_TOKEN]).toContain(
      (failed[0].reason as DomainError).code,
    );
    // One successor was issued, not two.
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM refresh_token`);
    expect(n).toBe(2);
  });

  it('refuses an expired refresh token with INVALID_REFRESH_TOKEN', async () => {
    const { refreshToken } = await signUp();
    await app.db.query(`UPDATE refresh_token SET expires_at = now() - interval '1 second'`);
    expect((await domainError(auth.refresh(refreshToken))).code).toBe(AuthErrorCode.INVALID_REFRESH_TOKEN);
  });

  it('refuses a refresh token with a forged secret with INVALID_REFRESH_TOKEN, leaving the session alive', async () => {
    const { refreshToken } = await signUp();
    const forged = `${refreshToken.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await domainError(auth.refresh(forged))).code).toBe(AuthErrorCode.INVALID_REFRESH_TOKEN);
    await expect(auth.refresh(refreshToken)).resolves.toBeDefined();
  });

  it('answers 10 concurrent reuses of a rotated token (as many as the pool has connections) without freezing the pool', async () => {
    const first = await signUp();
    await auth.refresh(first.refreshToken);

    const all = Promise.allSettled(Array.from({ length: 10 }, () => auth.refresh(first.refreshToken)));
    // If each call holds a connection in its transaction and waits for a second one, the pool starves:
    // settlesWithin then ends the stuck sessions so that the pool recovers for the rest of this file.
    expect(await settlesWithin(all, 3_000)).toBe('settled');
    const codes = (await all).map((r) => (r.status === 'rejected' ? (r.reason as DomainError).code : 'ok'));
    expect(codes).toEqual(Array(10).fill(AuthErrorCode.REFRESH_TOKEN_REUSED));
  });

  it('ends the whole session on signOut', async () => {
    const first = await signUp();
    const second = await auth.refresh(first.refreshToken);
    await auth.signOut(second.refreshToken);
    expect((await domainError(auth.refresh(second.refreshToken))).code).toBe(AuthErrorCode.INVALID_REFRESH_TOKEN);
  });
});
