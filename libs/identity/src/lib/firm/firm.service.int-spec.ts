import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@kooperant/platform-errors';
import { createTestApp, domainError, fieldsOf, type TestApp } from '@kooperant/platform-testing';
import { insertUser, ltFirmDetails, plFirmDetails, uniqueLtCompanyCode, uniqueNip } from '../../testing';
import { IdentityModule } from '../identity.module';
import { AccessService } from '../access/access.service';
import type { Actor } from '../access/actor';
import { FirmService } from './firm.service';
import { FirmErrorCode } from './firm.errors';

/** Same first 9 digits, any other last digit: a NIP whose check digit is wrong. */
function withWrongCheckDigit(nip: string): string {
  return `${nip.slice(0, 9)}${(Number(nip[9]) + 1) % 10}`;
}

describe('FirmService', () => {
  let app: TestApp;
  let firms: FirmService;

  const count = async (table: 'firm' | 'firm_member' | 'outbox_event' | 'idempotency_key'): Promise<number> =>
    (await app.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  const newActor = async (): Promise<Actor> => app.get(AccessService).actorFor(await insertUser(app.db));

  beforeAll(async () => {
    app = await createTestApp([IdentityModule]);
    firms = app.get(FirmService);
  });

  beforeEach(() => app.reset());

  afterAll(() => app?.close());

  it('registers a firm, makes the caller its admin and records firm.registered in the outbox', async () => {
    const actor = await newActor();
    const details = plFirmDetails({ nip: '  PL 856-734-62-15 ' });
    const firm = await firms.registerFirm(actor, details);

    expect(firm).toMatchObject({ country: 'PL', nip: '8567346215', name: details.name });
    const roles = await app.get(AccessService).loadRoles(actor.userId);
    expect(roles.firms.get(firm.id)).toBe('admin');
    const events = await app.db.query(`SELECT * FROM outbox_event WHERE type = 'firm.registered'`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      aggregate_type: 'firm',
      aggregate_id: firm.id,
      actor_user_id: actor.userId,
      payload: { firmId: firm.id, country: 'PL' },
    });
  });

  it('rejects a second firm with the same NIP with FIRM_ALREADY_REGISTERED on field nip, writing nothing', async () => {
    const nip = uniqueNip();
    await firms.registerFirm(await newActor(), plFirmDetails({ nip }));
    const before = [await count('firm'), await count('firm_member'), await count('outbox_event')];

    const e = await domainError(
      firms.registerFirm(await newActor(), plFirmDetails({ nip: `PL${nip}`, name: 'Copycat' })),
    );
    expect(e.code).toBe(FirmErrorCode.FIRM_ALREADY_REGISTERED);
    expect(fieldsOf(e)).toEqual(['nip']);
    expect([await count('firm'), await count('firm_member'), await count('outbox_event')]).toEqual(before);
  });

  it('rejects a second Lithuanian firm with the same company code on field companyCode', async () => {
    const companyCode = uniqueLtCompanyCode();
    await firms.registerFirm(await newActor(), ltFirmDetails({ companyCode }));
    const e = await domainError(
      firms.registerFirm(await newActor(), ltFirmDetails({ companyCode, name: 'UAB Kitas' })),
    );
    expect(e.code).toBe(FirmErrorCode.FIRM_ALREADY_REGISTERED);
    expect(fieldsOf(e)).toEqual(['companyCode']);
  });

  it('rejects a NIP with a wrong check digit with VALIDATION_FAILED and writes nothing', async () => {
    const actor = await newActor();
    const before = [await count('firm'), await count('firm_member'), await count('outbox_event')];

    const e = await domainError(firms.registerFirm(actor, plFirmDetails({ nip: withWrongCheckDigit(uniqueNip()) })));
    expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(e.problems).toEqual([expect.objectContaining({ field: 'nip', reason: 'CHECK_DIGIT' })]);
    expect([await count('firm'), await count('firm_member'), await count('outbox_event')]).toEqual(before);
  });

  it('returns the same firm when registerFirm is replayed with the same idempotency key', async () => {
    const actor = await newActor();
    const details = plFirmDetails();
    const key = `register-${randomUUID()}`;

    const first = await firms.registerFirm(actor, details, key);
    const replay = await firms.registerFirm(actor, { ...details }, key);

    expect(replay.id).toBe(first.id);
    expect(await count('firm')).toBe(1);
    expect(await count('outbox_event')).toBe(1);
  });

  it('creates one firm when 10 concurrent calls share one idempotency key', async () => {
    const actor = await newActor();
    const details = plFirmDetails();
    const key = `register-${randomUUID()}`;

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => firms.registerFirm(actor, details, key)));

    const ids = results.map((r) => (r.status === 'fulfilled' ? r.value.id : `rejected: ${String(r.reason)}`));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).not.toMatch(/^rejected/);
    expect(await count('firm')).toBe(1);
    expect(await count('firm_member')).toBe(1);
    expect(await count('outbox_event')).toBe(1);
    expect(await count('idempotency_key')).toBe(1);
  });

  it('rejects an idempotency key replayed with different input with IDEMPOTENCY_KEY_REUSED', async () => {
    const actor = await newActor();
    const key = `register-${randomUUID()}`;
    await firms.registerFirm(actor, plFirmDetails(), key);

    const e = await domainError(firms.registerFirm(actor, plFirmDetails(), key));
    expect(e.code).toBe(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    expect(fieldsOf(e)).toEqual(['idempotencyKey']);
    expect(await count('firm')).toBe(1);
  });

  it('scopes idempotency keys per user: another user with the same key registers their own firm', async () => {
    const key = `register-${randomUUID()}`;
    const a = await firms.registerFirm(await newActor(), plFirmDetails(), key);
    const b = await firms.registerFirm(await newActor(), plFirmDetails(), key);
    expect(b.id).not.toBe(a.id);
    expect(await count('firm')).toBe(2);
  });
});
