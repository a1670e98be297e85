import type { Locale } from '@kooperant/platform-i18n';
import type { NotificationKind, NotificationParams, RenderedText } from '../kinds';
import { formatterFor } from './formatter';
import type { Templates } from './template';
import { EN } from './en';
import { PL } from './pl';
import { LT } from './lt';

export const TEMPLATES: Record<Locale, Templates> = { en: EN, pl: PL, lt: LT };

/** The texts of a notification in the recipient's language, with numbers, money and dates in their locale and zone. */
export function render<K extends NotificationKind>(
  kind: K,
  params: NotificationParams[K],
  locale: Locale,
  timeZone: string,
): RenderedText {
  const template = TEMPLATES[locale][kind] as (
    p: NotificationParams[K],
    f: ReturnType<typeof formatterFor>,
  ) => RenderedText;
  return template(params, formatterFor(locale, timeZone));
}
