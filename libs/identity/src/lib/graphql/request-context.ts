import DataLoader from 'dataloader';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '../access/actor';

/** Request-scoped DataLoaders, created on first use: one batch query per kind of row per request. */
export class LoaderCache {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let l = this.loaders.get(key);
    if (!l) {
      l = new DataLoader<K, V>(batch, { maxBatchSize: 500 }) as DataLoader<unknown, unknown>;
      this.loaders.set(key, l);
    }
    return l as DataLoader<K, V>;
  }
}

/** What every resolver sees: who is calling (null when anonymous) and the request's loaders. */
export interface RequestContext {
  actor: Actor | null;
  loaders: LoaderCache;
}

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | null =>
    GqlExecutionContext.create(ctx).getContext<RequestContext>().actor ?? null,
);

export const Loaders = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): LoaderCache =>
    GqlExecutionContext.create(ctx).getContext<RequestContext>().loaders,
);
