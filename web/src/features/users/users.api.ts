import { api } from '../../app/api';
import type { Role, User } from '../../app/session';

/** A user as the users page lists it: the session's user fields, plus its state. */
export type UserRow = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'areaCode' | 'areaName'> & {
  disabled: boolean;
  version: number;
  createdAt: string;
};

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  areaCode: string;
}

export interface UserPatch {
  version: number;
  displayName?: string;
  role?: Role;
  areaCode?: string;
  disabled?: boolean;
}

export const listUsers = async () => (await api.get<{ items: UserRow[] }>('/users')).items;

export const createUser = (body: NewUser) => api.post<UserRow>('/users', body);

export const updateUser = (id: string, body: UserPatch) => api.patch<UserRow>(`/users/${encodeURIComponent(id)}`, body);

export const resetPassword = (id: string) =>
  api.post<{ temporaryPassword: string }>(`/users/${encodeURIComponent(id)}/reset-password`, {});
