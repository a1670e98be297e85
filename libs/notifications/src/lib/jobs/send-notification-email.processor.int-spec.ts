import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { leg, openOrder, pairClusters, pkg, submitQuote, verifiedFirm } from '@kooperant/orders/testing';
import { OrdersModule } from '@kooperant/orders';
import {
  createTestApp,
  loopbackSmtp,
  relayedEvents,
  smtpEnv,
  testQueueModule,
  type LoopbackSmtp,
  type TestApp,
} from '@kooperant/platform-testing';
import { JobName, QueueName, QueueRegistry } from '@kooperant/platform-queue';
import { NotificationsEventsSubscriber } from './notifications-events.subscriber';
import { NotificationsModule } from '../notifications.module';
import { NotificationService } from '../store/notification.service';
import { SendNotificationEmailProcessor } from './send-notification-email.processor';
import { readUnsubscribeToken, unsubscribeToken } from '../email/unsubscribe-token';
import { NotificationPreferencesService } from '../preferences/notification-preferences.service';

describe('SendNotificationEmailProcessor', () => {
  let app: TestApp;
  let smtp: LoopbackSmtp;
  let notifications: NotificationService;
  let preferences: NotificationPreferencesService;
  let sender: SendNotificationEmailProcessor;
  const { module: queueModule } = testQueueModule();

  beforeAll(async () => {
    smtp = await loopbackSmtp();
    app = await createTestApp([OrdersModule, queueModule, NotificationsModule], [], smtpEnv(smtp));
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    notifications = app.get(NotificationService);
    preferences = app.get(NotificationPreferencesService);
    sender = app.get(SendNotificationEmailProcessor);
  });

  beforeEach(async () => {
    smtp.received.length = 0;
    await app.reset(['taxonomy_entry']);
  });

  afterEach(() => app.get(QueueRegistry).queue(QueueName.Notifications).obliterate({ force: true }));

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  /** A quote submitted to a Polish buyer: the event, as the relay hands it over. */
  async function quoteEvent() {
    const buyer = await verifiedFirm(app, 'PL');
    const supplier = await verifiedFirm(app, 'LT');
    await pairClusters(app.db, buyer.clusterId, supplier.clusterId);
    const view = await openOrder(app, buyer, { visibility: 'partner_clusters' });
    await app.db.query(`UPDATE app_user SET locale = 'pl', time_zone = 'Europe/Warsaw' WHERE id = $1`, [buyer.adminId]);
    await submitQuote(app, supplier, view.order.id, [leg(pkg(view, 'cut'), { priceMinor: 250_000, currency: 'PLN' })]);
    const [event] = await relayedEvents(app.db, 'quote.submitted');
    const [{ email }] = await app.db.query(`SELECT email FROM app_user WHERE id = $1`, [buyer.adminId]);
    return { event, buyer, email: email as string };
  }

  /** A quote received by a Polish buyer: the notification its admin gets. */
  async function quoteNotification() {
    const { event, ...rest } = await quoteEvent();
    const [made] = await notifications.fromEvent(event);
    return { notification: made, ...rest };
  }

  it('sends the notification in its language over SMTP, with its id and an unsubscribe link, and only once', async () => {
    const { notification, buyer, email } = await quoteNotification();
    expect(await sender.handle({ notificationId: notification.id })).toEqual({ sent: email });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.subject).toBe(notification.title);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(email);
    expect(mail.from?.text).toContain('powiadomienia@kooperant.test');
    expect(mail.messageId).toBe(`<${notification.id}@kooperant>`);
    expect(mail.headers.get('x-kooperant-notification-id')).toBe(notification.id);
    expect(mail.text).toContain(notification.body);
    expect(mail.text).toContain('Nie wysyłaj mi więcej takich wiadomości');
    const link = /https:\/\/kooperant\.test\/notifications\/unsubscribe\?token=(\S+)/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    expect(readUnsubscribeToken(app.config.auth.jwtSecret, link![1])).toEqual({
      userId: buyer.adminId,
      kind: 'quote.received',
    });
    const listUnsubscribe = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    expect(listUnsubscribe.replace(/\r?\n\s+/g, '')).toContain(link![0]);

    // A retried job after success sends nothing more.
    expect(await sender.handle({ notificationId: notification.id })).toEqual({ skipped: 'already sent' });
    expect(smtp.received).toHaveLength(1);
  });

  it("follows the user's choice: the unsubscribe link turns the kind off; a forged token changes nothing", async () => {
    const { notification, buyer } = await quoteNotification();
    expect(await preferences.unsubscribe('bogus.token')).toBeNull();
    const [userId, kind] = [buyer.adminId, 'quote.received'];
    const forged = unsubscribeToken('another-secret-another-secret-another', userId, kind);
    expect(await preferences.unsubscribe(forged)).toBeNull();
    expect(await preferences.unsubscribe(unsubscribeToken(app.config.auth.jwtSecret, userId, kind))).toEqual({
      locale: 'pl',
      stopped: 'quote.received',
    });
    expect(await sender.handle({ notificationId: notification.id })).toEqual({ skipped: 'not wanted by e-mail' });
    expect(smtp.received).toEqual([]);
  });

  it('leaves a kind in the daily digest to the digest, and sends it at once when the user asks for that', async () => {
    const { notification, buyer, email } = await quoteNotification();
    await preferences.update(buyer.admin, { kinds: [{ kind: 'quote.received', email: 'daily_digest' }] });
    expect(await sender.handle({ notificationId: notification.id })).toEqual({ skipped: 'in the daily digest' });
    expect(smtp.received).toEqual([]);
    const [row] = await app.db.query(`SELECT emailed_at FROM notification WHERE id = $1`, [notification.id]);
    expect(row.emailed_at).toBeNull();

    await preferences.update(buyer.admin, { kinds: [{ kind: 'quote.received', email: 'immediately' }] });
    expect(await sender.handle({ notificationId: notification.id })).toEqual({ sent: email });
    expect(smtp.received).toHaveLength(1);
  });

  it('is queued by the events subscriber, one job per new notification with an id from the notification', async () => {
    const { event, buyer } = await quoteEvent();
    await app.get(NotificationsEventsSubscriber).handle(event);
    await app.get(NotificationsEventsSubscriber).handle(event);
    const [n] = await app.db.query(`SELECT id FROM notification WHERE user_id = $1`, [buyer.adminId]);
    const jobs = await app.get(QueueRegistry).queue(QueueName.Notifications).getJobs(['waiting']);
    expect(jobs.map((j) => [j.name, j.id, j.data])).toEqual([
      [JobName.SendNotificationEmail, `email-${n.id}`, { notificationId: n.id }],
    ]);
  });
});
