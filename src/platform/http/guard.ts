import type { FastifyRequest } from 'fastify';
import { can, type Actor, type Permission } from '../auth/roles.ts';
import { requireActor } from '../auth/session.plugin.ts';
import { forbidden } from './errors.ts';

/** The signed-in actor, if their role has the permission; 403 otherwise. */
export function actorWith(req: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(req);
  if (!can(actor, permission)) throw forbidden();
  return actor;
}
