import { describe, expect, it } from 'vitest';
import type { BenefitPerson, Household } from './household.ts';
import { HouseholdIndex, type ChildStats } from './households.ts';
import type { PersonFacts } from './registry-facts.repository.ts';

// [id, sex, birth, death, hukou type, area, disability, mother, father, spouse]; gm, ex and ghost
// are only referred to, never added.
const AREA = '510703001003';
const ROWS: PersonFacts[] = [
  ['mom', 'F', '1960-01-01', null, 'rural', AREA, null, 'gm', null, 'dad'],
  ['c1', 'F', '1985-01-01', null, 'rural', AREA, null, 'mom', 'dad', null],
  ['dad', 'M', '1958-01-01', null, 'rural', AREA, null, null, null, 'mom'],
  ['c2', 'M', '1988-01-01', '2020-05-01', 'rural', AREA, null, 'mom', 'dad', null],
  ['aunt', 'F', '1962-01-01', null, 'urban', AREA, null, 'gm', null, null],
  ['c3', 'F', '1990-01-01', null, 'rural', AREA, 2, null, 'dad', null],
  ['c4', 'M', '2000-01-01', '2026-01-01', null, AREA, null, 'ex', 'dad', null],
  ['lone', 'M', '1970-01-01', null, 'urban', AREA, null, null, null, 'ghost'],
  ['g1', 'F', '2010-01-01', null, 'urban', AREA, null, 'ghost', null, null],
  ['lone2', 'M', '1975-01-01', null, 'urban', AREA, null, null, null, 'late'],
  ['late', 'F', '1976-01-01', null, 'urban', '510704001001', 4, null, null, 'lone2'],
];

const person = (r: PersonFacts): BenefitPerson => ({
  id: r[0], sex: r[1], birthDate: r[2], deathDate: r[3], hukouType: r[4], hukouArea: r[5], disabilityGrade: r[6],
});
const byId = (ps: BenefitPerson[]) => [...ps].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The household as the rows say it, by filtering them. */
function plain(r: PersonFacts): Household {
  const spouse = ROWS.find((x) => x[0] === r[9]);
  return {
    person: person(r),
    spouse: spouse ? person(spouse) : null,
    children: ROWS.filter((c) => [c[7], c[8]].some((p) => p && (p === r[0] || p === r[9]))).map(person),
    siblingsAndSelf: ROWS.filter((c) => c[0] === r[0] || [c[7], c[8]].some((p) => p && (p === r[7] || p === r[8]))).map(person),
    facts: {},
  };
}

describe('HouseholdIndex', () => {
  const index = new HouseholdIndex();
  const at = new Map(ROWS.map((r) => [r[0], index.add(r)]));

  it('gives each person a position once; a repeated person is ignored', () => {
    expect([...at.values()].every((k) => k >= 0)).toBe(true);
    expect(index.add(ROWS[1])).toBe(-1);
    expect(index.find('c1')).toBe(at.get('c1'));
    expect(index.find('gm')).toBe(-1); // referred to, never added
    expect(index.has('ghost')).toBe(false);
    expect(index.area(at.get('late')!)).toBe('510704001001');
  });

  it('builds every household as the rows say, parents read or not', () => {
    for (const r of ROWS) {
      const h = index.household(at.get(r[0])!);
      const p = plain(r);
      expect({ ...h, children: byId(h.children), siblingsAndSelf: byId(h.siblingsAndSelf) })
        .toEqual({ ...p, children: byId(p.children), siblingsAndSelf: byId(p.siblingsAndSelf) });
      expect(index.onlyChild(at.get(r[0])!)).toBe(p.siblingsAndSelf.length === 1);
    }
  });

  it('counts children as the households hold them, living on 1 January', () => {
    const stats = (id: string, year: number) => index.childStats(at.get(id)!, `${year}-01-01`, { count: 0, diedOrDisabled: false, living: 0, livingDaughters: 0 });
    const expected = (id: string, year: number): ChildStats => {
      const kids = plain(ROWS.find((r) => r[0] === id)!).children;
      const living = kids.filter((c) => !c.deathDate || c.deathDate >= `${year}-01-01`);
      return { count: kids.length, diedOrDisabled: kids.some((c) => !!c.deathDate || c.disabilityGrade !== null), living: living.length, livingDaughters: living.filter((c) => c.sex === 'F').length };
    };
    for (const r of ROWS) for (const year of [2020, 2026, 2027]) expect(stats(r[0], year)).toEqual(expected(r[0], year));
    expect(stats('dad', 2026)).toEqual({ count: 4, diedOrDisabled: true, living: 3, livingDaughters: 2 });
    expect(stats('lone', 2026).count).toBe(1); // the unread wife's daughter
  });
});

describe('HouseholdIndex: spouses recorded on one side, or in conflict', () => {
  // h1 names nobody, w1 names h1; w2 names nobody, h2 names w2; a names b, b names c, c names
  // nobody; x names nobody, y and z both name x. Each child is recorded with one parent only.
  const ROWS2: PersonFacts[] = [
    ['h1', 'M', '1955-01-01', null, 'rural', AREA, null, null, null, null],
    ['w1', 'F', '1957-01-01', null, 'rural', AREA, null, null, null, 'h1'],
    ['h1k', 'M', '1980-01-01', null, 'rural', AREA, null, null, 'h1', null],
    ['w1k', 'F', '1982-01-01', null, 'rural', AREA, null, 'w1', null, null],
    ['w2', 'F', '1960-01-01', null, 'rural', AREA, null, null, null, null],
    ['h2', 'M', '1958-01-01', null, 'rural', AREA, null, null, null, 'w2'],
    ['w2k', 'M', '1990-01-01', '2015-01-01', 'rural', AREA, null, 'w2', null, null],
    ['a', 'M', '1955-01-01', null, 'rural', AREA, null, null, null, 'b'],
    ['b', 'F', '1957-01-01', null, 'rural', AREA, null, null, null, 'c'],
    ['c', 'M', '1954-01-01', null, 'rural', AREA, null, null, null, null],
    ['ak', 'M', '1985-01-01', null, 'rural', AREA, null, null, 'a', null],
    ['bk', 'F', '1986-01-01', null, 'rural', AREA, null, 'b', null, null],
    ['x', 'F', '1957-01-01', null, 'rural', AREA, null, null, null, null],
    ['z', 'M', '1954-01-01', null, 'rural', AREA, null, null, null, 'x'],
    ['y', 'M', '1955-01-01', null, 'rural', AREA, null, null, null, 'x'],
    ['yk', 'M', '1984-01-01', null, 'rural', AREA, null, null, 'y', null],
    ['zk', 'M', '1983-01-01', null, 'rural', AREA, null, null, 'z', null],
  ];
  const SPOUSE: Record<string, string | null> = { h1: 'w1', w1: 'h1', w2: 'h2', h2: 'w2', a: 'b', b: 'c', c: 'b', x: 'y', y: 'x', z: 'x' };
  const CHILDREN: Record<string, string[]> = { h1: ['h1k', 'w1k'], w1: ['h1k', 'w1k'], h2: ['w2k'], w2: ['w2k'], a: ['ak', 'bk'], b: ['bk'], c: ['bk'], x: ['yk'], y: ['yk'], z: ['zk'] };
  const orders = [ROWS2, [...ROWS2].reverse(), [...ROWS2.slice(9), ...ROWS2.slice(0, 9)]];

  it('takes the own record first, then the record naming the person (the smallest id of several), whatever the order added', () => {
    for (const rows of orders) {
      const index = new HouseholdIndex();
      for (const r of rows) index.add(r);
      for (const id of Object.keys(CHILDREN)) {
        const h = index.household(index.find(id));
        expect({ id, spouse: h.spouse?.id ?? null, children: h.children.map((c) => c.id).sort() }).toEqual({ id, spouse: SPOUSE[id], children: [...CHILDREN[id]].sort() });
        const stats = index.childStats(index.find(id), '2026-01-01', { count: 0, diedOrDisabled: false, living: 0, livingDaughters: 0 });
        expect(stats.count).toBe(CHILDREN[id].length);
      }
    }
  });

  it('tells which ids the persons added name as spouse, and who names one', () => {
    const index = new HouseholdIndex();
    for (const r of ROWS2.filter((r) => r[0] !== 'w1' && r[0] !== 'x')) index.add(r);
    expect(index.namedAsSpouse('x')).toBe(true); // named by y and z, not added
    expect(index.namedAsSpouse('h1')).toBe(false); // w1, who names him, is not added
    expect(index.namedAsSpouse('nobody')).toBe(false);
    expect([index.namesSpouse('h2'), index.namesSpouse('w2'), index.namesSpouse('x')]).toEqual([true, false, false]);
    expect(index.spousesNotAdded()).toEqual(['x']);
    expect(index.namingNobody().sort()).toEqual(ROWS2.filter((r) => r[9] === null && r[0] !== 'x').map((r) => r[0]).sort());
    index.add(ROWS2[1]);
    expect(index.namedAsSpouse('h1')).toBe(true);
  });
});
