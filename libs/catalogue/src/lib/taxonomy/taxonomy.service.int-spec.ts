import { ErrorCode, ProblemCollector } from '@kooperant/platform-errors';
import { AccessService, FirmService } from '@kooperant/identity';
import { createTestApp, domainError, fieldsOf, settlesWithin, type TestApp } from '@kooperant/platform-testing';
import { insertUser, plFirmDetails } from '@kooperant/identity/testing';
import { CatalogueModule } from '../catalogue.module';
import { countRows } from '@kooperant/platform-testing';
import { seedTaxonomy } from './taxonomy-seeder';
import { TAXONOMY_SEED } from './taxonomy.seed';
import { TaxonomyService } from './taxonomy.service';

const CODE = 'process.cnc-milling';

describe('TaxonomyService', () => {
  let app: TestApp;
  let taxonomy: TaxonomyService;
  const realNow = Date.now.bind(Date);

  const labelEn = async () => (await taxonomy.snapshot()).byCode.get(CODE)?.labels.en;
  const setLabel = (en: string, touchUpdatedAt: boolean) =>
    app.db.query(
      `UPDATE taxonomy_entry SET labels = jsonb_set(labels, '{en}', to_jsonb($2::text))
         ${touchUpdatedAt ? ', updated_at = now()' : ''} WHERE code = $1`,
      [CODE, en],
    );
  /** Lets the service believe `ms` more milliseconds have passed. */
  const advanceClock = (ms: number) => jest.spyOn(Date, 'now').mockImplementation(() => realNow() + ms);

  beforeAll(async () => {
    app = await createTestApp([CatalogueModule]);
    taxonomy = app.get(TaxonomyService);
  });

  beforeEach(async () => {
    jest.restoreAllMocks();
    await app.reset();
    await seedTaxonomy(app.db);
    taxonomy.invalidate();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await app?.close();
  });

  it('loads every seeded entry with its hierarchy', async () => {
    const snap = await taxonomy.snapshot();
    expect(snap.size).toBe(TAXONOMY_SEED.length);
    const cutting = snap.byCode.get('process.cutting')!;
    expect(
      snap
        .withDescendants(cutting.id)
        .map((id) => snap.byId.get(id)!.code)
        .sort(),
    ).toEqual(
      TAXONOMY_SEED.filter((e) => e.code === 'process.cutting' || e.parentCode === 'process.cutting')
        .map((e) => e.code)
        .sort(),
    );
  });

  it('reloads the snapshot after invalidate() once the table changed', async () => {
    expect(await labelEn()).toBe('CNC milling');
    await setLabel('CNC milling (edited)', true);

    taxonomy.invalidate();

    expect(await labelEn()).toBe('CNC milling (edited)');
  });

  it('keeps the cached snapshot for RECHECK_MS without asking the database', async () => {
    const before = await taxonomy.snapshot();
    await setLabel('CNC milling (edited)', true);

    advanceClock(TaxonomyService.RECHECK_MS - 1_000);
    expect(await taxonomy.snapshot()).toBe(before);
    expect(await labelEn()).toBe('CNC milling');
  });

  it('reloads the snapshot on its own once RECHECK_MS passed and the table changed', async () => {
    const before = await taxonomy.snapshot();
    await setLabel('CNC milling (edited)', true);

    advanceClock(TaxonomyService.RECHECK_MS + 1_000);

    const after = await taxonomy.snapshot();
    expect(after).not.toBe(before);
    expect(after.byCode.get(CODE)?.labels.en).toBe('CNC milling (edited)');
  });

  it('keeps the same snapshot after RECHECK_MS when nothing changed', async () => {
    const before = await taxonomy.snapshot();
    advanceClock(TaxonomyService.RECHECK_MS + 1_000);
    expect(await taxonomy.snapshot()).toBe(before);
  });

  it('notices a new entry after RECHECK_MS', async () => {
    await taxonomy.snapshot();
    const parent = (await taxonomy.snapshot()).byCode.get('process.cutting')!;
    await app.db.query(
      `INSERT INTO taxonomy_entry (code, kind, parent_id, labels, synonyms) VALUES ('process.test-cutting', 'process', $1, $2, $3)`,
      [parent.id, { en: 'test cutting', pl: 'cięcie testowe', lt: 'testinis pjovimas' }, { en: [], pl: [], lt: [] }],
    );

    advanceClock(TaxonomyService.RECHECK_MS + 1_000);

    const snap = await taxonomy.snapshot();
    expect(snap.byCode.get('process.test-cutting')).toBeDefined();
    expect(snap.withDescendants(parent.id)).toContain(snap.byCode.get('process.test-cutting')!.id);
  });

  it('resolves codes of one kind to ids and reports unknown or wrong-kind codes by field', async () => {
    const snap = await taxonomy.snapshot();
    const problems = new ProblemCollector();
    const ids = await taxonomy.resolveCodes(
      snap,
      'process',
      ['process.laser-cutting', 'material.aluminium', 'process.laser-cutting', 'process.nope'],
      'processCodes',
      problems,
    );
    expect(ids).toEqual([snap.byCode.get('process.laser-cutting')!.id]);
    expect(problems.problems.map((p) => [p.field, p.reason])).toEqual([
      ['processCodes.1', 'UNKNOWN_REFERENCE'],
      ['processCodes.3', 'UNKNOWN_REFERENCE'],
    ]);
    expect(() => problems.throwIfAny()).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
  });

  it('is identity’s capability vocabulary: registerFirm rejects an unknown certification code', async () => {
    const admin = app.get(AccessService).actorFor(await insertUser(app.db));
    const e = await domainError(
      app
        .get(FirmService)
        .registerFirm(admin, plFirmDetails({ certificationCodes: ['cert.iso-9001', 'cert.iso-99999'] })),
    );
    expect(e.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(fieldsOf(e)).toEqual(['certificationCodes.1']);
    expect(await countRows(app.db, 'firm')).toBe(0);

    const ok = await app.get(FirmService).registerFirm(admin, plFirmDetails({ certificationCodes: ['cert.iso-9001'] }));
    expect(ok.certificationCodes).toEqual(['cert.iso-9001']);
  });

  it('lets concurrent updateFirm calls check certifications against a cold snapshot without freezing the pool', async () => {
    const admin = app.get(AccessService).actorFor(await insertUser(app.db));
    const firms = app.get(FirmService);
    const firm = await firms.registerFirm(admin, plFirmDetails({ certificationCodes: ['cert.iso-9001'] }));
    taxonomy.invalidate();

    // As many calls as the test pool has connections (10); production has 20 and more traffic.
    const all = Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => firms.updateFirm(admin, { firmId: firm.id, description: `Opis ${i}` })),
    );

    expect(await settlesWithin(all, 3_000)).toBe('settled');
    expect((await all).every((r) => r.status === 'fulfilled')).toBe(true);
  });

  it('answers the identity vocabulary port with the unknown certification codes', async () => {
    expect(await taxonomy.unknownCodes('certification', ['cert.iso-9001', 'cert.made-up', 'process.welding'])).toEqual([
      'cert.made-up',
      'process.welding',
    ]);
  });
});
