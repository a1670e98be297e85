import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export interface DomainEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  actorUserId?: string | null;
}

/** Records several domain events in one statement (same rules as recordEvent); returns their ids. */
export async function recordEvents(manager: EntityManager, events: DomainEvent[]): Promise<string[]> {
  if (!events.length) return [];
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(
      `recordEvents(${events[0].type}, …) must run inside the transaction of the change that caused them`,
    );
  }
  const rows = events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    payload: event.payload as never,
    actorUserId: event.actorUserId ?? null,
  }));
  await manager.insert(OutboxEventEntity, rows);
  return rows.map((r) => r.id);
}

/** Records a domain event. Call it with the transaction's manager, never on its own. */
export async function recordEvent(manager: EntityManager, event: DomainEvent): Promise<string> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`recordEvent(${event.type}) must run inside the transaction of the change that caused it`);
  }
  const id = randomUUID();
  await manager.insert(OutboxEventEntity, {
    id,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    payload: event.payload as never,
    actorUserId: event.actorUserId ?? null,
  });
  return id;
}
