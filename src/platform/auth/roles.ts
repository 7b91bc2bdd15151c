// Roles and what each may do. Area scope is separate: every role acts only inside its area.
import type { Role } from '../db/schema.ts';

export const PERMISSIONS = [
  'persons.read', 'persons.write', 'persons.readFull', 'imports.run', 'users.manage', 'audit.read',
  // statistics: figures and drill-through; yearly targets; service records behind indicators
  'stats.read', 'targets.write', 'serviceRecords.write',
  // benefit programmes: read; declare/review/confirm lines at the user's level; run cycles
  // (eligibility, notice, freeze, payments, reconciliation, close); edit dated rules
  'benefits.read', 'benefits.review', 'benefits.manage', 'benefits.rules',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES: Record<Role, { zh: string; en: string; permissions: Permission[] }> = {
  admin: { zh: '系统管理员', en: 'Administrator', permissions: [...PERMISSIONS] },
  county_manager: {
    zh: '区县管理员', en: 'County manager',
    permissions: ['persons.read', 'persons.write', 'persons.readFull', 'imports.run', 'stats.read', 'targets.write', 'serviceRecords.write', 'benefits.read', 'benefits.review', 'benefits.manage', 'benefits.rules'],
  },
  township_reviewer: {
    zh: '乡镇审核员', en: 'Township reviewer',
    permissions: ['persons.read', 'persons.write', 'persons.readFull', 'imports.run', 'stats.read', 'serviceRecords.write', 'benefits.read', 'benefits.review'],
  },
  village_clerk: {
    zh: '村社区录入员', en: 'Village clerk',
    permissions: ['persons.read', 'persons.write', 'persons.readFull', 'imports.run', 'stats.read', 'serviceRecords.write', 'benefits.read', 'benefits.review'],
  },
  statistician: { zh: '统计员', en: 'Statistician (read-only)', permissions: ['persons.read', 'stats.read', 'benefits.read'] },
  auditor: { zh: '审计员', en: 'Auditor', permissions: ['persons.read', 'audit.read', 'stats.read', 'benefits.read'] },
};

export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export interface Actor {
  userId: string | null; // null for the system (CLI, first start)
  username: string;
  role: Role;
  areaCode: string;
  ip: string | null;
}

export function can(actor: Actor, permission: Permission): boolean {
  return ROLES[actor.role].permissions.includes(permission);
}

/** The actor used by CLI commands and start-up work: an administrator over everything. */
export function systemActor(areaCode = ''): Actor {
  return { userId: null, username: 'system', role: 'admin', areaCode, ip: null };
}
