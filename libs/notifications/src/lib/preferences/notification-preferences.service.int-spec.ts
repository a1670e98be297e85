import { AccessService, IdentityModule, type Actor } from '@kooperant/identity';
import { insertUser } from '@kooperant/identity/testing';
import { createTestApp, domainError, type TestApp } from '@kooperant/platform-testing';
import { NotificationsModule } from '../notifications.module';
import { NOTIFICATION_KINDS } from '../kinds';
import { DIGEST_UNSUBSCRIBE, unsubscribeToken } from '../email/unsubscribe-token';
import { NotificationPreferencesService } from './notification-preferences.service';

describe('NotificationPreferencesService', () => {
  let app: TestApp;
  let preferences: NotificationPreferencesService;
  let user: Actor;

  beforeAll(async () => {
    app = await createTestApp([IdentityModule, NotificationsModule]);
    preferences = app.get(NotificationPreferencesService);
  });

  beforeEach(async () => {
    await app.reset();
    user = app.get(AccessService).actorFor(await insertUser(app.db, { locale: 'lt' }));
  });

  afterAll(() => app?.close());

  const modeOf = async (kind: string) => (await preferences.preferences(user)).kinds.find((k) => k.kind === kind);

  it('starts from the defaults: the kinds not to miss at once, the chatty ones in a digest at 08:00 local time', async () => {
    const mine = await preferences.preferences(user);
    expect(mine.digestHour).toBe(8);
    expect(mine.timeZone).toBe('Europe/Vilnius');
    expect(mine.kinds).toHaveLength(NOTIFICATION_KINDS.length);
    expect(mine.kinds.every((k) => k.byDefault)).toBe(true);
    expect(await modeOf('invitation.received')).toEqual({
      kind: 'invitation.received',
      email: 'immediately',
      byDefault: true,
    });
    expect((await modeOf('opportunity.new'))?.email).toBe('daily_digest');
    expect((await modeOf('message.new'))?.email).toBe('daily_digest');
  });

  it('keeps the mode per kind and the digest hour; what a change leaves out stays', async () => {
    await preferences.update(user, {
      digestHour: 17,
      kinds: [
        { kind: 'opportunity.new', email: 'off' },
        { kind: 'invitation.received', email: 'daily_digest' },
      ],
    });
    const after = await preferences.update(user, { kinds: [{ kind: 'message.new', email: 'immediately' }] });
    expect(after.digestHour).toBe(17);
    expect(after.kinds.filter((k) => !k.byDefault)).toEqual([
      { kind: 'opportunity.new', email: 'off', byDefault: false },
      { kind: 'invitation.received', email: 'daily_digest', byDefault: false },
      { kind: 'message.new', email: 'immediately', byDefault: false },
    ]);
    expect((await preferences.update(user, { digestHour: 0 })).digestHour).toBe(0);
  });

  it('refuses bad input, naming every field, and changes nothing', async () => {
    const bad = await domainError(
      preferences.update(user, {
        digestHour: 24,
        kinds: [
          { kind: 'quote.maybe', email: 'immediately' },
          { kind: 'message.new', email: 'weekly' },
          { kind: 'message.new', email: 'off' },
        ],
      }),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.problems.map((p) => [p.field, p.reason])).toEqual([
      ['digestHour', 'OUT_OF_RANGE'],
      ['kinds[0].kind', 'UNKNOWN_KIND'],
      ['kinds[1].email', 'UNKNOWN_MODE'],
      ['kinds[2].kind', 'DUPLICATE'],
    ]);
    expect((await domainError(preferences.update(user, { digestHour: 7.5 }))).field).toBe('digestHour');
    expect((await domainError(preferences.update(user, { digestHour: -1 }))).field).toBe('digestHour');
    const unchanged = await preferences.preferences(user);
    expect([unchanged.digestHour, unchanged.kinds.every((k) => k.byDefault)]).toEqual([8, true]);
  });

  it("the digest's unsubscribe link turns off every kind then in the digest, and only those", async () => {
    await preferences.update(user, {
      kinds: [
        { kind: 'invitation.received', email: 'daily_digest' },
        { kind: 'message.new', email: 'immediately' },
      ],
    });
    const token = unsubscribeToken(app.config.auth.jwtSecret, user.userId, DIGEST_UNSUBSCRIBE);
    expect(await preferences.unsubscribe(token)).toEqual({ locale: 'lt', stopped: 'digest' });
    const kinds = (await preferences.preferences(user)).kinds;
    expect(kinds.filter((k) => k.email === 'daily_digest')).toEqual([]);
    expect(kinds.find((k) => k.kind === 'invitation.received')?.email).toBe('off');
    expect(kinds.find((k) => k.kind === 'opportunity.new')?.email).toBe('off');
    expect(kinds.find((k) => k.kind === 'message.new')?.email).toBe('immediately');
    expect(kinds.find((k) => k.kind === 'quote.received')).toMatchObject({ email: 'immediately', byDefault: true });
  });

  it("a kind's unsubscribe link turns that kind off; a token for something else is refused", async () => {
    const secret = app.config.auth.jwtSecret;
    expect(await preferences.unsubscribe(unsubscribeToken(secret, user.userId, 'message.new'))).toEqual({
      locale: 'lt',
      stopped: 'message.new',
    });
    expect((await modeOf('message.new'))?.email).toBe('off');
    expect(await preferences.unsubscribe(unsubscribeToken(secret, user.userId, 'everything'))).toBeNull();
  });
});
