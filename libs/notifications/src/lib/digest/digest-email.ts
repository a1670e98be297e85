import type { Locale } from '@kooperant/platform-i18n';
import { NOTIFICATION_KINDS, type NotificationKind } from '../kinds';
import { EMAIL_FOOTER } from '../email/email-footer';
import { escapeHtml } from '../email/html';
import { formatterFor } from '../templates/formatter';
import { DIGEST_TEXTS } from './digest-texts';

/** A notification as the digest lists it (already rendered in the user's language when it came). */
export interface DigestItem {
  kind: string;
  title: string;
  body: string;
  /** ISO instant; shown in the user's zone. */
  createdAt: string;
}

export interface DigestEmailInput {
  locale: Locale;
  timeZone: string;
  /** When the digest became due (ISO): its day, as the user's calendar shows it, heads the e-mail. */
  dueAt: string;
  items: DigestItem[];
  /** Unsubscribe links: one that stops the whole digest, one per kind listed. */
  unsubscribe: { digest: string; kind(kind: string): string };
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The daily digest e-mail in the user's language: the count in the subject (CLDR plural), the notifications grouped
 * by kind (in the order of NOTIFICATION_KINDS, what asks for action first), oldest first within a kind, each with its
 * time in the user's zone; under each group a link that stops e-mails of that kind, and at the end one that stops
 * the digest (also the List-Unsubscribe of the message).
 */
export function composeDigestEmail(d: DigestEmailInput): ComposedEmail {
  const t = DIGEST_TEXTS[d.locale] ?? DIGEST_TEXTS.en;
  const footer = EMAIL_FOOTER[d.locale] ?? EMAIL_FOOTER.en;
  const f = formatterFor(d.locale, d.timeZone);
  const order = (kind: string) => {
    const i = (NOTIFICATION_KINDS as readonly string[]).indexOf(kind);
    return i < 0 ? NOTIFICATION_KINDS.length : i;
  };
  const groups = new Map<string, DigestItem[]>();
  for (const item of [...d.items].sort(
    (a, b) => order(a.kind) - order(b.kind) || a.createdAt.localeCompare(b.createdAt),
  )) {
    groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  }
  const label = (kind: string) => t.kinds[kind as NotificationKind] ?? kind;
  const heading = t.heading(d.dueAt, f);

  const text = [
    heading,
    t.intro,
    ...[...groups].map(([kind, items]) =>
      [
        `${label(kind)} (${items.length})`,
        ...items.map((n) => `* ${n.title}\n  ${f.dateTime(n.createdAt)}\n  ${n.body}`),
        `${footer.stop}: ${d.unsubscribe.kind(kind)}`,
      ].join('\n\n'),
    ),
    `--\n${footer.why}\n${t.settings}\n${t.stopDigest}: ${d.unsubscribe.digest}\n`,
  ].join('\n\n');

  const a = (href: string, words: string) => `<a href="${escapeHtml(href)}">${escapeHtml(words)}</a>`;
  const html =
    `<!doctype html><html lang="${d.locale}"><body><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(t.intro)}</p>` +
    [...groups]
      .map(
        ([kind, items]) =>
          `<h2>${escapeHtml(label(kind))} (${items.length})</h2><ul>` +
          items
            .map(
              (n) =>
                `<li><p><strong>${escapeHtml(n.title)}</strong><br><small>${escapeHtml(f.dateTime(n.createdAt))}</small></p>` +
                `<p>${escapeHtml(n.body)}</p></li>`,
            )
            .join('') +
          `</ul><p style="font-size:small">${a(d.unsubscribe.kind(kind), footer.stop)}</p>`,
      )
      .join('') +
    `<hr><p style="font-size:small">${escapeHtml(footer.why)}<br>${escapeHtml(t.settings)}<br>` +
    `${a(d.unsubscribe.digest, t.stopDigest)}</p></body></html>`;

  return { subject: t.subject(d.items.length, f), text, html };
}
