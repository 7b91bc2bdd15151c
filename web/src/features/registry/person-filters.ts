// The registry list keeps its filters in the URL, so that "back" from a person returns to
// the same list and a search can be shared.
import type { PersonFilters } from './types';

const KEYS = ['q', 'area', 'basis', 'sex', 'ageMin', 'ageMax', 'status', 'migrant'] as const;

function int(v: string | null): number | undefined {
  if (v === null || v === '' || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

export function filtersFromParams(p: URLSearchParams): PersonFilters {
  const sex = p.get('sex');
  const status = p.get('status');
  const migrant = p.get('migrant');
  const basis = p.get('basis');
  return {
    q: p.get('q') || undefined,
    area: p.get('area') || undefined,
    sex: sex === 'M' || sex === 'F' ? sex : undefined,
    ageMin: int(p.get('ageMin')),
    ageMax: int(p.get('ageMax')),
    status: status === 'alive' || status === 'dead' || status === 'moved_out' ? status : undefined,
    migrant: migrant === 'true' || migrant === 'false' ? migrant : undefined,
    basis: basis === 'residence' ? basis : undefined,
    page: Math.max(1, int(p.get('page')) ?? 1),
  };
}

export function filtersToParams(f: PersonFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = f[k];
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}
