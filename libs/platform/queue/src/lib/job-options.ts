import type { JobsOptions } from 'bullmq';

/** Attempts with exponential backoff and bounded retention, for every job. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 50_000 },
};

/**
 * A deterministic job id from its parts. BullMQ forbids `:` in custom ids, and an all-digit id
 * would clash with its own numbering.
 */
export function jobId(...parts: (string | number)[]): string {
  const id = parts.map(String).join('-');
  if (!id || id.includes(':')) throw new Error(`Invalid job id "${id}": must be non-empty and contain no ':'`);
  if (/^\d+$/.test(id)) throw new Error(`Invalid job id "${id}": must not be all digits`);
  return id;
}
