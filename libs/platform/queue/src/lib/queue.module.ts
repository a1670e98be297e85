import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createQueueConnection, type QueueConnectionSettings } from './queue-connection';
import { QueueRegistry } from './queue-registry';

/** Closes the producer's queues and connection when the application stops. */
@Injectable()
class QueueRegistryCloser implements OnApplicationShutdown {
  constructor(@Inject(QueueRegistry) private readonly registry: QueueRegistry) {}
  async onApplicationShutdown(): Promise<void> {
    await this.registry.close();
  }
}

/** Provides the producer side (a QueueRegistry) to whatever enqueues jobs: handlers, subscribers, services. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(settings: QueueConnectionSettings): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        { provide: QueueRegistry, useFactory: () => new QueueRegistry(createQueueConnection(settings, 'producer')) },
        QueueRegistryCloser,
      ],
      exports: [QueueRegistry],
    };
  }
}
