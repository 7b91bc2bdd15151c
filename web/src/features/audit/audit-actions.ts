// Audit actions the server writes, for labels and the filter list. Unknown ones show as codes.
import type { MessageKey } from '../../app/i18n';

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.update',
  'user.password_change',
  'user.password_reset',
  'person.read',
  'person.create',
  'person.update',
  'birth.register',
  'event.create',
  'event.update',
  'event.delete',
  'import.start',
  'import.persons',
  'import.events',
  'import.relatives',
  'registry.seed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const actionKey = (a: string): MessageKey | null =>
  (AUDIT_ACTIONS as readonly string[]).includes(a) ? (`audit.action.${a}` as MessageKey) : null;
