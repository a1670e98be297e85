import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { adminSql, removeTestQueues } from '@kooperant/platform-testing';
import { stop } from './servers';

/** Stops the gateway, worker and mail drop of the run and drops its database, queues, stored documents and mail. */
export default async function globalTeardown(): Promise<void> {
  const procs = (globalThis as Record<string, unknown>)['__KOOPERANT_E2E__'] as
    | {
        gateway: ChildProcess;
        worker: ChildProcess;
        database: string;
        queuePrefix: string;
        documents: string;
        mail: { close(): Promise<void> };
        mailDir: string;
      }
    | undefined;
  await Promise.all([stop(procs?.gateway), stop(procs?.worker)]);
  await procs?.mail.close();
  if (procs?.mailDir) rmSync(procs.mailDir, { recursive: true, force: true });
  if (procs?.database && /^[a-z0-9_]+$/.test(procs.database)) {
    await adminSql(`DROP DATABASE IF EXISTS ${procs.database} WITH (FORCE)`);
  }
  if (procs?.queuePrefix) await removeTestQueues(procs.queuePrefix);
  if (procs?.documents) rmSync(procs.documents, { recursive: true, force: true });
}
