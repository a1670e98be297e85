import {
  Global,
  Inject,
  Injectable,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import IORedis from 'ioredis';
import { RedisPubSub } from 'graphql-redis-subscriptions';

/** Token of the process's live-update channel (a RedisPubSub), or null where there is no Redis (embedded mode). */
export const LIVE_PUBSUB = Symbol.for('kooperant.live-pubsub');

export type LivePubSub = RedisPubSub;

/**
 * Live updates between processes over Redis pub/sub: the worker publishes, every gateway instance delivers to its
 * own subscribers, so the gateway scales out as several processes. Null without Redis.
 */
export function createLivePubSub(redisUrl: string | undefined): LivePubSub | null {
  if (!redisUrl) return null;
  const client = () => {
    const c = new IORedis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    c.on('error', () => undefined); // reconnects by itself; publishing fails meanwhile and is logged by the caller
    return c;
  };
  return new RedisPubSub({ publisher: client(), subscriber: client() });
}

/** The channel of one user's notifications. */
export const notificationChannel = (userId: string) => `notifications.${userId}`;

/** Closes the live channel when the application stops. */
@Injectable()
class LivePubSubCloser implements OnApplicationShutdown {
  constructor(@Optional() @Inject(LIVE_PUBSUB) private readonly live: LivePubSub | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.live?.close().catch(() => undefined);
  }
}

/** Provides LIVE_PUBSUB (null without Redis) to every module of the application. */
@Global()
@Module({})
export class LiveModule {
  static forRoot(redisUrl: string | undefined): DynamicModule {
    return {
      module: LiveModule,
      providers: [{ provide: LIVE_PUBSUB, useFactory: () => createLivePubSub(redisUrl) }, LivePubSubCloser],
      exports: [LIVE_PUBSUB],
    };
  }
}
