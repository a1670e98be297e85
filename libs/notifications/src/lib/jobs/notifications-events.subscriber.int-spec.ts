import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { leg, openOrder, pairClusters, pkg, submitQuote, verifiedFirm } from '@kooperant/orders/testing';
import { OrdersModule } from '@kooperant/orders';
import { jobId, QueueName, QueueRegistry } from '@kooperant/platform-queue';
import { createTestApp, relayedEvents, testQueueModule, type TestApp } from '@kooperant/platform-testing';
import { NotificationsModule } from '../notifications.module';
import { NotificationsEventsSubscriber } from './notifications-events.subscriber';

/** The subscriber as the worker builds it (Nest DI, a queue, an SMTP server configured), against real services. */
describe('NotificationsEventsSubscriber', () => {
  let app: TestApp;
  let queues: QueueRegistry;
  let subscriber: NotificationsEventsSubscriber;
  const { module: queueModule } = testQueueModule();

  beforeAll(async () => {
    app = await createTestApp([queueModule, OrdersModule, NotificationsModule], [], {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '2525',
    });
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    queues = app.get(QueueRegistry);
    subscriber = app.get(NotificationsEventsSubscriber);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterEach(async () => {
    jest.restoreAllMocks();
    await queues.queue(QueueName.Notifications).obliterate({ force: true });
  });

  afterAll(() => app?.close());

  /** A quote for a buyer: its event, and the buyer's admin who is told of it. */
  async function quoteEvent() {
    const buyer = await verifiedFirm(app, 'PL');
    const supplier = await verifiedFirm(app, 'LT');
    await pairClusters(app.db, buyer.clusterId, supplier.clusterId);
    const view = await openOrder(app, buyer, { visibility: 'partner_clusters' });
    await submitQuote(app, supplier, view.order.id, [leg(pkg(view, 'cut'))]);
    const [event] = await relayedEvents(app.db, 'quote.submitted');
    return event;
  }

  const emailJobs = async () =>
    (await queues.queue(QueueName.Notifications).getJobs(['waiting', 'delayed', 'completed', 'failed'])).map(
      (j) => j.id,
    );

  it('asks for one e-mail per new notification, with the job id taken from the notification', async () => {
    const event = await quoteEvent();
    await subscriber.handle(event);
    const [n] = await app.db.query(`SELECT id FROM notification WHERE event_id = $1`, [event.id]);
    expect(await emailJobs()).toEqual([jobId('email', n.id)]);
  });

  it('asks for the e-mail of a notification that an earlier try stored but died before asking', async () => {
    const event = await quoteEvent();
    jest.spyOn(queues, 'enqueueMany').mockRejectedValueOnce(new Error('Connection is closed.'));
    await expect(subscriber.handle(event)).rejects.toThrow('Connection is closed.');
    const [n] = await app.db.query(`SELECT id FROM notification WHERE event_id = $1`, [event.id]);
    expect(await emailJobs()).toEqual([]);

    // The job is retried: nothing new in the app, and the e-mail is asked for (once, whatever the tries).
    await subscriber.handle(event);
    await subscriber.handle(event);
    expect(await app.db.query(`SELECT id FROM notification WHERE event_id = $1`, [event.id])).toEqual([n]);
    expect(await emailJobs()).toEqual([jobId('email', n.id)]);
  });

  it('asks for no e-mail again once it was sent', async () => {
    const event = await quoteEvent();
    await subscriber.handle(event);
    await queues.queue(QueueName.Notifications).obliterate({ force: true });
    await app.db.query(`UPDATE notification SET emailed_at = now() WHERE event_id = $1`, [event.id]);
    await subscriber.handle(event);
    expect(await emailJobs()).toEqual([]);
  });
});
