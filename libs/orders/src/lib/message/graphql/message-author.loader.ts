import type { LoaderCache } from '@kooperant/identity';
import type { MessageAuthorView, MessageService } from '../message.service';

/** Request-scoped: the authors of every message in a response in one query. */
export function messageAuthorLoader(loaders: LoaderCache, messages: MessageService) {
  return loaders.get<string, MessageAuthorView | null>('message.author', (ids) => messages.authorsByIds(ids));
}
