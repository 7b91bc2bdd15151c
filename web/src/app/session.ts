// The signed-in user as the API describes it.
export type Role = 'admin' | 'county_manager' | 'township_reviewer' | 'village_clerk' | 'statistician' | 'auditor';

export const ROLES: readonly Role[] = ['admin', 'county_manager', 'township_reviewer', 'village_clerk', 'statistician', 'auditor'];

export type Permission =
  | 'persons.read'
  | 'persons.write'
  | 'persons.readFull'
  | 'imports.run'
  | 'users.manage'
  | 'audit.read'
  | 'stats.read'
  | 'targets.write'
  | 'serviceRecords.write'
  | 'benefits.read'
  | 'benefits.review'
  | 'benefits.manage'
  | 'benefits.rules';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  areaCode: string;
  areaName: string;
  permissions: Permission[];
  mustChangePassword: boolean;
}

export interface SessionAnswer {
  user: User;
  csrfToken: string;
}
