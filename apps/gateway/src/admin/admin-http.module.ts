import { Module } from '@nestjs/common';
import { IdentityModule } from '@kooperant/identity';
import { AdminAuth } from './admin-auth';
import { AdminSessionController } from './admin-session.controller';

/** The admin pages' session and auth; the queue dashboard itself is mounted by registerQueueDashboard (main.ts). */
@Module({
  imports: [IdentityModule],
  controllers: [AdminSessionController],
  providers: [AdminAuth],
  exports: [AdminAuth],
})
export class AdminHttpModule {}
