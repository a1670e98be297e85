import { createTestApp, type TestApp } from '@kooperant/platform-testing';
import { insertCluster, insertUser, uniqueLtCompanyCode } from '../../testing';
import { IdentityModule } from '../identity.module';
import { AccessService } from './access.service';

describe('AccessService', () => {
  let app: TestApp;
  let access: AccessService;

  /** A firm row inserted directly: roles are what is under test, not registration. */
  const insertFirm = async (): Promise<string> =>
    (
      await app.db.query(
        `INSERT INTO firm (name, country, company_code, street, city, postcode, lat, lng, size_class, version)
         VALUES ('UAB Testas', 'LT', $1, 'Pramonės g. 5', 'Alytus', 'LT-62100', 54.4, 24.05, 'small', 1)
         RETURNING id`,
        [uniqueLtCompanyCode()],
      )
    )[0].id;

  beforeAll(async () => {
    app = await createTestApp([IdentityModule]);
    access = app.get(AccessService);
  });

  beforeEach(() => app.reset());

  afterAll(() => app?.close());

  it('loads firm roles, coordinated clusters and the platform-admin flag in one go', async () => {
    const userId = await insertUser(app.db, { locale: 'lt', platformAdmin: true });
    const [adminOf, memberOf] = [await insertFirm(), await insertFirm()];
    const [c1, c2] = [await insertCluster(app.db, 'LT'), await insertCluster(app.db, 'LT')];
    await app.db.query(
      `INSERT INTO firm_member (user_id, firm_id, role) VALUES ($1, $2, 'admin'), ($1, $3, 'member')`,
      [userId, adminOf, memberOf],
    );
    await app.db.query(`INSERT INTO cluster_coordinator (user_id, cluster_id) VALUES ($1, $2), ($1, $3)`, [
      userId,
      c1,
      c2,
    ]);

    const roles = await access.loadRoles(userId);

    expect(roles.platformAdmin).toBe(true);
    expect(new Map(roles.firms)).toEqual(
      new Map([
        [adminOf, 'admin'],
        [memberOf, 'member'],
      ]),
    );
    expect(new Set(roles.coordinatorOf)).toEqual(new Set([c1, c2]));
  });

  it('loads no roles for a plain user, and does not mix in other users’ roles', async () => {
    const plain = await insertUser(app.db, { locale: 'lt' });
    const other = await insertUser(app.db, { locale: 'lt', platformAdmin: true });
    await app.db.query(`INSERT INTO firm_member (user_id, firm_id, role) VALUES ($1, $2, 'admin')`, [
      other,
      await insertFirm(),
    ]);
    await app.db.query(`INSERT INTO cluster_coordinator (user_id, cluster_id) VALUES ($1, $2)`, [
      other,
      await insertCluster(app.db, 'LT'),
    ]);

    const roles = await access.loadRoles(plain);
    expect(roles.platformAdmin).toBe(false);
    expect(roles.firms.size).toBe(0);
    expect(roles.coordinatorOf.size).toBe(0);
  });

  it('loads roles once per actor: a new actor sees later changes, the old one keeps its roles', async () => {
    const userId = await insertUser(app.db, { locale: 'lt' });
    const actor = access.actorFor(userId);
    expect((await actor.roles()).firms.size).toBe(0);

    const firmId = await insertFirm();
    await app.db.query(`INSERT INTO firm_member (user_id, firm_id, role) VALUES ($1, $2, 'member')`, [userId, firmId]);

    expect((await actor.roles()).firms.size).toBe(0);
    expect((await access.actorFor(userId).roles()).firms.get(firmId)).toBe('member');
  });
});
