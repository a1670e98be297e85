import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { leg, openOrder, pairClusters, pkg, submitQuote, verifiedFirm } from '@kooperant/orders/testing';
import { OrdersModule } from '@kooperant/orders';
import {
  createTestApp,
  loopbackSmtp,
  testQueueModule,
  type LoopbackSmtp,
  type TestApp,
} from '@kooperant/platform-testing';
import { jobId, JobName, QueueName, QueueRegistry, type RelayedEvent } from '@kooperant/platform-queue';
import { NotificationsModule } from '../notifications.module';
import { NotificationService } from '../store/notification.service';
import { SendNotificationEmailProcessor } from './send-notification-email.processor';
import { NotificationsEventsSubscriber } from './notifications-events.subscriber';
import { readUnsubscribeToken, unsubscribeToken } from '../email/unsubscribe-token';

describe('SendNotificationEmailProcessor', () => {
  let app: TestApp;
  let smtp: LoopbackSmtp;
  let notifications: NotificationService;
  let sender: SendNotificationEmailProcessor;
  const queue = testQueueModule();

  beforeAll(async () => {
    smtp = await loopbackSmtp();
    app = await createTestApp([OrdersModule, NotificationsModule, queue.module], [], {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      MAIL_FROM: 'Kooperant <powiadomienia@kooperant.test>',
      PUBLIC_URL: 'https://kooperant.test',
    });
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    notifications = app.get(NotificationService);
    sender = app.get(SendNotificationEmailProcessor);
  });

  beforeEach(async () => {
    smtp.received.length = 0;
    await app.reset(['taxonomy_entry']);
  });

  afterAll(async () => {
    await app?.get(QueueRegistry).queue(QueueName.Notifications).obliterate({ force: true });
    await app?.close();
    await smtp?.close();
  });

  /** A quote received by a Polish buyer: the event as relayed. */
  async function quoteEvent() {
    const buyer = await verifiedFirm(app, 'PL');
    const supplier = await verifiedFirm(app, 'LT');
    await pairClusters(app.db, buyer.clusterId, supplier.clusterId);
    const view = await openOrder(app, buyer, { visibility: 'partner_clusters' });
    await app.db.query(`UPDATE app_user SET locale = 'pl', time_zone = 'Europe/Warsaw' WHERE id = $1`, [buyer.adminId]);
    await submitQuote(app, supplier, view.order.id, [leg(pkg(view, 'cut'), { priceMinor: 250_000, currency: 'PLN' })]);
    const [row] = await app.db.query(
      `SELECT id, type, aggregate_type, aggregate_id, payload, actor_user_id, created_at FROM outbox_event
       WHERE type = 'quote.submitted'`,
    );
    const event: RelayedEvent = {
      id: row.id,
      type: row.type,
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      payload: row.payload,
      actorUserId: row.actor_user_id,
      createdAt: new Date(row.created_at).toISOString(),
    };
    return { event, buyer };
  }

  /** The notification the buyer's admin gets of a quote. */
  async function quoteNotification() {
    const { event, buyer } = await quoteEvent();
    const [made] = await notifications.fromEvent(event);
    const [{ email }] = await app.db.query(`SELECT email FROM app_user WHERE id = $1`, [buyer.adminId]);
    return { notification: made, buyer, email: email as string };
  }

  it('is handed one job per new notification by the events subscriber, the e-mail job of the worker', async () => {
    const { event, buyer } = await quoteEvent();
    await app.get(NotificationsEventsSubscriber).handle(event);
    const [n] = await app.db.query(`SELECT id FROM notification WHERE user_id = $1`, [buyer.adminId]);
    const job = await app.get(QueueRegistry).queue(QueueName.Notifications).getJob(jobId('email', n.id));
    expect(job?.name).toBe(JobName.SendNotificationEmail);
    expect(job?.data).toEqual({ notificationId: n.id });
  });

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
    expect(await notifications.unsubscribe('bogus.token')).toBeNull();
    const [userId, kind] = [buyer.adminId, 'quote.received'];
    const forged = unsubscribeToken('another-secret-another-secret-another', userId, kind);
    expect(await notifications.unsubscribe(forged)).toBeNull();
    expect(await notifications.unsubscribe(unsubscribeToken(app.config.auth.jwtSecret, userId, kind))).toEqual({
      locale: 'pl',
    });
    expect(await sender.handle({ notificationId: notification.id })).toEqual({ skipped: 'not wanted by e-mail' });
    expect(smtp.received).toEqual([]);
  });
});
