import { api } from '../../app/api';

export interface AuditRow {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  areaCode: string | null;
  detail: unknown;
  ip: string | null;
}

export interface AuditFilters {
  action?: string;
  actor?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

export const listAudit = (f: AuditFilters) => api.get<{ items: AuditRow[]; total: number }>('/audit', { ...f });

export const verifyAudit = () => api.get<VerifyResult>('/audit/verify');
