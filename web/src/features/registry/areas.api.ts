import { api } from '../../app/api';
import type { AreaDetail, AreaMatch, AreaNode } from './types';

export const getArea = (code: string) => api.get<AreaDetail>(`/areas/${encodeURIComponent(code)}`);

export const getAreaChildren = async (code: string) =>
  (await api.get<{ items: AreaNode[] }>(`/areas/${encodeURIComponent(code)}/children`)).items;

export const searchAreas = async (q: string) => (await api.get<{ items: AreaMatch[] }>('/areas', { q })).items;
