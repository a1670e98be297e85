import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, exitWithParent } from '@kooperant/platform-config';
import { GatewayModule } from './gateway.module';
import { registerBinaryBody } from './documents/binary-body';
import { registerQueueDashboard } from './admin/queue-dashboard';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const log = new Logger('Gateway');
  log.log(
    `mode: ${config.mode} (database ${config.mode === 'embedded' ? 'in-process PGlite' : 'PostgreSQL server'}, jobs on ${config.queueBackend})`,
  );
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: 1_048_576, trustProxy: true, requestTimeout: 30_000 }),
    { logger: levels(config.logLevel), bufferLogs: true },
  );
  registerBinaryBody(app, config.documents.maxBytes);
  registerQueueDashboard(app, config, log);
  app.enableShutdownHooks();
  exitWithParent(() => app.close());
  await app.listen(config.port, config.host);
  log.log(`GraphQL ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql`);
}

function levels(level: string): ('error' | 'warn' | 'log' | 'debug' | 'verbose')[] {
  const all = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return all.slice(0, all.indexOf(level as (typeof all)[number]) + 1);
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
