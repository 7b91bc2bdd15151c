// The city's persons as rows of a persons import file (the columns of the persons import template, src/registry/imports/column-specs.ts):
// the 14 columns in the order of the template, values written as offices write them (男/女,
// 农业/非农业, ethnicity and marital-status names), relatives by their ID numbers. Persons
// without an ID number (newborns) are left out; so are persons whose ID number is malformed (a
// seeding defect, counted), and malformed relatives' ID numbers are emptied (counted).
import Database from 'better-sqlite3';
import { ETHNICITIES, MARITAL_STATUSES } from '../../src/registry/codes.ts';
import { parseIdNumber } from '../../src/registry/id-number.ts';
import { PERSON_COLUMNS, type PersonColumn } from '../../src/registry/imports/column-specs.ts';

/** The canonical Chinese headers, in template order. */
export const IMPORT_HEADERS: readonly string[] = PERSON_COLUMNS.map((c) => c.zh);

export interface RowStats {
  rows: number;
  skippedMalformedIds: number;
  blankedRelativeIds: number;
}

interface CityPerson {
  id_number: string | null;
  name: string;
  sex: 'M' | 'F';
  birth_date: string;
  ethnicity: string | null;
  hukou_area_code: string;
  residence_area_code: string;
  hukou_type: 'rural' | 'urban' | null;
  marital_status: string | null;
  spouse_id_number: string | null;
  mother_id_number: string | null;
  father_id_number: string | null;
  death_date: string | null;
  phone: string | null;
}

const SEX = { M: '男', F: '女' } as const;
const HUKOU_TYPE = { rural: '农业', urban: '非农业' } as const;
const ETHNICITY_NAME = new Map(ETHNICITIES.map((e) => [e.code, e.name]));
const MARITAL_NAME = new Map(MARITAL_STATUSES.map((m) => [m.code, m.zh]));

const QUERY = `
  select p.id_number, p.name, p.sex, p.birth_date, p.ethnicity, p.hukou_area_code, p.residence_area_code,
         p.hukou_type, p.marital_status, s.id_number as spouse_id_number, m.id_number as mother_id_number,
         f.id_number as father_id_number, p.death_date, p.phone
  from persons p
  left join persons s on s.id = p.spouse_id
  left join persons m on m.id = p.mother_id
  left join persons f on f.id = p.father_id
  where p.id_number is not null
  order by p.rowid`;

/**
 * Import rows (cells in IMPORT_HEADERS order, '' for empty) of the first `limit` persons with a
 * well-formed ID number, streamed from the city database. `stats` is updated as rows go.
 */
export function* personRows(cityDb: string, today: string, limit: number, stats: RowStats): Generator<string[]> {
  const db = new Database(cityDb, { readonly: true, fileMustExist: true });
  try {
    const valid = (n: string) => parseIdNumber(n, today).ok;
    const relative = (n: string | null) => {
      if (n === null) return '';
      if (valid(n)) return n;
      stats.blankedRelativeIds++;
      return '';
    };
    for (const p of db.prepare(QUERY).iterate() as IterableIterator<CityPerson>) {
      if (stats.rows >= limit) break;
      if (!valid(p.id_number!)) { stats.skippedMalformedIds++; continue; }
      const cell: Record<PersonColumn, string> = {
        id_number: p.id_number!,
        name: p.name,
        sex: SEX[p.sex],
        birth_date: p.birth_date,
        ethnicity: (p.ethnicity && ETHNICITY_NAME.get(p.ethnicity)) ?? p.ethnicity ?? '',
        hukou_area: p.hukou_area_code,
        residence_area: p.residence_area_code,
        hukou_type: p.hukou_type ? HUKOU_TYPE[p.hukou_type] : '',
        marital_status: (p.marital_status && MARITAL_NAME.get(p.marital_status)) ?? p.marital_status ?? '',
        spouse_id_number: relative(p.spouse_id_number),
        mother_id_number: relative(p.mother_id_number),
        father_id_number: relative(p.father_id_number),
        death_date: p.death_date ?? '',
        phone: p.phone ?? '',
      };
      stats.rows++;
      yield PERSON_COLUMNS.map((c) => cell[c.key]);
    }
  } finally {
    db.close(); // also ends an unfinished iteration
  }
}
