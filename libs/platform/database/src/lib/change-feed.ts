import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';

export const CHANGE_CHANNEL = 'kooperant_changes';

/**
 * Tells every process when tables it caches have changed: a statement-level trigger on those tables sends
 * NOTIFY kooperant_changes with the table name (migration ChangeFeed), and this listener bumps a per-table
 * epoch. A cache entry stored under an epoch is only served while that epoch is current.
 *
 * The feed reports itself live only after a NOTIFY it sent from another connection came back, and stops being live
 * as soon as its connection drops: callers must not cache while `epoch()` returns null (PGlite over a socket, for
 * one, delivers a notification only to the connection that sent it, so embedded mode runs without these caches).
 */
export class ChangeFeed implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('ChangeFeed');
  private client?: Client;
  private live = false;
  private closed = false;
  private readonly epochs = new Map<string, number>();
  private readonly probe = `probe-${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(private readonly url: string) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.live = false;
    await this.client?.end().catch(() => undefined);
  }

  /** The current epoch of a table, or null when changes cannot be seen (do not cache then). */
  epoch(table: string): number | null {
    return this.live ? (this.epochs.get(table) ?? 0) : null;
  }

  /** Records a change made by this process at once, without waiting for its notification. */
  touch(table: string): void {
    this.epochs.set(table, (this.epochs.get(table) ?? 0) + 1);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'kooperant-change-feed' });
    client.on('notification', (n) => {
      if (n.channel !== CHANGE_CHANNEL) return;
      if (n.payload === this.probe) {
        if (!this.live) this.log.log('live: caches follow database changes');
        this.live = true;
        return;
      }
      this.touch(n.payload ?? '');
    });
    const lost = () => {
      if (this.client !== client) return;
      this.live = false;
      this.client = undefined;
      if (!this.closed) setTimeout(() => void this.connect(), 1000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      this.client = client;
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      // Everything cached before this moment may be stale: start new epochs.
      for (const k of this.epochs.keys()) this.touch(k);
      // The probe goes out on another connection, as every change does: a database that hands a NOTIFY only to the
      // connection that sent it (PGlite over a socket) never makes the feed live.
      const sender = new Client({ connectionString: this.url, application_name: 'kooperant-change-feed-probe' });
      try {
        await sender.connect();
        await sender.query(`SELECT pg_notify($1, $2)`, [CHANGE_CHANNEL, this.probe]);
      } finally {
        await sender.end().catch(() => undefined);
      }
    } catch (e) {
      this.log.warn(`cannot listen for changes (${e instanceof Error ? e.message : String(e)}); caches off`);
      lost();
      await client.end().catch(() => undefined);
    }
  }
}
