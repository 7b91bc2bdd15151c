// The population on the first day of the period (t0), built generation by generation:
// founding couples, their children, the children's marriages (mostly to other children of
// the same batch, some to partners from elsewhere), grandchildren, and so on until t0.
// All of a woman's children are persons of the batch, so parities and "only child" facts
// can be counted from mother_id / father_id.
import { YEAR, dayInYear, yearOfDay } from './dates.ts';
import { initialMigration } from './migration.ts';
import { DEAD, KEEP, NEVER_MARRY, NO_MORE_CHILDREN, childEthnicity, join, marry, type Batch, type SimFamily, type SimPerson } from './model.ts';
import { surname as randomSurname } from './names.ts';
import { WeightedTable, type Rng } from './prng.ts';
import { boyShare, furtherChildChance, intendedChildren, survival, womenMarriageAge } from './rates.ts';
import { marryChildren } from './t0-marriage.ts';

// Birth years of founders (the oldest generation, whose parents are not in the registry),
// tuned so that the generated age structure comes close to Sichuan's 7th census (2020).
const FOUNDERS: [from: number, to: number, weight: number][] = [
  [1915, 1924, 1], [1925, 1929, 2], [1930, 1934, 3], [1935, 1939, 3], [1940, 1944, 3], [1945, 1949, 2.5],
  [1950, 1954, 2.2], [1955, 1959, 2], [1960, 1964, 1.8], [1965, 1969, 1.5], [1970, 1974, 1.2], [1975, 1979, 1],
  [1980, 1984, 1.2], [1985, 1989, 1.8], [1990, 1994, 1.2],
];
const FOUNDER_TABLE = new WeightedTable(FOUNDERS.map(([f, t, w]) => w * (t - f + 1)));

/** Chance that a family with an only child (mother 49+ today) is a special-aid family. */
const ONLY_CHILD_DIED = 0.004;
const ONLY_CHILD_DISABLED = 0.012;

/** A couple (or the survivor of one) whose children are still to be born. */
export interface Couple {
  mother: SimPerson | null;
  father: SimPerson | null;
  motherBirth: number;
  married: number;
  urban: boolean;
  surname: string;
  motherSurname: string;
  motherEth: string;
  fatherEth: string;
  family: SimFamily;
  sonAtHome: boolean; // a married child already lives in the parents' household
}

export interface Child { p: SimPerson; parents: Couple }

export const expo = (rng: Rng, mean: number): number => -mean * Math.log(1 - rng.float());
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export function aliveAtT0(b: Batch, male: boolean, birth: number): boolean {
  return b.rng.chance(survival(male, (b.ctx.t0 - birth) / YEAR, yearOfDay(birth)));
}

export function marriageAge(rng: Rng, male: boolean, birthYear: number): number {
  const mean = womenMarriageAge(birthYear) + (male ? 2.5 : 0);
  return Math.max(male ? 21 : 19, mean + rng.normal() * (male ? 2.8 : 2.5));
}

/** Add `founders` founding couples and all their descendants, as they were at t0. */
export function addPopulationAtT0(b: Batch, founders: number): void {
  const familiesBefore = b.families.length;
  let couples: Couple[] = [];
  for (let i = 0; i < founders; i++) {
    const c = addFounders(b);
    if (c) couples.push(c);
  }
  while (couples.length) {
    const children: Child[] = [];
    for (const c of couples) bearChildren(b, c, children);
    couples = marryChildren(b, children);
  }
  for (let i = familiesBefore; i < b.families.length; i++) initialMigration(b, b.families[i]);
}

function addFounders(b: Batch): Couple | null {
  const { rng, region, ctx } = b;
  const village = region.anyVillage(rng);
  const county = region.countyCode[village];
  const urban = rng.chance(region.urbanShare[village]);
  const [from, to] = FOUNDERS[FOUNDER_TABLE.sample(rng)];
  const wifeBirth = dayInYear(rng.between(from, to), rng.float());
  const married = wifeBirth + Math.round(marriageAge(rng, false, yearOfDay(wifeBirth)) * YEAR);
  const husbandBirth = Math.min(wifeBirth - Math.round(clamp(2.3 + 2.5 * rng.normal(), -3, 10) * YEAR), married - Math.round(20 * YEAR));
  const eth = region.ethnicity(county, rng);
  const spec = { hukou: village, urban, idAddress: county };
  if (married >= ctx.t0) {
    // A young adult not yet married at t0, living alone.
    const male = rng.chance(0.55);
    b.family(village, b.person({ ...spec, male, birth: male ? husbandBirth : wifeBirth, ethnicity: eth }));
    return null;
  }
  const sn = randomSurname(rng);
  const wifeSn = randomSurname(rng);
  const husbandEth = rng.chance(0.9) ? eth : region.ethnicity(county, rng);
  const wife = aliveAtT0(b, false, wifeBirth) ? b.person({ ...spec, male: false, birth: wifeBirth, ethnicity: eth, surname: wifeSn, marital: '40' }) : null;
  const husband = aliveAtT0(b, true, husbandBirth) ? b.person({ ...spec, male: true, birth: husbandBirth, ethnicity: husbandEth, surname: sn, marital: '40' }) : null;
  if (wife && husband) { wife.marital = husband.marital = '10'; marry(wife, husband); }
  const family = b.family(village, husband ?? wife);
  if (wife) join(wife, family);
  return {
    mother: wife, father: husband, motherBirth: wifeBirth, married, urban, surname: sn, motherSurname: wifeSn,
    motherEth: eth, fatherEth: husbandEth, family, sonAtHome: false,
  };
}

/** Children born to a couple before t0 (those alive at t0, or a special only child). */
function bearChildren(b: Batch, par: Couple, out: Child[]): void {
  const { rng, ctx } = b;
  const motherYear = yearOfDay(par.motherBirth);
  const rural = !par.urban;
  const minority = par.motherEth !== '01' || par.fatherEth !== '01';
  const oldCohort = motherYear < 1960;
  let target = intendedChildren(rng.float(), motherYear, rural);
  let day = par.married + Math.round((0.3 + expo(rng, 1.2)) * YEAR);
  const lastFertile = par.motherBirth + Math.round(44 * YEAR);
  let born = 0;
  let firstGirl = false;
  const kids: SimPerson[] = [];
  while (day < ctx.t0 && day <= lastFertile) {
    if (born >= target) {
      if (oldCohort || born === 0 || !rng.chance(furtherChildChance(born, firstGirl, rural, minority, motherYear))) break;
      target = born + 1;
    }
    const male = rng.chance(boyShare(yearOfDay(day), born === 1 && firstGirl));
    if (born === 0) firstGirl = !male;
    born++;
    if (aliveAtT0(b, male, day)) kids.push(makeChild(b, par, male, day));
    day += Math.round((oldCohort ? 1.2 + expo(rng, 1.3) : 1.5 + expo(rng, 2.5)) * YEAR);
  }
  for (const p of kids) out.push({ p, parents: par });
  // Special families: an only child who died, or who is disabled (mother 49+ today).
  const kid = kids[0];
  if (kids.length !== 1 || born !== 1 || !par.mother || ctx.today - par.motherBirth < 49 * YEAR || ctx.t0 - kid.birth < 2 * YEAR) return;
  const u = rng.float();
  if (u >= ONLY_CHILD_DIED + ONLY_CHILD_DISABLED) return;
  kid.flags |= KEEP | NEVER_MARRY;
  par.mother.flags |= NO_MORE_CHILDREN;
  if (par.father) par.father.flags |= NO_MORE_CHILDREN;
  if (u >= ONLY_CHILD_DIED) { b.disabledChildren.push(kid); return; }
  const lo = Math.max(kid.birth + Math.round(3 * YEAR), ctx.t0 - Math.round(15 * YEAR));
  const died = lo + rng.int(Math.max(1, ctx.today - lo));
  if (died >= ctx.t0) { kid.scheduledDeath = died; return; }
  kid.status = DEAD;
  kid.death = died;
  b.event('death', kid, died, b.code(kid.hukou));
}

function makeChild(b: Batch, par: Couple, male: boolean, day: number): SimPerson {
  const { rng, region } = b;
  const village = par.family.village;
  const kid = b.person({
    male, birth: day, hukou: village, urban: par.urban, idAddress: region.countyCode[village],
    ethnicity: childEthnicity(rng, par.motherEth, par.fatherEth),
    surname: rng.chance(0.92) ? par.surname : par.motherSurname,
    mother: par.mother, father: par.father,
  });
  for (const parent of [par.mother, par.father]) {
    if (!parent) continue;
    if (parent.children === 0) parent.firstChildGirl = !male;
    parent.children++;
    parent.lastChild = day;
  }
  join(kid, par.family);
  return kid;
}
