import { createQueueConnection, QueueModule, QueueName, QueueRegistry } from '@kooperant/platform-queue';
import { TEST_REDIS_URL, testQueuePrefix } from './test-env';

/** The producer side of the queues on the test Redis, under a prefix of its own; returns the module and prefix. */
export function testQueueModule(prefix = testQueuePrefix()) {
  return { module: QueueModule.forRoot({ backend: 'redis', redisUrl: TEST_REDIS_URL, prefix }), prefix };
}

/** Removes every queue (jobs, schedules, keys) under a prefix from the test Redis: what a run leaves when it is over. */
export async function removeTestQueues(prefix: string): Promise<void> {
  const queues = new QueueRegistry(
    createQueueConnection({ backend: 'redis', redisUrl: TEST_REDIS_URL, prefix }, 'worker'),
  );
  try {
    for (const name of Object.values(QueueName)) await queues.queue(name).obliterate({ force: true });
  } finally {
    await queues.close();
  }
}
