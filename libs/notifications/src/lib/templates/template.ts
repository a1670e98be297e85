import type { NotificationKind, NotificationParams, RenderedText } from '../kinds';
import type { Formatter } from './formatter';

/** The texts of every kind in one language. A missing kind is a compile error, and a test checks all three. */
export type Templates = { [K in NotificationKind]: (p: NotificationParams[K], f: Formatter) => RenderedText };
