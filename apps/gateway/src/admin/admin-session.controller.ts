import { Controller, Delete, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpErrorFilter } from '../documents/http-error.filter';
import { AdminAuth } from './admin-auth';
import { adminSessionCookie, clearedAdminSessionCookie, secondsLeft } from './admin-request';

/**
 * A browser cannot send a Bearer header when it opens a page: `POST /admin/session` with a platform administrator's
 * `Authorization: Bearer <access token>` answers with an HttpOnly, SameSite=Strict cookie holding that token
 * (Secure over HTTPS), valid as long as the token. The token is checked again on every request to the admin pages.
 * Only a Bearer header is taken here, never a form field: a cross-site page cannot send one without our consent (no
 * CORS), so it cannot plant its own session either.
 */
@Controller('admin/session')
@UseFilters(new HttpErrorFilter())
export class AdminSessionController {
  constructor(private readonly auth: AdminAuth) {}

  @Post()
  async open(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const { userId } = await this.auth.platformAdmin(token);
    const ttl = secondsLeft(token as string);
    void reply
      .code(200)
      .header('cache-control', 'no-store')
      .header('set-cookie', adminSessionCookie(token as string, ttl, request.protocol === 'https'))
      .send({ session: { userId, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() } });
  }

  @Delete()
  close(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    void reply
      .code(204)
      .header('cache-control', 'no-store')
      .header('set-cookie', clearedAdminSessionCookie(request.protocol === 'https'))
      .send();
  }
}
