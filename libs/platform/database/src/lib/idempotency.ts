import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@kooperant/platform-errors';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { queryRows } from './transaction';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface IdempotencyScope {
  operation: string;
  userId: string;
  key: string;
  input: unknown;
}

/**
 * Runs `create` once per (operation, user, key). Must be called inside a transaction: the key row is
 * inserted first (a concurrent replay waits on its unique index until the first commits), so a replay
 * returns the first result's id, and a replay with different input is an IDEMPOTENCY_KEY_REUSED error.
 */
export async function idempotent(
  manager: EntityManager,
  scope: IdempotencyScope,
  create: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (scope.key.length < 8 || scope.key.length > 128) {
    throw DomainError.invalid('idempotencyKey', 'LENGTH', 'Idempotency key must be 8 to 128 characters.');
  }
  const id = sha256(`${scope.operation}\u0000${scope.userId}\u0000${scope.key}`);
  const requestHash = sha256(canonical(scope.input));
  // ON CONFLICT DO NOTHING waits for a concurrent inserter of the same key to commit or roll back.
  const inserted = await queryRows(
    manager,
    `INSERT INTO idempotency_key (id, operation, request_hash, result_id) VALUES ($1, $2, $3, '00000000-0000-0000-0000-000000000000')
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [id, scope.operation, requestHash],
  );
  if (inserted.length === 0) {
    const existing = await manager.findOneByOrFail(IdempotencyKeyEntity, { id });
    if (existing.requestHash !== requestHash) {
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This idempotency key was already used with different input.',
        [{ field: 'idempotencyKey', reason: 'REUSED', message: 'Already used with different input.' }],
      );
    }
    return { id: existing.resultId, replayed: true };
  }
  const resultId = await create();
  await manager.update(IdempotencyKeyEntity, { id }, { resultId });
  return { id: resultId, replayed: false };
}

/**
 * The first result of an idempotency key, if it was used: lets a service answer a replay before it re-checks the
 * state the first call changed (a replayed award must return the award, not "already awarded"). Throws
 * IDEMPOTENCY_KEY_REUSED when the key came with other input.
 */
export async function replayOf(manager: EntityManager, scope: IdempotencyScope): Promise<string | null> {
  const id = sha256(`${scope.operation}\u0000${scope.userId}\u0000${scope.key}`);
  const existing = await manager.findOneBy(IdempotencyKeyEntity, { id });
  if (!existing || existing.resultId === '00000000-0000-0000-0000-000000000000') return null;
  if (existing.requestHash !== sha256(canonical(scope.input))) {
    throw new DomainError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      'This idempotency key was already used with different input.',
      [{ field: 'idempotencyKey', reason: 'REUSED', message: 'Already used with different input.' }],
    );
  }
  return existing.resultId;
}
