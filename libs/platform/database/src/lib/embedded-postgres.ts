import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fixPgliteSocketQueue } from './pglite-queue-fix';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL in this process: PGlite (PostgreSQL compiled to WebAssembly) with its data in a folder,
 * served over the PostgreSQL wire protocol by pglite-socket so that TypeORM, `pg` and BullMQ's
 * PostgreSQL backend use their ordinary drivers. For trying Kooperant on a bare machine, not for production.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const dataDir = resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  const host = opts.host ?? '127.0.0.1';
  // PGlite runs one statement at a time whatever the number of connections; each one costs a socket. The gateway and
  // the worker keep pools of their own and BullMQ one per queue and role: at 64 a busy start ran out, and the server
  // turned the next connection away (the gateway answered that request with an internal error).
  const server = new PGLiteSocketServer({ db, port: opts.port, host, maxConnections: 1024 });
  fixPgliteSocketQueue(server);
  await server.start();
  return {
    url: `postgresql://postgres@${host}:${opts.port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
