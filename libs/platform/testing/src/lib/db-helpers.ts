import type { DataSource } from 'typeorm';
import { relayedEvent, type OutboxEventRow, type RelayedEvent } from '@kooperant/platform-queue';

/** Rows in a table, e.g. to show that a refused change wrote nothing. */
export async function countRows(db: DataSource, table: string): Promise<number> {
  if (!/^[a-z_]+$/.test(table)) throw new Error('bad table name');
  const [row] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n as number;
}

export interface OutboxRow {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  actor_user_id: string | null;
}

/** Outbox rows of one type (optionally of one aggregate), oldest first. */
export function outboxEvents(db: DataSource, type: string, aggregateId?: string): Promise<OutboxRow[]> {
  return aggregateId
    ? db.query(`SELECT * FROM outbox_event WHERE type = $1 AND aggregate_id = $2 ORDER BY created_at, id`, [
        type,
        aggregateId,
      ])
    : db.query(`SELECT * FROM outbox_event WHERE type = $1 ORDER BY created_at, id`, [type]);
}

/** The outbox rows of a type as the relay hands them to subscribers, oldest first. */
export async function relayedEvents(db: DataSource, type: string): Promise<RelayedEvent[]> {
  const rows: OutboxEventRow[] = await db.query(
    `SELECT id, type, aggregate_type, aggregate_id, payload, actor_user_id, created_at FROM outbox_event
     WHERE type = $1 ORDER BY created_at, id`,
    [type],
  );
  return rows.map(relayedEvent);
}
