import { QueueModule } from '@kooperant/platform-queue';
import { TEST_REDIS_URL, testQueuePrefix } from './test-env';

/** The producer side of the queues on the test Redis, under a prefix of its own; returns the module and prefix. */
export function testQueueModule(prefix = testQueuePrefix()) {
  return { module: QueueModule.forRoot({ backend: 'redis', redisUrl: TEST_REDIS_URL, prefix }), prefix };
}
