import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, jobId } from './job-options';
import { JobName, QueueName, type RelayedEvent } from './queue-names';
import type { QueueRegistry } from './queue-registry';

/** An outbox row as read with its column names. */
export interface OutboxEventRow {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  actor_user_id: string | null;
  created_at: Date | string;
}

/** An outbox row as the relay hands it to subscribers (the data of its `domain-event` job). */
export function relayedEvent(r: OutboxEventRow): RelayedEvent {
  return {
    id: r.id,
    type: r.type,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    payload: r.payload,
    actorUserId: r.actor_user_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * Moves outbox rows to BullMQ, one `domain-event` job per row with the job id taken from the row id: read a batch of
 * unpublished rows, enqueue them, then mark them published. If the queue is down nothing is marked and the rows go out
 * when it returns; if two relays (two workers) read the same rows, or one dies between enqueueing and marking, the
 * same job ids are added again, which BullMQ ignores. No transaction is held while enqueueing: in embedded mode the
 * queue lives in the same single-session database, which an open transaction would block.
 */
export class OutboxRelay {
  private readonly log = new Logger('OutboxRelay');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private failures = 0;

  constructor(
    private readonly db: DataSource,
    private readonly queues: QueueRegistry,
    private readonly opts: { pollMs: number; batchSize?: number },
  ) {}

  /** Relays one batch; returns how many events went out. */
  async relayOnce(): Promise<number> {
    const rows: OutboxEventRow[] = await this.db.query(
      `SELECT id, type, aggregate_type, aggregate_id, payload, actor_user_id, created_at FROM outbox_event
       WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1`,
      [this.opts.batchSize ?? 500],
    );
    if (!rows.length) return 0;
    await this.queues.queue(QueueName.Events).addBulk(
      rows.map((r) => ({
        name: JobName.DomainEvent,
        data: relayedEvent(r),
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobId('event', r.id) },
      })),
    );
    await this.db.query(
      `UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[]) AND published_at IS NULL`,
      [rows.map((r) => r.id)],
    );
    return rows.length;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let sent = 0;
        try {
          sent = await this.relayOnce();
          if (this.failures) this.log.log(`relaying again after ${this.failures} failed attempts`);
          this.failures = 0;
        } catch (e) {
          if (this.failures++ % 50 === 0) this.log.warn(`outbox relay failed, will retry: ${(e as Error).message}`);
        }
        if (sent === 0 && this.running) {
          const wait = this.failures
            ? Math.min(5_000, this.opts.pollMs * 2 ** Math.min(this.failures, 5))
            : this.opts.pollMs;
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, wait);
            this.wake = () => {
              clearTimeout(t);
              resolve();
            };
          });
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
