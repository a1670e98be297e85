import { spawnSync } from 'node:child_process';
import { databaseUrl, freePort, recreateDatabase, TEST_REDIS_URL } from '@kooperant/platform-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startNode, waitForReady } from './servers';
import { startMailDrop } from './mail-drop';

/** One database per run, so that runs on one machine do not disturb each other; dropped by the teardown. */
export const E2E_DB = `kooperant_e2e_${process.pid}`;
/**
 * And queues of their own on the shared Redis: under the default prefix, runs at the same time share queues, and a
 * run's worker takes jobs of another run's events and handles them against its own database, where they mean nothing;
 * the other run never sees them handled.
 */
export const E2E_QUEUE_PREFIX = `e2e-${process.pid}`;

/**
 * Once per e2e run: a fresh database with migrations, taxonomy and the demo data (clusters, coordinators,
 * firms, offers), then a gateway and a worker from dist/ on a free port. Tests talk to them over HTTP.
 */
export default async function globalSetup(): Promise<void> {
  await recreateDatabase(E2E_DB);
  const port = String(await freePort());
  const documents = mkdtempSync(join(tmpdir(), 'kooperant-e2e-documents-'));
  // The worker e-mails notifications to a real SMTP server on loopback; the tests read what it received.
  const mailDir = mkdtempSync(join(tmpdir(), 'kooperant-e2e-mail-'));
  const mail = await startMailDrop(mailDir);
  process.env['E2E_MAIL_DIR'] = mailDir;
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(E2E_DB),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: E2E_QUEUE_PREFIX,
    PORT: port,
    JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-012345',
    LOG_LEVEL: 'warn',
    GRAPHQL_INTROSPECTION: 'true',
    DOCUMENT_STORAGE_DIR: documents,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    MAIL_FROM: 'Kooperant <powiadomienia@kooperant.test>',
    WEBHOOK_BACKOFF_MS: '200',
  };
  const seed = spawnSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'seed'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`e2e seed failed:\n${seed.stdout}\n${seed.stderr}`);
  const gateway = startNode('dist/apps/gateway/src/main.js', env, 'gateway');
  const worker = startNode('dist/apps/worker/src/main.js', env, 'worker');
  await waitForReady(`http://127.0.0.1:${port}/health/ready`, 30_000, gateway);
  process.env['E2E_BASE_URL'] = `http://127.0.0.1:${port}`;
  (globalThis as Record<string, unknown>)['__KOOPERANT_E2E__'] = {
    gateway,
    worker,
    database: E2E_DB,
    queuePrefix: E2E_QUEUE_PREFIX,
    documents,
    mail,
    mailDir,
  };
}
