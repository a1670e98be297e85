import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { AccessService, IdentityModule } from '@kooperant/identity';
import { insertUser } from '@kooperant/identity/testing';
import { createTestApp, testQueueModule, TEST_REDIS_URL, type TestApp } from '@kooperant/platform-testing';
import { loopbackSmtp, smtpEnv, type LoopbackSmtp } from '@kooperant/platform-testing';
import {
  createQueueConnection,
  JobName,
  JobRunner,
  QueueName,
  QueueRegistry,
  type JobHandler,
  type QueueConnection,
} from '@kooperant/platform-queue';
import { NotificationsModule } from '../notifications.module';
import { MAILER, type Mailer } from '../email/mailer';
import { DIGEST_UNSUBSCRIBE, readUnsubscribeToken, unsubscribeToken } from '../email/unsubscribe-token';
import { NotificationDigestService } from '../digest/notification-digest.service';
import { wallTime } from '../digest/digest-schedule';
import { NotificationPreferencesService } from '../preferences/notification-preferences.service';
import { NotificationDigestSweepProcessor } from './notification-digest-sweep.processor';
import { SendNotificationDigestProcessor } from './send-notification-digest.processor';
import { SendNotificationEmailProcessor } from './send-notification-email.processor';

/**
 * The daily digest against real PostgreSQL, Redis and an SMTP server on loopback: when it is due in each user's zone,
 * what it lists, that it goes out once per user and day however often the jobs run, and how it sits beside the
 * immediate e-mails.
 */
describe('daily digest of notifications', () => {
  let app: TestApp;
  let smtp: LoopbackSmtp;
  let digests: NotificationDigestService;
  let sender: SendNotificationDigestProcessor;
  let preferences: NotificationPreferencesService;
  let queues: QueueRegistry;
  const runners: { runner: JobRunner; conn: QueueConnection }[] = [];
  const { module: queueModule, prefix } = testQueueModule();

  beforeAll(async () => {
    smtp = await loopbackSmtp();
    app = await createTestApp([IdentityModule, queueModule, NotificationsModule], [], smtpEnv(smtp));
    digests = app.get(NotificationDigestService);
    sender = app.get(SendNotificationDigestProcessor);
    preferences = app.get(NotificationPreferencesService);
    queues = app.get(QueueRegistry);
  });

  beforeEach(async () => {
    smtp.received.length = 0;
    await app.reset();
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) {
      await r.runner.close();
      await r.conn.close();
    }
    jest.restoreAllMocks();
    await queues.queue(QueueName.Notifications).obliterate({ force: true });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  async function user(locale: 'pl' | 'lt' | 'en', timeZone: string): Promise<{ id: string; email: string }> {
    const id = await insertUser(app.db, { locale: locale === 'en' ? 'pl' : locale });
    await app.db.query(`UPDATE app_user SET locale = $2, time_zone = $3 WHERE id = $1`, [id, locale, timeZone]);
    const [{ email }] = await app.db.query(`SELECT email FROM app_user WHERE id = $1`, [id]);
    return { id, email };
  }

  const actor = (userId: string) => app.get(AccessService).actorFor(userId);

  /** A notification as the events subscriber writes it, at a chosen time; returns its id. */
  async function notify(
    userId: string,
    kind: string,
    createdAt: Date | string,
    opts: { read?: boolean; title?: string } = {},
  ): Promise<string> {
    const title = opts.title ?? `${kind} ${randomUUID().slice(0, 4)}`;
    const [row] = await app.db.query(
      `INSERT INTO notification (user_id, kind, event_id, locale, title, body, created_at, read_at)
       SELECT $1, $2, $3, u.locale, $4, $5, $6, CASE WHEN $7 THEN now() END FROM app_user u WHERE u.id = $1
       RETURNING id`,
      [userId, kind, randomUUID(), title, `Body of ${title}.`, createdAt, opts.read ?? false],
    );
    return row.id as string;
  }

  async function until(done: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

  /** Makes the user's digest due right now: the digest hour is the current hour of their zone. */
  async function dueNow(userId: string, timeZone: string): Promise<string> {
    const now = wallTime(new Date(), timeZone);
    await preferences.update(actor(userId), { digestHour: now.hour });
    return now.date;
  }

  const tokenIn = (text: string | undefined) =>
    [...(text ?? '').matchAll(/https:\/\/kooperant\.test\/notifications\/unsubscribe\?token=([\w.-]+)/g)].map((m) =>
      readUnsubscribeToken(app.config.auth.jwtSecret, m[1]),
    );

  const toOf = (m: ParsedMail) => (m.to && 'text' in m.to ? m.to.text : '');

  it("is due from the user's hour in their own zone: Vilnius an hour before Warsaw", async () => {
    const vilnius = await user('lt', 'Europe/Vilnius');
    const warsaw = await user('pl', 'Europe/Warsaw');
    for (const u of [vilnius, warsaw]) await notify(u.id, 'opportunity.new', '2026-11-25T15:00:00Z');

    // 07:59 in Vilnius: nobody. 08:00 in Vilnius is 07:00 in Warsaw: only Vilnius. 08:00 in Warsaw: both.
    expect(await digests.due(new Date('2026-11-26T05:59:00Z'))).toEqual([]);
    expect(await digests.due(new Date('2026-11-26T06:00:00Z'))).toEqual([
      { userId: vilnius.id, localDate: '2026-11-26' },
    ]);
    const both = await digests.due(new Date('2026-11-26T07:00:00Z'));
    expect(both.map((d) => d.userId).sort()).toEqual([vilnius.id, warsaw.id].sort());
    // A user's own hour: 06:00 in Warsaw is 05:00 UTC.
    await preferences.update(actor(warsaw.id), { digestHour: 6 });
    expect(await digests.due(new Date('2026-11-26T05:00:00Z'))).toEqual([
      { userId: warsaw.id, localDate: '2026-11-26' },
    ]);
  });

  it('keeps 08:00 local across the change to summer time', async () => {
    const warsaw = await user('pl', 'Europe/Warsaw');
    const vilnius = await user('lt', 'Europe/Vilnius');
    for (const u of [warsaw, vilnius]) await notify(u.id, 'message.new', '2026-03-28T18:00:00Z');
    // 29 March 2026: clocks go forward at 01:00 UTC; 08:00 is 06:00 UTC in Warsaw and 05:00 UTC in Vilnius.
    expect(await digests.due(new Date('2026-03-29T04:59:00Z'))).toEqual([]);
    expect(await digests.due(new Date('2026-03-29T05:00:00Z'))).toEqual([
      { userId: vilnius.id, localDate: '2026-03-29' },
    ]);
    expect((await digests.due(new Date('2026-03-29T06:00:00Z'))).length).toBe(2);
  });

  it("sends one digest a day in the user's language, leaving out what was read, mailed or came after the hour", async () => {
    const pl = await user('pl', 'Europe/Warsaw');
    const first = await notify(pl.id, 'opportunity.new', '2026-11-25T09:00:00Z', { title: 'Nowa możliwość A' });
    await notify(pl.id, 'message.new', '2026-11-25T22:30:00Z', { title: 'Nowa wiadomość B' });
    await notify(pl.id, 'opportunity.new', '2026-11-26T06:00:00Z', { title: 'Nowa możliwość C' });
    await notify(pl.id, 'opportunity.new', '2026-11-25T10:00:00Z', { title: 'Przeczytana', read: true });
    await notify(pl.id, 'invitation.received', '2026-11-25T11:00:00Z', { title: 'Zaproszenie (od razu)' });
    const late = await notify(pl.id, 'message.new', '2026-11-26T07:30:00Z', { title: 'Po godzinie' });

    expect(await sender.handle({ userId: pl.id, localDate: '2026-11-26' })).toEqual({ sent: 3 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(toOf(mail)).toBe(pl.email);
    expect(mail.subject).toBe('Podsumowanie dnia w Kooperant: 3 nowe powiadomienia');
    expect(mail.messageId).toBe(`<digest-${pl.id}-2026-11-26@kooperant>`);
    expect(mail.text).toContain('Podsumowanie dnia – 26 listopada 2026');
    expect(mail.text).toContain('Nowe możliwości współpracy (2)');
    expect(mail.text).toContain('Wiadomości (1)');
    // 22:30 UTC is 23:30 in Warsaw.
    expect(mail.text).toContain('25 listopada 2026 23:30');
    for (const left of ['Przeczytana', 'Zaproszenie (od razu)', 'Po godzinie']) expect(mail.text).not.toContain(left);
    const listUnsubscribe = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const [digestLink] = tokenIn(listUnsubscribe.replace(/\r?\n\s+/g, ''));
    expect(digestLink).toEqual({ userId: pl.id, kind: DIGEST_UNSUBSCRIBE });
    expect(tokenIn(mail.text)).toEqual([
      { userId: pl.id, kind: 'opportunity.new' },
      { userId: pl.id, kind: 'message.new' },
      { userId: pl.id, kind: DIGEST_UNSUBSCRIBE },
    ]);

    const [digest] = await app.db.query(`SELECT id, notification_count FROM notification_digest WHERE user_id = $1`, [
      pl.id,
    ]);
    expect(digest.notification_count).toBe(3);
    const [{ digest_id, emailed_at }] = await app.db.query(
      `SELECT digest_id, emailed_at FROM notification WHERE id = $1`,
      [first],
    );
    expect([digest_id, emailed_at === null]).toEqual([digest.id, false]);

    // The job again, and the sweep later that day: nothing more. The next day the late one comes.
    expect(await sender.handle({ userId: pl.id, localDate: '2026-11-26' })).toEqual({ skipped: 'already sent' });
    expect(await digests.due(new Date('2026-11-26T21:00:00Z'))).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    expect(await digests.due(new Date('2026-11-27T07:00:00Z'))).toEqual([{ userId: pl.id, localDate: '2026-11-27' }]);
    const [{ emailed_at: lateMailed }] = await app.db.query(`SELECT emailed_at FROM notification WHERE id = $1`, [
      late,
    ]);
    expect(lateMailed).toBeNull();
  });

  it('writes the digest in Lithuanian for a user in Vilnius, dated in their zone', async () => {
    const lt = await user('lt', 'Europe/Vilnius');
    for (let i = 0; i < 5; i++) await notify(lt.id, 'opportunity.new', `2026-11-25T22:0${i}:00Z`);
    expect(await sender.handle({ userId: lt.id, localDate: '2026-11-26' })).toEqual({ sent: 5 });
    const [mail] = smtp.received;
    expect(mail.subject).toBe('Kooperant dienos suvestinė: 5 nauji pranešimai');
    expect(mail.text).toContain('Naujos bendradarbiavimo galimybės (5)');
    // 22:00 UTC on the 25th is 00:00 on the 26th in Vilnius.
    expect(mail.text).toContain('2026 m. lapkričio 26 d. 00:00');
    expect(mail.text).toContain('Daugiau nesiųsti dienos suvestinės');
  });

  it('sends one e-mail when two runners send the same digest at once', async () => {
    const pl = await user('pl', 'Europe/Warsaw');
    await notify(pl.id, 'opportunity.new', '2026-11-25T09:00:00Z');
    await notify(pl.id, 'message.new', '2026-11-25T10:00:00Z');
    const job = { userId: pl.id, localDate: '2026-11-26' };
    const results = await Promise.all([sender.handle(job), sender.handle(job), sender.handle(job)]);
    expect(results.filter((r) => 'sent' in r)).toEqual([{ sent: 2 }]);
    expect(results.filter((r) => 'skipped' in r)).toEqual([{ skipped: 'already sent' }, { skipped: 'already sent' }]);
    expect(smtp.received).toHaveLength(1);
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM notification_digest`);
    expect(n).toBe(1);
  });

  it('sends again after a failed attempt: nothing is recorded until the mail server took the e-mail', async () => {
    const pl = await user('pl', 'Europe/Warsaw');
    const id = await notify(pl.id, 'opportunity.new', '2026-11-25T09:00:00Z');
    const mailer = app.get<Mailer>(MAILER);
    jest.spyOn(mailer, 'send').mockRejectedValueOnce(new Error('connection reset'));
    const job = { userId: pl.id, localDate: '2026-11-26' };
    await expect(sender.handle(job)).rejects.toThrow('connection reset');
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM notification_digest`);
    expect(n).toBe(0);
    const [{ emailed_at }] = await app.db.query(`SELECT emailed_at FROM notification WHERE id = $1`, [id]);
    expect(emailed_at).toBeNull();
    expect(await sender.handle(job)).toEqual({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('through the queue: two workers sweeping at once and two runners give one digest per user', async () => {
    const pl = await user('pl', 'Europe/Warsaw');
    const lt = await user('lt', 'Europe/Vilnius');
    const dates = { [pl.id]: await dueNow(pl.id, 'Europe/Warsaw'), [lt.id]: await dueNow(lt.id, 'Europe/Vilnius') };
    for (const u of [pl, lt]) {
      await notify(u.id, 'opportunity.new', hoursAgo(3));
      await notify(u.id, 'quote.revised', hoursAgo(2));
    }
    const sweep = app.get(NotificationDigestSweepProcessor);
    expect(await Promise.all([sweep.handle(), sweep.handle()])).toEqual([{ due: 2 }, { due: 2 }]);
    const queue = queues.queue(QueueName.Notifications);
    const waiting = await queue.getJobs(['waiting']);
    expect(waiting.map((j) => j.id).sort()).toEqual(
      [`digest-${pl.id}-${dates[pl.id]}`, `digest-${lt.id}-${dates[lt.id]}`].sort(),
    );

    const handlers: JobHandler[] = [sender, sweep].map((h) => h as JobHandler);
    for (let i = 0; i < 2; i++) {
      const conn = createQueueConnection({ backend: 'redis', redisUrl: TEST_REDIS_URL, prefix }, 'worker');
      const runner = new JobRunner(conn, handlers, { concurrency: 2 });
      runner.start();
      runners.push({ runner, conn });
    }
    // Until both jobs are done (the e-mails arrive a moment before their transactions commit).
    await until(async () => (await queue.getJobCounts('completed')).completed === 2);
    // A later sweep finds nothing due; a job added again by hand sends nothing.
    expect(await sweep.handle()).toEqual({ due: 0 });
    const again = await queues.enqueue(
      JobName.SendNotificationDigest,
      { userId: pl.id, localDate: dates[pl.id] },
      { jobId: `again-${pl.id}` },
    );
    await until(async () => (await again.getState()) === 'completed');
    expect((await queue.getJob(`again-${pl.id}`))?.returnvalue).toEqual({ skipped: 'already sent' });
    const completed = await queue.getJobs(['completed']);
    const results = completed.filter((j) => j.name === JobName.SendNotificationDigest).map((j) => j.returnvalue);
    expect(results).toHaveLength(3);
    expect(results).toEqual(expect.arrayContaining([{ sent: 2 }, { sent: 2 }, { skipped: 'already sent' }]));
    expect(smtp.received.map(toOf).sort()).toEqual([pl.email, lt.email].sort());
    expect(smtp.received.map((m) => m.subject).sort()).toEqual([
      'Kooperant dienos suvestinė: 2 nauji pranešimai',
      'Podsumowanie dnia w Kooperant: 2 nowe powiadomienia',
    ]);
  });

  it('keeps immediate kinds immediate, sends nothing for kinds turned off, and digests only the digest kinds', async () => {
    const pl = await user('pl', 'Europe/Warsaw');
    await preferences.update(actor(pl.id), {
      kinds: [
        { kind: 'opportunity.new', email: 'off' },
        { kind: 'message.new', email: 'immediately' },
      ],
    });
    const off = await notify(pl.id, 'opportunity.new', '2026-11-25T09:00:00Z');
    const now = await notify(pl.id, 'message.new', '2026-11-25T09:10:00Z', { title: 'Wiadomość od razu' });
    const later = await notify(pl.id, 'quote.revised', '2026-11-25T09:20:00Z', { title: 'Wycena do podsumowania' });
    const immediate = app.get(SendNotificationEmailProcessor);
    expect(await immediate.handle({ notificationId: off })).toEqual({ skipped: 'not wanted by e-mail' });
    expect(await immediate.handle({ notificationId: now })).toEqual({ sent: pl.email });
    expect(await immediate.handle({ notificationId: later })).toEqual({ skipped: 'in the daily digest' });
    expect(smtp.received.map((m) => m.subject)).toEqual(['Wiadomość od razu']);

    expect(await sender.handle({ userId: pl.id, localDate: '2026-11-26' })).toEqual({ sent: 1 });
    expect(smtp.received[1].subject).toBe('Podsumowanie dnia w Kooperant: 1 nowe powiadomienie');
    expect(smtp.received[1].text).toContain('Wycena do podsumowania');
    expect(smtp.received[1].text).not.toContain('Wiadomość od razu');
  });

  it('sends nothing to a user who turned the digest off from its link, nor when everything was read', async () => {
    const pl = await user('pl', 'Europe/Warsaw');
    const read = await user('pl', 'Europe/Warsaw');
    await notify(pl.id, 'opportunity.new', '2026-11-25T09:00:00Z');
    await notify(read.id, 'opportunity.new', '2026-11-25T09:00:00Z', { read: true });
    await preferences.unsubscribe(unsubscribeToken(app.config.auth.jwtSecret, pl.id, DIGEST_UNSUBSCRIBE));
    expect(await digests.due(new Date('2026-11-26T07:00:00Z'))).toEqual([]);
    expect(await sender.handle({ userId: pl.id, localDate: '2026-11-26' })).toEqual({ skipped: 'nothing to send' });
    expect(await sender.handle({ userId: read.id, localDate: '2026-11-26' })).toEqual({ skipped: 'nothing to send' });
    expect(smtp.received).toEqual([]);
  });
});
