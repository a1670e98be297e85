import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@kooperant/platform-errors';
import type { Actor, ActorRoles } from './actor';
import type { FirmRole } from '../firm/firm-member.entity';

/** Loads roles and builds actors. One query per request, memoised on the actor. */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async loadRoles(userId: string): Promise<ActorRoles> {
    const rows: { kind: 'admin' | 'firm' | 'coord'; ref: string | null; role: string | null }[] = await this.db.query(
      `SELECT 'admin' AS kind, NULL::uuid AS ref, NULL AS role FROM app_user WHERE id = $1 AND is_platform_admin
       UNION ALL SELECT 'firm', firm_id, role FROM firm_member WHERE user_id = $1
       UNION ALL SELECT 'coord', cluster_id, NULL FROM cluster_coordinator WHERE user_id = $1`,
      [userId],
    );
    const firms = new Map<string, FirmRole>();
    const coordinatorOf = new Set<string>();
    let platformAdmin = false;
    for (const r of rows) {
      if (r.kind === 'admin') platformAdmin = true;
      else if (r.kind === 'firm' && r.ref) firms.set(r.ref, r.role as FirmRole);
      else if (r.kind === 'coord' && r.ref) coordinatorOf.add(r.ref);
    }
    return { platformAdmin, firms, coordinatorOf };
  }

  /** An actor whose roles are loaded on first use and then kept for the request. */
  actorFor(userId: string): Actor {
    let cached: Promise<ActorRoles> | undefined;
    return {
      userId,
      roles: () => (cached ??= this.loadRoles(userId)),
    };
  }
}

/** Throws UNAUTHENTICATED for anonymous callers; narrows the type for the rest. */
export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw DomainError.unauthenticated();
  return actor;
}
