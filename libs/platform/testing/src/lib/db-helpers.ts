import type { DataSource } from 'typeorm';

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
