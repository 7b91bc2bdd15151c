// Calls and shapes of /api/v1/stats, /targets and /summary-templates.
import { api, apiUrl, request, type Query } from '../../app/api';

export type Basis = 'hukou' | 'resident';
export type Unit = 'count' | 'percent' | 'permille' | 'ratio';
export type Direction = 'higher' | 'lower' | 'count';

export interface IndicatorValue { value: number | null; numerator: number | null; denominator: number | null; reason?: string; normalRange?: [number, number] }
export interface IndicatorInfo { code: string; name: { zh: string; en: string }; unit: Unit; decimals: number; direction: Direction; annualisable: boolean }
export interface Assessment { target: number; direction: Direction; met: boolean | null; light: 'green' | 'yellow' | 'red' | 'none'; gap: number | null; gapUnit: string; completion: number | null }
export interface AssessedRow { area: string; name: string; values: Record<string, IndicatorValue>; assessments: Record<string, { target: Assessment | null; rank: number | null; phrase: string }> }
export interface AssessedTable {
  area: { code: string; name: string };
  period: { code: string; from: string; to: string; label: string; labelEn: string; days: number };
  basis: Basis;
  annualised: boolean;
  year: number;
  indicators: IndicatorInfo[];
  rows: AssessedRow[];
}

export interface StatsParams { area: string; period: string; basis: Basis; annualise: boolean; indicators?: string }

export const getAssessment = (p: StatsParams, signal?: AbortSignal) => api.get<AssessedTable>('/stats/assessment', p as unknown as Query, signal);

export interface Breakdown {
  bySex: { M: number; F: number };
  byParity: Record<'1' | '2' | '3+' | 'unknown', number>;
  byMonth: { month: string; births: number; birthsMale: number; birthsFemale: number; deaths: number }[];
}
export const getBirths = (p: { area: string; period: string; basis: Basis }, signal?: AbortSignal) => api.get<Breakdown>('/stats/births', p, signal);

export interface Pyramid { date: string; bands: { band: string; male: number; female: number }[] }
export const getPyramid = (p: { area: string; date: string; basis: Basis }, signal?: AbortSignal) => api.get<Pyramid>('/stats/pyramid', p, signal);

export interface DrillItem { eventId: string | null; personId: string; kind: 'birth' | 'death' | 'population'; date: string; parity: number | null; sex: 'M' | 'F'; name: string; idNumber: string | null; area: { code: string; name: string }; policyClass: string | null; canOpen: boolean }
export interface DrillPage { total: number; page: number; pageSize: number; items: DrillItem[] }
export const getRecords = (p: { area: string; period: string; basis: Basis; measure: string; sex?: 'M' | 'F'; band?: number; page: number; pageSize: number }) => api.get<DrillPage>('/stats/records', p);

export interface Target { id: string; areaCode: string; areaName: string; year: number; indicator: string; indicatorName: { zh: string; en: string } | null; direction: Direction; value: number; version: number }
export const getTargets = (area: string, year: number) => api.get<{ items: Target[] }>('/targets', { area, year });
export const putTarget = (t: { areaCode: string; year: number; indicator: string; direction: Direction; value: number; version?: number }) => request<Target>('PUT', '/targets', { body: t });
export const deleteTarget = (t: Target) => api.del(`/targets/${t.id}`, { version: t.version });
export const importTargets = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<{ set: number; rejected: { line: number; field: string; code: string }[] }>('/targets/import', form);
};
export const getIndicators = () => api.get<{ indicators: IndicatorInfo[] }>('/stats/indicators');

export const downloadUrl = (kind: 'table.xlsx' | 'summary.docx', p: StatsParams) => apiUrl(`/stats/${kind}`, p as unknown as Query);

/** Counts a user can open (the measure behind each count indicator). */
export const DRILL_OF: Record<string, string> = { births: 'births', deaths: 'deaths' };
