import { Module, type DynamicModule } from '@nestjs/common';
import { KooperantConfigModule, requireDatabaseUrl, type KooperantConfig } from '@kooperant/platform-config';
import { DatabaseModule } from '@kooperant/platform-database';
import {
  DomainEventProcessor,
  EVENT_SUBSCRIBERS,
  JOB_HANDLERS,
  LiveModule,
  QueueModule,
  queueSettingsFrom,
} from '@kooperant/platform-queue';
import { CATALOGUE_JOB_HANDLERS, CatalogueJobsModule } from '@kooperant/catalogue';
import { MATCHING_EVENT_SUBSCRIBERS, MATCHING_JOB_HANDLERS, MatchingJobsModule } from '@kooperant/matching';
import {
  NOTIFICATION_EVENT_SUBSCRIBERS,
  NOTIFICATION_JOB_HANDLERS,
  NotificationsModule,
} from '@kooperant/notifications';
import { METRICS_EVENT_SUBSCRIBERS, METRICS_JOB_HANDLERS, MetricsJobsModule } from '@kooperant/metrics';
import { WorkerHost } from './worker-host';

const HANDLER_CLASSES = [
  ...CATALOGUE_JOB_HANDLERS,
  ...MATCHING_JOB_HANDLERS,
  ...NOTIFICATION_JOB_HANDLERS,
  ...METRICS_JOB_HANDLERS,
  DomainEventProcessor,
];
const SUBSCRIBER_CLASSES = [
  ...MATCHING_EVENT_SUBSCRIBERS,
  ...NOTIFICATION_EVENT_SUBSCRIBERS,
  ...METRICS_EVENT_SUBSCRIBERS,
];

/** The worker: the domain libs started as job processors. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: KooperantConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        KooperantConfigModule.forRoot(config),
        DatabaseModule.forRoot({
          url: requireDatabaseUrl(config),
          poolSize: Math.min(config.dbPoolSize, config.workerConcurrency + 4),
          applicationName: 'kooperant-worker',
        }),
        QueueModule.forRoot(queueSettingsFrom(config)),
        LiveModule.forRoot(config.redisUrl),
        CatalogueJobsModule,
        MatchingJobsModule,
        NotificationsModule,
        MetricsJobsModule,
      ],
      providers: [
        { provide: EVENT_SUBSCRIBERS, useFactory: (...subs: unknown[]) => subs, inject: SUBSCRIBER_CLASSES },
        DomainEventProcessor,
        { provide: JOB_HANDLERS, useFactory: (...handlers: unknown[]) => handlers, inject: HANDLER_CLASSES },
        WorkerHost,
      ],
    };
  }
}
