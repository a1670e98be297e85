import type { FirmRole } from '../firm/firm-member.entity';

/** What a signed-in user may do, loaded once per request. */
export interface ActorRoles {
  readonly platformAdmin: boolean;
  /** firm id → role in that firm */
  readonly firms: ReadonlyMap<string, FirmRole>;
  /** ids of the clusters the user coordinates */
  readonly coordinatorOf: ReadonlySet<string>;
}

/** The caller of a service method. Services check object-level access with it; anonymous callers have none. */
export interface Actor {
  readonly userId: string;
  roles(): Promise<ActorRoles>;
}

export function isFirmMember(roles: ActorRoles, firmId: string): boolean {
  return roles.firms.has(firmId);
}

export function isFirmAdmin(roles: ActorRoles, firmId: string): boolean {
  return roles.firms.get(firmId) === 'admin';
}
