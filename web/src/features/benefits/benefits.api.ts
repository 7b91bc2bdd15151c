// Calls of the benefits API and the shapes it answers.
import { api, apiUrl, request } from '../../app/api';

export type ProgrammeCode = 'rewardAid' | 'specialAid' | 'surgeryComplicationAid' | 'onlyChildParentReward' | 'childcareSubsidy' | 'accidentInsurance' | 'assistedHousehold';
export const PROGRAMME_CODES: ProgrammeCode[] = ['rewardAid', 'specialAid', 'surgeryComplicationAid', 'onlyChildParentReward', 'childcareSubsidy', 'accidentInsurance', 'assistedHousehold'];
export type Stage = 'pending' | 'declared' | 'reviewed' | 'confirmed' | 'withdrawn';

export interface TimelineValue { from: string; to: string | null; value: unknown; reference: string }
export interface Programme {
  code: ProgrammeCode;
  title: { zh: string; en: string };
  kind: 'cash' | 'premium' | 'inKind';
  unit: string;
  excludes: ProgrammeCode[];
  schemes: { id: string; title: { zh: string; en: string }; jurisdiction: string; jurisdictionName: string; reference: string }[];
  parameters: { name: string; layers: { jurisdiction: string; jurisdictionName: string; values: TimelineValue[] }[] }[];
  funding: { key: string; values: TimelineValue[] }[];
}

export interface Cycle {
  id: string; programme: ProgrammeCode; areaCode: string; areaName: string; year: number;
  status: 'review' | 'notice' | 'frozen' | 'paying' | 'closed'; noticeFrom: string | null; noticeTo: string | null; version: number;
}
export interface CycleBoard extends Cycle {
  lines: { total: number; new: number; continuing: number; leaving: number; withdrawn: number };
  steps: { declared: number; reviewed: number; confirmed: number; frozen: number; objectionsOpen: number; objectionsResolved: number; dueFen: number; paidFen: number; pendingPayments: number; failedPayments: number };
}
export interface Line {
  id: string; personId: string; name: string; idNumber: string | null; areaCode: string; areaName: string;
  kind: 'new' | 'continuing' | 'leaving'; eligible: boolean; reasons: string[]; scheme: string | null; stage: Stage;
  returnedReason: string | null; returnedLevel: string | null; amountFen: number; split: Record<string, number>;
  frozen: boolean; bankAccount: string | null; version: number;
}
export interface Objection { id: string; lineId: string | null; text: string; status: 'open' | 'resolved'; upheld: boolean | null; resolution: string | null; version: number; createdAt: string }
export interface Batch { id: string; seq: number; lines: number; totalFen: number; paid: number; failed: number; createdAt: string }
export interface Disbursement {
  dueFen: number; paidFen: number; rate: number | null;
  byArea: { areaCode: string; areaName: string; dueFen: number; paidFen: number; rate: number | null }[];
  byFunding: { source: string; dueFen: number; paidFen: number; rate: number | null }[];
}
export interface PublicNotice { programme: ProgrammeCode; title: { zh: string; en: string }; year: number; area: string; from: string; to: string; lines: { name: string; idNumber: string | null; village: string; amountYuan: number; kind: string }[] }
export interface Job { id: string; status: 'queued' | 'running' | 'succeeded' | 'failed'; done: number; total: number; result: { cycleId: string; new: number; continuing: number; leaving: number } | null; error: string | null }

export const yuan = (fen: number) => (fen / 100).toFixed(2);

export const benefitsApi = {
  programmes: () => api.get<{ items: Programme[] }>('/benefits/programmes').then((r) => r.items),
  cycles: () => api.get<{ items: Cycle[] }>('/benefits/cycles').then((r) => r.items),
  run: (body: { programme: ProgrammeCode; area: string; year: number }) => api.post<Job>('/benefits/cycles', body),
  job: (id: string) => api.get<Job>(`/jobs/${id}`),
  cycle: (id: string) => api.get<CycleBoard>(`/benefits/cycles/${id}`),
  lines: (id: string, q: { stage?: Stage; page: number; pageSize: number }) => api.get<{ items: Line[]; total: number }>(`/benefits/cycles/${id}/lines`, q),
  review: (id: string, body: { action: 'pass' | 'return'; reason?: string; lines: { id: string; version: number }[] }) => api.post(`/benefits/cycles/${id}/reviews`, body),
  notice: (id: string, version: number) => api.post<CycleBoard>(`/benefits/cycles/${id}/notice`, { version }),
  objections: (id: string) => api.get<{ items: Objection[] }>(`/benefits/cycles/${id}/objections`).then((r) => r.items),
  addObjection: (id: string, body: { lineId?: string | null; text: string }) => api.post<Objection>(`/benefits/cycles/${id}/objections`, body),
  resolveObjection: (id: string, body: { version: number; upheld: boolean; resolution: string }) => api.post<Objection>(`/benefits/objections/${id}/resolve`, body),
  freeze: (id: string, version: number) => api.post<CycleBoard>(`/benefits/cycles/${id}/freeze`, { version }),
  batches: (id: string) => api.get<{ items: Batch[] }>(`/benefits/cycles/${id}/batches`).then((r) => r.items),
  createBatch: (id: string) => api.post<Batch>(`/benefits/cycles/${id}/batches`),
  batchFileUrl: (id: string, format: 'xlsx' | 'csv', encoding: 'utf-8' | 'gbk') => apiUrl(`/benefits/batches/${id}/file`, { format, encoding }),
  uploadResult: (id: string, file: File) => { const f = new FormData(); f.append('file', file); return api.upload<{ rows: number; paid: number; failed: number; alreadySettled: number; unknown: unknown[] }>(`/benefits/batches/${id}/results`, f); },
  updatePayee: (id: string, body: { version: number; bankAccount: string }) => api.patch(`/benefits/lines/${id}`, body),
  disbursement: (id: string) => api.get<Disbursement>(`/benefits/cycles/${id}/disbursement`),
  close: (id: string, version: number) => api.post<CycleBoard>(`/benefits/cycles/${id}/close`, { version }),
  publicNotice: (id: string) => api.get<PublicNotice>(`/public/benefit-notices/${id}`),
};

export interface ChecklistItem { item: string; title: { zh: string; en: string; facts: string[] } | null; received: boolean; paperFiled: boolean; documentNo: string | null }
export interface Evidence { item: string; facts: Record<string, unknown>; documentNo: string | null; paperFiled: boolean; version: number }
export interface Consistency {
  year: number; lines: number;
  stillOnRoster: { lineId: string; programme: ProgrammeCode; personId: string; name: string | null; areaCode: string; problem: string; deathDate: string | null }[];
  exclusive: { personId: string; name: string | null; programmes: ProgrammeCode[] }[];
  archive: { complete: number; total: number; share: number | null; incomplete: { lineId: string; name: string | null; missing: string[] }[] };
}
export interface ForecastTotals { persons: number; amountFen: number; byFunding: Record<string, number>; byTownship: { areaCode: string; areaName: string; persons: number; amountFen: number }[] }
export interface Forecast { base: ForecastTotals; scenario: ForecastTotals | null; deltaFen: number | null }

export const insightApi = {
  checklist: (lineId: string) => api.get<{ personId: string; complete: boolean; items: ChecklistItem[] }>(`/benefits/lines/${lineId}/checklist`),
  evidence: (personId: string) => api.get<{ items: Evidence[] }>(`/benefits/persons/${personId}/evidence`).then((r) => r.items),
  record: (personId: string, item: string, body: { version?: number; documentNo?: string | null; paperFiled?: boolean; facts?: Record<string, unknown> }) =>
    request<Evidence>('PUT', `/benefits/persons/${personId}/evidence/${item}`, { body }),
  consistency: (year: number) => api.get<Consistency>('/benefits/consistency', { year }),
  forecast: (q: { programme: ProgrammeCode; area: string; year: number; parameter?: string; jurisdiction?: string; value?: number }) => api.get<Forecast>('/benefits/forecast', q),
};

export interface RuleOverride { programme: ProgrammeCode; parameter: string; jurisdiction: string; series: { from: string; value: number | null; reference: string }[]; version: number }
export const rulesApi = {
  overrides: () => api.get<{ items: RuleOverride[] }>('/benefits/rule-overrides').then((r) => r.items),
  put: (body: Omit<RuleOverride, 'version'> & { version?: number }) => request<RuleOverride>('PUT', '/benefits/rule-overrides', { body }),
};
