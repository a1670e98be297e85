import { NestFactory } from '@nestjs/core';
import type { KooperantConfig } from '@kooperant/platform-config';
import { MetricsRollupService } from '@kooperant/metrics';
import { CliModule } from '../cli.module';

/**
 * `metrics:recompute`: rebuilds every KPI fact and figure from the outbox, in one transaction (the worker's roll-ups
 * wait for it). Use it after importing exchange rates for past days, or when a KPI definition changes.
 */
export async function recomputeMetrics(config: KooperantConfig, log: (s: string) => void): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const r = await app.get(MetricsRollupService).recomputeAll();
    log(`metrics:recompute: ${r.events} events, ${r.facts} facts, ${r.figures} figures`);
  } finally {
    await app.close();
  }
}
