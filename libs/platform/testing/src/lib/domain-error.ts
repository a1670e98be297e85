import { DomainError } from '@kooperant/platform-errors';

/** Awaits `work` and returns the DomainError it must fail with (anything else fails the test). */
export async function domainError(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

/** The fields a DomainError names, sorted. */
export const fieldsOf = (e: DomainError): string[] => e.problems.map((p) => p.field).sort();
