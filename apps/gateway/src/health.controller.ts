import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { QueueHealth } from './queue-health';

interface ReplyLike {
  code(status: number): ReplyLike;
  send(body: unknown): void;
}

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(QueueHealth) private readonly queue: QueueHealth,
  ) {}

  /** The process is up. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** The process can serve: database and job queue answer. 503 otherwise. */
  @Get('ready')
  async ready(@Res() reply: ReplyLike) {
    const [database, queue] = await Promise.all([
      this.check(() => this.db.query('SELECT 1')),
      this.check(() => this.queue.ping()),
    ]);
    const ok = database === 'ok' && queue === 'ok';
    reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: { database, queue } });
  }

  private async check(fn: () => Promise<unknown>): Promise<string> {
    try {
      await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]);
      return 'ok';
    } catch (e) {
      return `failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}
