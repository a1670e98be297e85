import { performance } from 'node:perf_hooks';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  EventSubscriber,
  type AfterQueryEvent,
  type BeforeQueryEvent,
  type EntitySubscriberInterface,
  type QueryRunner,
} from 'typeorm';
import { MetricsModule } from '@kooperant/metrics';
import { createDataSourceOptions } from '@kooperant/platform-database';

/* A Nest context for timing the KPI roll-ups: the metrics module over the platform's data source options, every SQL
   statement timed, and the platform's per-connection time limits lifted (so that what would exceed them is measured
   rather than cut off). */

export interface StatementTimes {
  count: number;
  totalMs: number;
  maxMs: number;
}

/** Times every statement (by its first words) and the longest wait of a connection inside a transaction. */
export class StatementClock {
  readonly byStatement = new Map<string, StatementTimes>();
  /** The longest a connection sat idle in a transaction, between two of its statements (the application working). */
  maxIdleInTransactionMs = 0;
  private readonly started = new WeakMap<QueryRunner, number>();
  private readonly ended = new WeakMap<QueryRunner, number>();

  reset(): void {
    this.byStatement.clear();
    this.maxIdleInTransactionMs = 0;
  }

  before(runner: QueryRunner | undefined): void {
    if (!runner) return;
    const now = performance.now();
    const last = this.ended.get(runner);
    if (runner.isTransactionActive && last !== undefined)
      this.maxIdleInTransactionMs = Math.max(this.maxIdleInTransactionMs, now - last);
    this.started.set(runner, now);
  }

  after(runner: QueryRunner | undefined, query: string): void {
    if (!runner) return;
    const now = performance.now();
    const ms = now - (this.started.get(runner) ?? now);
    this.ended.set(runner, now);
    const label = statementLabel(query);
    const t = this.byStatement.get(label) ?? { count: 0, totalMs: 0, maxMs: 0 };
    this.byStatement.set(label, { count: t.count + 1, totalMs: t.totalMs + ms, maxMs: Math.max(t.maxMs, ms) });
  }

  /** The statements that took longest in all, longest first. */
  slowest(n: number): [string, StatementTimes][] {
    return [...this.byStatement].sort((a, b) => b[1].totalMs - a[1].totalMs).slice(0, n);
  }

  /** The single longest statement. */
  longest(): [string, StatementTimes] | undefined {
    return [...this.byStatement].sort((a, b) => b[1].maxMs - a[1].maxMs)[0];
  }
}

/** `INSERT INTO metrics_fact_cell`, `SELECT … FROM outbox_event`: what a statement does, in a few words. */
function statementLabel(query: string): string {
  const q = query.replace(/\s+/g, ' ').trim();
  const m =
    /^(INSERT INTO \S+|DELETE FROM \S+|UPDATE \S+|TRUNCATE|SELECT pg_advisory_xact_lock|SELECT .*? FROM \S+)/.exec(q);
  return m ? m[1].replace(/^SELECT .*? FROM/, 'SELECT … FROM') : q.slice(0, 40);
}

export const statementClock = new StatementClock();

@EventSubscriber()
export class StatementClockSubscriber implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent): void {
    statementClock.before(event.queryRunner);
  }

  afterQuery(event: AfterQueryEvent): void {
    statementClock.after(event.queryRunner, event.query);
  }
}

/** The limits every process of the platform sets on its connections (libs/platform/database). */
export function platformTimeLimits(url: string): { statementMs: number; idleInTransactionMs: number } {
  const extra = createDataSourceOptions({ url, entities: [] }).extra as Record<string, number>;
  return { statementMs: extra['statement_timeout'], idleInTransactionMs: extra['idle_in_transaction_session_timeout'] };
}

@Module({})
class RollupBenchModule {}

/** MetricsModule (roll-up and recomputation) over the bench database, its statements timed, with no time limits. */
export function rollupContext(url: string): Promise<INestApplicationContext> {
  const options = createDataSourceOptions({ url, entities: [], poolSize: 8, applicationName: 'kooperant-bench' });
  return NestFactory.createApplicationContext(
    {
      module: RollupBenchModule,
      imports: [
        TypeOrmModule.forRoot({
          ...options,
          extra: { ...options.extra, statement_timeout: 0, idle_in_transaction_session_timeout: 0 },
          subscribers: [StatementClockSubscriber],
          autoLoadEntities: true,
        }),
        MetricsModule,
      ],
    },
    { logger: ['error', 'warn'] },
  );
}
