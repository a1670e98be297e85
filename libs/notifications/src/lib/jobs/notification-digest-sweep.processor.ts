import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { JobName, jobId, QueueRegistry, type JobHandler } from '@kooperant/platform-queue';
import { MAILER, type Mailer } from '../email/mailer';
import { NotificationDigestService } from '../digest/notification-digest.service';

/**
 * Every quarter of an hour: one send-notification-digest job per user whose digest hour has come in their zone and
 * who has notifications waiting for it. The job id names the user and the local date, so that two workers sweeping
 * at once, or the next sweep while the job waits, add nothing more; the digest row stops a send once it is done.
 */
@Injectable()
export class NotificationDigestSweepProcessor implements JobHandler<JobName.NotificationDigestSweep> {
  readonly jobName = JobName.NotificationDigestSweep;
  private readonly log = new Logger('NotificationDigest');

  constructor(
    private readonly digests: NotificationDigestService,
    @Optional() @Inject(QueueRegistry) private readonly queues: QueueRegistry | null,
    @Optional() @Inject(MAILER) private readonly mailer: Mailer | null,
  ) {}

  async handle() {
    if (!this.mailer || !this.queues) return { skipped: 'no SMTP server or queue' };
    const due = await this.digests.due(new Date());
    await this.queues.enqueueMany(
      JobName.SendNotificationDigest,
      due.map((d) => ({ payload: d, opts: { jobId: jobId('digest', d.userId, d.localDate) } })),
    );
    if (due.length) this.log.log(`${due.length} daily digests due`);
    return { due: due.length };
  }
}
