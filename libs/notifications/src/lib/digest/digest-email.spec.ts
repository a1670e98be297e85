import type { Locale } from '@kooperant/platform-i18n';
import { NOTIFICATION_KINDS } from '../kinds';
import { composeDigestEmail, type DigestEmailInput, type DigestItem } from './digest-email';
import { DIGEST_TEXTS } from './digest-texts';

const links = {
  digest: 'https://kooperant.test/notifications/unsubscribe?token=digest-token',
  kind: (kind: string) => `https://kooperant.test/notifications/unsubscribe?token=${kind}-token`,
};

/** `n` notifications, alternately new opportunities and messages, a minute apart. */
const items = (n: number): DigestItem[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: i % 2 ? 'message.new' : 'opportunity.new',
    title: `Title ${i + 1}`,
    body: `Body ${i + 1}.`,
    createdAt: new Date(Date.UTC(2026, 10, 25, 12, i)).toISOString(),
  }));

/** The digest of a Warsaw user due at 08:00 on 26 November 2026, unless the test says otherwise. */
const compose = (over: Partial<DigestEmailInput>) =>
  composeDigestEmail({
    locale: 'en',
    timeZone: 'Europe/Warsaw',
    dueAt: '2026-11-26T07:00:00Z',
    items: [],
    unsubscribe: links,
    ...over,
  });

const subject = (locale: Locale, n: number) => compose({ locale, items: items(n) }).subject;

describe('composeDigestEmail', () => {
  it.each([
    [1, '1 new notification'],
    [2, '2 new notifications'],
    [5, '5 new notifications'],
    [12, '12 new notifications'],
    [21, '21 new notifications'],
    [22, '22 new notifications'],
  ])('counts %i in English: %s', (n, words) => {
    expect(subject('en', n)).toBe(`Kooperant daily digest: ${words}`);
  });

  it.each([
    [1, '1 nowe powiadomienie'],
    [2, '2 nowe powiadomienia'],
    [5, '5 nowych powiadomień'],
    [12, '12 nowych powiadomień'],
    [21, '21 nowych powiadomień'],
    [22, '22 nowe powiadomienia'],
  ])('counts %i in Polish: %s', (n, words) => {
    expect(subject('pl', n)).toBe(`Podsumowanie dnia w Kooperant: ${words}`);
  });

  it.each([
    [1, '1 naujas pranešimas'],
    [2, '2 nauji pranešimai'],
    [5, '5 nauji pranešimai'],
    [12, '12 naujų pranešimų'],
    [21, '21 naujas pranešimas'],
    [22, '22 nauji pranešimai'],
  ])('counts %i in Lithuanian: %s', (n, words) => {
    expect(subject('lt', n)).toBe(`Kooperant dienos suvestinė: ${words}`);
  });

  it('has a heading for every kind in every language', () => {
    for (const locale of ['en', 'pl', 'lt'] as const) {
      for (const kind of NOTIFICATION_KINDS) expect(DIGEST_TEXTS[locale].kinds[kind]).toMatch(/\S/);
    }
  });

  it('groups by kind, what asks for action first, oldest first within a kind, with a stop link per kind', () => {
    const mail = compose({
      items: [
        ...items(3),
        { kind: 'quote.revised', title: 'Quote revised', body: 'Revised.', createdAt: '2026-11-25T18:00:00Z' },
      ],
    });
    const order = ['New opportunities (2)', 'Title 1', 'Title 3', 'Revised quotes (1)', 'Messages (1)', 'Title 2'];
    const at = order.map((s) => mail.text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(mail.text).toContain(`Stop e-mails of this kind: ${links.kind('opportunity.new')}`);
    expect(mail.text).toContain(`Stop e-mails of this kind: ${links.kind('message.new')}`);
    expect(mail.text).toContain(`Stop the daily digest: ${links.digest}`);
    expect(mail.html).toContain(`href="${links.kind('quote.revised')}"`);
    expect(mail.html).toContain(`href="${links.digest}"`);
  });

  it("dates the digest and every notification in the user's zone and language", () => {
    // 22:30 UTC on 25 November: 23:30 in Warsaw, already 00:30 on the 26th in Vilnius.
    const late: DigestItem = { kind: 'message.new', title: 'T', body: 'B', createdAt: '2026-11-25T22:30:00Z' };
    const pl = compose({ locale: 'pl', items: [late] });
    expect(pl.text).toContain('Podsumowanie dnia – 26 listopada 2026');
    expect(pl.text).toContain('25 listopada 2026 23:30');
    const lt = compose({ locale: 'lt', timeZone: 'Europe/Vilnius', dueAt: '2026-11-26T06:00:00Z', items: [late] });
    expect(lt.text).toContain('Dienos suvestinė – 2026 m. lapkričio 26 d.');
    expect(lt.text).toContain('2026 m. lapkričio 26 d. 00:30');
    expect(lt.text).toContain(`Daugiau nesiųsti dienos suvestinės: ${links.digest}`);
  });

  it('escapes what users wrote in the HTML part', () => {
    const mail = compose({
      items: [{ kind: 'message.new', title: 'In “<b>”', body: 'A & B <script>', createdAt: '2026-11-25T10:00:00Z' }],
    });
    expect(mail.html).toContain('A &amp; B &lt;script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toMatch(/^<!doctype html><html lang="en">/);
  });
});
