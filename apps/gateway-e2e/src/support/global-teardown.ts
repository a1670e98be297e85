import type { ChildProcess } from 'node:child_process';
import { stop } from './servers';

export default async function globalTeardown(): Promise<void> {
  const procs = (globalThis as Record<string, unknown>)['__KOOPERANT_E2E__'] as
    { gateway: ChildProcess; worker: ChildProcess } | undefined;
  await Promise.all([stop(procs?.gateway), stop(procs?.worker)]);
}
