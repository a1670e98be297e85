import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { httpErrorOf } from './http-errors';

const log = new Logger('DocumentsHttp');

/** Answers every error of the REST document routes as `{ error: { code, message, field? } }` (see httpErrorOf). */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = httpErrorOf(exception);
    if (reply.sent || reply.raw.headersSent) {
      // The bytes had started to flow: all that is left is to cut the response short.
      log.warn(`response cut short after its headers: ${body.error.code}`);
      reply.raw.destroy();
      return;
    }
    void reply.code(status).header('cache-control', 'no-store').send(body);
  }
}
