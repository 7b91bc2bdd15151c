// What the signed-in user may do, from user.permissions (the server decides; this only
// hides what would be refused anyway).
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useAuth } from './auth';
import { useI18n } from './i18n';
import type { Permission } from './session';

export interface Access {
  canReadPersons: boolean;
  canWritePersons: boolean;
  canReadFull: boolean;
  canImport: boolean;
  canManageUsers: boolean;
  canReadAudit: boolean;
  has: (p: Permission) => boolean;
}

export function useAccess(): Access {
  const { user } = useAuth();
  const has = (p: Permission) => !!user?.permissions.includes(p);
  return {
    canReadPersons: has('persons.read'),
    canWritePersons: has('persons.write'),
    canReadFull: has('persons.readFull'),
    canImport: has('imports.run'),
    canManageUsers: has('users.manage'),
    canReadAudit: has('audit.read'),
    has,
  };
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { has } = useAccess();
  const { t } = useI18n();
  if (!has(permission)) return <Result status="403" title={t('access.deniedTitle')} subTitle={t('access.denied')} />;
  return <>{children}</>;
}
