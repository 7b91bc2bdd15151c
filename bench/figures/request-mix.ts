// The request lists of the load tests, drawn once from the city with a fixed seed: searches
// as an office uses them (an exact ID number, a surname or surname + first given character,
// an area with filters, pages 1-3) and the record pages of random persons.
import Database from 'better-sqlite3';
import { REGION } from '../data/city.ts';
import { makeRng } from '../lib/stats.ts';

export type SearchKind = 'id' | 'surname' | 'surname+given' | 'area';

export interface SearchPath {
  kind: SearchKind;
  path: string;
  /** For `id`: the exact ID number (the answer must hold exactly this person). */
  idNumber?: string;
}

export interface RequestMix {
  search: SearchPath[];
  personPaths: string[];
}

interface Sampled { id: string; id_number: string | null; name: string }

const SEARCH_PATHS = 4000;
const PERSON_PATHS = 2000;

export function buildRequestMix(cityDb: string, seed: number): RequestMix {
  const db = new Database(cityDb, { readonly: true, fileMustExist: true });
  try {
    const rng = makeRng(seed);
    const maxRowid = (db.prepare('select max(rowid) from persons').pluck().get() as number | null) ?? 0;
    if (maxRowid === 0) throw new Error('the city has no persons');
    const byRowid = db.prepare('select id, id_number, name from persons where rowid = ?');
    const samplePerson = (withIdNumber: boolean): Sampled => {
      for (let attempt = 0; attempt < 1000; attempt++) {
        const p = byRowid.get(1 + rng.int(maxRowid)) as Sampled | undefined;
        if (p && (!withIdNumber || p.id_number)) return p;
      }
      throw new Error('could not sample a person from the city');
    };
    const areas = db.prepare(`select code, level from areas where code like '${REGION}%' and level between 3 and 5 order by code`).all() as { code: string; level: number }[];
    const byLevel = (level: number) => areas.filter((a) => a.level === level).map((a) => a.code);
    const districts = byLevel(3), townships = byLevel(4), villages = byLevel(5);
    if (!districts.length || !townships.length || !villages.length) throw new Error(`no districts/townships/villages of ${REGION} in the areas table`);

    const page = () => { const u = rng.next(); return u < 0.7 ? 1 : u < 0.9 ? 2 : 3; };
    const qs = (params: Record<string, string | number | undefined>) =>
      '/api/v1/persons?' + Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');

    const search: SearchPath[] = [];
    for (let i = 0; i < SEARCH_PATHS; i++) {
      const u = rng.next();
      if (u < 0.3) {
        const p = samplePerson(true);
        search.push({ kind: 'id', path: qs({ q: p.id_number! }), idNumber: p.id_number! });
      } else if (u < 0.6) {
        const p = samplePerson(false);
        const kind: SearchKind = u < 0.45 ? 'surname' : 'surname+given';
        const q = [...p.name].slice(0, kind === 'surname' ? 1 : 2).join('');
        // A third of name searches are narrowed to a township, as a clerk does.
        const area = rng.next() < 1 / 3 ? rng.pick(townships) : undefined;
        search.push({ kind, path: qs({ q, area, page: page() }) });
      } else {
        const v = rng.next();
        const area = v < 0.2 ? rng.pick(districts) : v < 0.6 ? rng.pick(townships) : rng.pick(villages);
        const ageMin = rng.next() < 0.5 ? rng.int(80) : undefined;
        const ageMax = ageMin !== undefined ? ageMin + 5 + rng.int(16) : undefined;
        const statusU = rng.next();
        search.push({
          kind: 'area',
          path: qs({
            area,
            sex: rng.next() < 0.5 ? rng.pick(['M', 'F']) : undefined,
            ageMin, ageMax,
            status: statusU < 0.3 ? (statusU < 0.24 ? 'alive' : statusU < 0.27 ? 'dead' : 'moved_out') : undefined,
            migrant: rng.next() < 0.25 ? rng.pick(['true', 'false']) : undefined,
            page: page(),
          }),
        });
      }
    }
    const personPaths: string[] = [];
    for (let i = 0; i < PERSON_PATHS; i++) personPaths.push(`/api/v1/persons/${samplePerson(false).id}`);
    return { search, personPaths };
  } finally {
    db.close();
  }
}

export function countKinds(paths: readonly SearchPath[]): Record<SearchKind, number> {
  const out: Record<SearchKind, number> = { id: 0, surname: 0, 'surname+given': 0, area: 0 };
  for (const p of paths) out[p.kind]++;
  return out;
}
