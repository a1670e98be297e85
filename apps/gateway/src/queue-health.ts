import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { KOOPERANT_CONFIG, type KooperantConfig } from '@kooperant/platform-config';
import { createQueueConnection, queueSettingsFrom, QueueName, QueueRegistry } from '@kooperant/platform-queue';

/** Reaches the job queue backend (Redis, or BullMQ's PostgreSQL tables) for the readiness probe. */
@Injectable()
export class QueueHealth implements OnModuleDestroy {
  private readonly registry: QueueRegistry;

  constructor(@Inject(KOOPERANT_CONFIG) config: KooperantConfig) {
    this.registry = new QueueRegistry(createQueueConnection(queueSettingsFrom(config), 'producer'));
  }

  async ping(): Promise<void> {
    await this.registry.queue(QueueName.Catalogue).getJobCounts('waiting');
  }

  async onModuleDestroy() {
    await this.registry.close();
  }
}
