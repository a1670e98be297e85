import type { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { KooperantConfig } from '@kooperant/platform-config';
import { DomainError } from '@kooperant/platform-errors';
import { createQueueConnection, queueSettingsFrom, QueueName, QueueRegistry } from '@kooperant/platform-queue';
import { CROSS_SITE_REQUEST, httpErrorOf } from '../documents/http-errors';
import { AdminAuth } from './admin-auth';
import { adminCredentialOf, isSameOriginWrite, originOf } from './admin-request';

/** Where the queue dashboard (Bull Board) is mounted: the page, its assets and its JSON API under `api/`. */

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The stylesheet links of Bull Board's page to Google Fonts. */
const GOOGLE_FONTS_LINK = /<link\b[^>]*\bhref="https:\/\/fonts\.(googleapis|gstatic)\.com[^>]*>\s*/g;

/**
 * Mounts Bull Board at QUEUE_DASHBOARD_PATH over every queue of QueueName, with the worker's prefix and Redis, for
 * platform administrators only: every request (page, assets, API) carries a valid administrator's access token as
 * a Bearer header or the cookie of `POST /admin/session`; with the cookie alone, a request that changes something
 * (retry, clean, promote, pause…) must come from our own origin. Refusals are JSON like the other REST routes:
 * 401 UNAUTHENTICATED, 403 FORBIDDEN or CROSS_SITE_REQUEST.
 *
 * Only with Redis. Without it the jobs are on BullMQ's PostgreSQL backend: Bull Board 9.10 can list those (tried on
 * PostgreSQL), but in embedded mode that is PGlite, which serves one statement stream at a time over its socket,
 * and the board's own connection and polling would compete with the app's; so it returns false and says so in the
 * log. Call in main.ts after NestFactory.create, before listen.
 */
export function registerQueueDashboard(app: NestFastifyApplication, config: KooperantConfig, log: Logger): boolean {
  if (config.queueBackend !== 'redis') {
    log.log(
      `queue dashboard not mounted: jobs are on BullMQ's PostgreSQL backend (${config.mode} mode, no REDIS_URL); ` +
        `${QUEUE_DASHBOARD_PATH} needs Redis`,
    );
    return false;
  }
  const auth = app.get(AdminAuth, { strict: false });
  const registry = new QueueRegistry(createQueueConnection(queueSettingsFrom(config), 'producer'));
  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(registry.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Kooperant queues' } },
  });
  const publicOrigin = originOf(config.mail.publicUrl);

  // An async hook that answers must return the reply, so that Fastify stops there (no handler, no second send).
  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    try {
      const credential = adminCredentialOf(request.headers);
      await auth.platformAdmin(credential?.token);
      const own = [originOf(`${request.protocol}://${request.host}`), publicOrigin].filter((o) => o !== null);
      if (credential?.via === 'cookie' && !isSameOriginWrite(request.method, request.headers, own)) {
        throw new DomainError(
          CROSS_SITE_REQUEST,
          'A change through the admin session cookie must come from the dashboard itself (Origin of this site).',
        );
      }
      return undefined;
    } catch (error) {
      const { status, body } = httpErrorOf(error);
      return reply.code(status).header('cache-control', 'no-store').send(body);
    }
  };

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  void fastify.register(
    async (scope) => {
      scope.addHook('onRequest', guard);
      scope.addHook('onSend', async (_request, reply, payload) => {
        // Never framed (its buttons retry and delete jobs), never cached, never leaking its URLs.
        void reply
          .header('x-frame-options', 'DENY')
          .header('referrer-policy', 'same-origin')
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store');
        // Bull Board's page loads its typeface from Google Fonts: every administrator opening it would tell Google
        // their address. Without the link the page uses the fonts its stylesheet falls back on.
        const type = String(reply.getHeader('content-type') ?? '');
        if (!type.startsWith('text/html')) return payload;
        if (typeof payload === 'string') return payload.replace(GOOGLE_FONTS_LINK, '');
        if (Buffer.isBuffer(payload)) return payload.toString('utf8').replace(GOOGLE_FONTS_LINK, '');
        return payload;
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
  fastify.addHook('onClose', async () => registry.close());
  log.log(
    `queue dashboard at ${QUEUE_DASHBOARD_PATH} (platform administrators; ${Object.values(QueueName).join(', ')})`,
  );
  return true;
}
