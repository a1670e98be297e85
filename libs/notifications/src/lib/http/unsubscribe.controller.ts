import { Controller, Get, Post, Query, Res } from '@nestjs/common';
import { UNSUBSCRIBED, UNSUBSCRIBED_DIGEST } from '../email/email-footer';
import { DIGEST_UNSUBSCRIBE } from '../email/unsubscribe-token';
import { NotificationPreferencesService } from '../preferences/notification-preferences.service';

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
 * POST for one-click unsubscribe by mail clients (RFC 8058). The token names the user and the kind, or the digest.
 */
@Controller('notifications')
export class UnsubscribeController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get('unsubscribe')
  async page(@Query('token') token: string | undefined, @Res() reply: ReplyLike) {
    const done = await this.preferences.unsubscribe(token ?? '');
    reply
      .code(done ? 200 : 400)
      .header('content-type', 'text/html; charset=utf-8')
      .send(
        done
          ? page(done.locale, (done.stopped === DIGEST_UNSUBSCRIBE ? UNSUBSCRIBED_DIGEST : UNSUBSCRIBED)[done.locale])
          : page('en', 'This link is not valid. Change your notification settings in Kooperant.'),
      );
  }

  @Post('unsubscribe')
  async oneClick(@Query('token') token: string | undefined, @Res() reply: ReplyLike) {
    const done = await this.preferences.unsubscribe(token ?? '');
    reply.code(done ? 200 : 400).send({ unsubscribed: !!done });
  }
}
