import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { UNSUBSCRIBED } from '../email/email-footer';
import { NotificationService } from '../store/notification.service';

interface ReplyLike {
  code(status: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

const page = (lang: string, text: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Kooperant</title></head>` +
  `<body><p>${text}</p></body></html>`;

/**
 * The unsubscribe link of notification e-mails: GET from the link (a confirmation page in the user's language),
 * POST for one-click unsubscribe by mail clients (RFC 8058). The token names the user and the kind.
 */
@Controller('notifications')
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationService) {}

  @Get('unsubscribe')
  async page(@Query('token') token: string | undefined, @Res() reply: ReplyLike) {
    const done = await this.notifications.unsubscribe(token ?? '');
    reply
      .code(done ? 200 : 400)
      .header('content-type', 'text/html; charset=utf-8')
      .send(
        done
          ? page(done.locale, UNSUBSCRIBED[done.locale])
          : page('en', 'This link is not valid. Change your notification settings in Kooperant.'),
      );
  }

  @Post('unsubscribe')
  async oneClick(@Query('token') token: string | undefined, @Res() reply: ReplyLike) {
    const done = await this.notifications.unsubscribe(token ?? '');
    reply.code(done ? 200 : 400).send({ unsubscribed: !!done });
  }
}
