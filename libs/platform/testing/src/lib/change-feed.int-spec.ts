import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { CHANGE_CHANNEL, ChangeFeed } from '@kooperant/platform-database';
import { freePort } from './free-port';
import { TEST_PG_BASE } from './test-env';
import { waitFor } from './wait-for';

// The change feed of libs/platform/database, tested here: that lib's tests cannot use these helpers (they depend on it).

/**
 * Embedded PostgreSQL (PGlite over a socket, from the build) in a process of its own: PGlite does not load inside
 * Jest's module sandbox.
 */
async function embeddedPostgres(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const module = resolve(__dirname, '../../../../../dist/libs/platform/database/src/lib/embedded-postgres.js');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(module)}).startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} })` +
        `.then((p) => console.log('READY ' + p.url))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await waitFor('embedded PostgreSQL to start', async () => /READY (\S+)/.exec(out)?.[1], { ms: 60_000 });
  return { url, child };
}

async function notify(url: string, table: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`SELECT pg_notify($1, $2)`, [CHANGE_CHANNEL, table]);
  await c.end();
}

describe('ChangeFeed', () => {
  it('goes live on PostgreSQL and moves a table to a new epoch when another connection announces a change', async () => {
    const feed = new ChangeFeed(TEST_PG_BASE);
    await feed.onModuleInit();
    try {
      await waitFor('the feed to go live', async () => feed.epoch('offer') !== null, { ms: 5_000 });
      const before = feed.epoch('offer') as number;
      await notify(TEST_PG_BASE, 'offer');
      await waitFor('the change to arrive', async () => feed.epoch('offer') === before + 1, { ms: 5_000 });
      expect(feed.epoch('firm')).toBe(0);
    } finally {
      await feed.onModuleDestroy();
    }
    expect(feed.epoch('offer')).toBeNull();
  });

  it('stays off where a notification reaches only the connection that sent it (PGlite over a socket)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kooperant-feed-'));
    const pg = await embeddedPostgres(dir);
    const feed = new ChangeFeed(pg.url);
    try {
      await feed.onModuleInit();
      await notify(pg.url, 'offer');
      // Its probe went out on another connection and never came back: callers must not cache.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(feed.epoch('offer')).toBeNull();
    } finally {
      await feed.onModuleDestroy();
      pg.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
