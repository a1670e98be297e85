import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { isUniqueViolation } from '@kooperant/platform-database';
import { isLocale, TIME_ZONES, type Locale } from '@kooperant/platform-i18n';
import { UserEntity } from '../user/user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { AuthErrorCode } from './auth.errors';
import { dummyHash, hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './password';
import { TokenService } from './token.service';

export interface SignUpCommand {
  email: string;
  password: string;
  displayName: string;
  locale: string;
  timeZone?: string;
}

export interface AuthTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  userId: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async signUp(cmd: SignUpCommand): Promise<AuthTokens> {
    const email = normalizeEmail(cmd.email ?? '');
    const displayName = (cmd.displayName ?? '').trim();
    const problems = new ProblemCollector();
    if (!EMAIL.test(email) || email.length > 254) problems.add('email', 'FORMAT', 'Enter a valid e-mail address.');
    const pw = cmd.password ?? '';
    if (pw.length < PASSWORD_MIN_LENGTH)
      problems.add('password', 'TOO_SHORT', `Use at least ${PASSWORD_MIN_LENGTH} characters.`);
    if (pw.length > PASSWORD_MAX_LENGTH)
      problems.add('password', 'TOO_LONG', `Use at most ${PASSWORD_MAX_LENGTH} characters.`);
    if (displayName.length < 1 || displayName.length > 120)
      problems.add('displayName', 'LENGTH', 'Give a name of 1 to 120 characters.');
    if (!isLocale(cmd.locale)) problems.add('locale', 'UNSUPPORTED', 'Choose en, pl or lt.');
    const timeZone = cmd.timeZone ?? (cmd.locale === 'lt' ? TIME_ZONES.LT : TIME_ZONES.PL);
    if (!isValidTimeZone(timeZone)) problems.add('timeZone', 'UNKNOWN', 'Unknown time zone.');
    problems.throwIfAny();

    const passwordHash = await hashPassword(pw);
    try {
      return await this.db.transaction(async (m) => {
        const user = await m.save(
          m.create(UserEntity, { email, passwordHash, displayName, locale: cmd.locale as Locale, timeZone }),
        );
        return this.issue(m, user.id);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'app_user_email_key')) {
        throw new DomainError(AuthErrorCode.EMAIL_TAKEN, 'An account with this e-mail already exists.', [
          { field: 'email', reason: 'TAKEN', message: 'An account with this e-mail already exists.' },
        ]);
      }
      throw e;
    }
  }

  async signIn(emailRaw: string, password: string): Promise<AuthTokens> {
    const email = normalizeEmail(emailRaw ?? '');
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const ok = user
      ? await verifyPassword(user.passwordHash, password ?? '')
      : (await verifyPassword(await dummyHash(), password ?? ''), false);
    if (!user || !ok) throw new DomainError(AuthErrorCode.INVALID_CREDENTIALS, 'Wrong e-mail or password.');
    return this.db.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { lastSignInAt: new Date() });
      return this.issue(m, user.id);
    });
  }

  /**
   * Rotates a refresh token. The old one is revoked in the same conditional UPDATE that checks it is
   * still live, so two concurrent refreshes with one token cannot both succeed; presenting a token that
   * was already rotated revokes its whole family (it has leaked).
   */
  async refresh(token: string): Promise<AuthTokens> {
    const parsed = this.tokens.parseRefreshToken(token ?? '');
    if (!parsed) throw new DomainError(AuthErrorCode.INVALID_REFRESH_TOKEN, 'Sign in again.');
    const outcome = await this.db.transaction(async (m): Promise<AuthTokens | { reusedFamily: string }> => {
      const row = await m.findOneBy(RefreshTokenEntity, { id: parsed.id });
      if (!row || !this.tokens.hashesEqual(row.secretHash, parsed.secretHash)) {
        throw new DomainError(AuthErrorCode.INVALID_REFRESH_TOKEN, 'Sign in again.');
      }
      if (row.revokedAt && !row.replacedBy) {
        // Signed out, or its family was revoked: the session is over.
        throw new DomainError(AuthErrorCode.INVALID_REFRESH_TOKEN, 'This session has ended. Sign in again.');
      }
      if (row.expiresAt.getTime() <= Date.now()) {
        throw new DomainError(AuthErrorCode.INVALID_REFRESH_TOKEN, 'Your session expired. Sign in again.');
      }
      const next = this.tokens.newRefreshSecret();
      const revoked = await m
        .createQueryBuilder()
        .update(RefreshTokenEntity)
        .set({ revokedAt: () => 'now()', replacedBy: next.id })
        .where('id = :id AND revoked_at IS NULL', { id: row.id })
        .execute();
      // Already rotated: the token was used twice, so it may have leaked.
      if (revoked.affected !== 1) return { reusedFamily: row.familyId };
      return this.issue(m, row.userId, row.familyId, next);
    });
    if ('reusedFamily' in outcome) {
      // Outside the transaction above, so that no request ever holds two pool connections at once.
      await this.db
        .createQueryBuilder()
        .update(RefreshTokenEntity)
        .set({ revokedAt: () => 'now()' })
        .where('family_id = :f AND revoked_at IS NULL', { f: outcome.reusedFamily })
        .execute();
      throw new DomainError(AuthErrorCode.REFRESH_TOKEN_REUSED, 'This session was ended for safety. Sign in again.');
    }
    return outcome;
  }

  /** Ends the session the refresh token belongs to (its whole family). Unknown tokens are ignored. */
  async signOut(token: string): Promise<void> {
    const parsed = this.tokens.parseRefreshToken(token ?? '');
    if (!parsed) return;
    const row = await this.db.getRepository(RefreshTokenEntity).findOneBy({ id: parsed.id });
    if (!row || !this.tokens.hashesEqual(row.secretHash, parsed.secretHash)) return;
    await this.db
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :f AND revoked_at IS NULL', { f: row.familyId })
      .execute();
  }

  private async issue(
    m: EntityManager,
    userId: string,
    familyId?: string,
    next = this.tokens.newRefreshSecret(),
  ): Promise<AuthTokens> {
    const refreshTokenExpiresAt = new Date(Date.now() + this.tokens.refreshTokenTtlMs);
    await m.insert(RefreshTokenEntity, {
      id: next.id,
      userId,
      familyId: familyId ?? next.id,
      secretHash: next.secretHash,
      expiresAt: refreshTokenExpiresAt,
    });
    return {
      userId,
      accessToken: await this.tokens.signAccessToken(userId),
      accessTokenExpiresAt: new Date(Date.now() + this.tokens.accessTokenTtlSeconds * 1000),
      refreshToken: next.token,
      refreshTokenExpiresAt,
    };
  }
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
