import { randomUUID } from 'node:crypto';
import { adminSql, createTestApp, workerDatabaseName, type TestApp } from '@kooperant/platform-testing';
import { MetricsModule } from '../metrics.module';
import { MetricsRollupService } from './metrics-rollup.service';

/** Resolves as `p` does, or rejects after `ms`. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Embedded mode (`npm start` without DATABASE_URL) serves one transaction at a time: while one connection is inside a
 * transaction, PGlite answers no other. A pool of one connection on real PostgreSQL behaves the same way.
 */
describe('MetricsRollupService on a single connection', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp([MetricsModule], [], {}, 1);
  });

  afterAll(async () => {
    // A roll-up still waiting holds the only connection inside its transaction (so ask no query of the app).
    await adminSql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = '${workerDatabaseName()}' AND application_name = 'kooperant-int-test'`,
    );
    await app?.close().catch(() => undefined);
  });

  it('rolls up an award without a second connection while its transaction is open', async () => {
    const rollup = app.get(MetricsRollupService);
    const [orderId, packageId, clusterId, buyerFirmId, firmId] = Array.from({ length: 5 }, () => randomUUID());
    const published = { orderId, clusterId, buyerFirmId, packageCount: 1 };
    const at = new Date();
    expect(
      await within(5_000, rollup.apply({ id: randomUUID(), type: 'order.published', at, payload: published })),
    ).toBe(true);
    const awarded = { orderId, packageId, firmId, priceMinor: 100_000, currency: 'PLN' };
    // The award day's NBP rate is read on the roll-up transaction's own connection (it was read on a second one,
    // and embedded mode hung at its first award).
    expect(await within(5_000, rollup.apply({ id: randomUUID(), type: 'package.awarded', at, payload: awarded }))).toBe(
      true,
    );
  });
});
