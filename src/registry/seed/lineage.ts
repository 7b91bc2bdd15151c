// The population on the first day of the period (t0), built family tree by family tree:
// a founding couple, their children, the children's spouses (who marry in from elsewhere)
// and grandchildren, spread over the households they lived in. All of a woman's children
// are persons of the same tree, so parities and "only child" facts can be counted.
import { dayInYear, yearOfDay } from './dates.ts';
import { surname as randomSurname } from './names.ts';
import { WeightedTable, type Rng } from './prng.ts';
import {
  DEAD, KEEP, MOVED_OUT, NEVER_MARRY, NO_MORE_CHILDREN,
  childEthnicity, join, marry, type Batch, type SimFamily, type SimPerson,
} from './model.ts';
import { boyShare, furtherChildChance, intendedChildren, survival, womenMarriageAge } from './rates.ts';
import { initialMigration } from './migration.ts';

export const YEAR = 365.25;

// Birth years of founding wives, tuned so that the generated age structure is close to
// Sichuan's 7th census (2020): about 16% aged 0-14, 63% 15-59, 21% 60+.
const FOUNDERS: [from: number, to: number, weight: number][] = [
  [1915, 1924, 1.5], [1925, 1929, 3], [1930, 1934, 4], [1935, 1939, 4], [1940, 1944, 4], [1945, 1949, 4],
  [1950, 1954, 3], [1955, 1959, 2.5], [1960, 1964, 2], [1965, 1969, 1.5], [1970, 1974, 1.2], [1975, 1979, 1],
  [1980, 1984, 0.8], [1985, 1989, 0.6], [1990, 1994, 0.3],
];
const FOUNDER_TABLE = new WeightedTable(FOUNDERS.map(([f, t, w]) => w * (t - f + 1)));

/** Probability of children and young adult special cases (per qualifying family). */
const ONLY_CHILD_DIED = 0.008;
const ONLY_CHILD_DISABLED = 0.012;

interface Parents {
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

export const expo = (rng: Rng, mean: number): number => -mean * Math.log(1 - rng.float());
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function marriageAge(rng: Rng, male: boolean, birthYear: number): number {
  const mean = womenMarriageAge(birthYear) + (male ? 2.5 : 0);
  return Math.max(male ? 21 : 19, mean + rng.normal() * (male ? 2.8 : 2.5));
}

function aliveAtT0(b: Batch, male: boolean, birth: number): boolean {
  return b.rng.chance(survival(male, (b.ctx.t0 - birth) / YEAR, yearOfDay(birth)));
}

/** Add one family tree, living at t0. */
export function addLineage(b: Batch): void {
  const { rng, region, ctx } = b;
  const familiesBefore = b.families.length;
  const village = region.anyVillage(rng);
  const county = region.countyCode[village];
  const urban = rng.chance(region.urbanShare[village]);
  const [from, to] = FOUNDERS[FOUNDER_TABLE.sample(rng)];
  const wifeBirth = dayInYear(rng.between(from, to), rng.float());
  const gap = clamp(2.3 + 2.5 * rng.normal(), -3, 10);
  const husbandBirth = wifeBirth - Math.round(gap * YEAR);
  const married = wifeBirth + Math.round(marriageAge(rng, false, yearOfDay(wifeBirth)) * YEAR);
  const eth = region.ethnicity(county, rng);
  const spec = { hukou: village, urban, idAddress: county };

  if (married >= ctx.t0) {
    // A young adult not yet married at t0, living alone.
    const male = rng.chance(0.55);
    const p = b.person({ ...spec, male, birth: male ? husbandBirth : wifeBirth, ethnicity: eth });
    b.family(village, p);
    return;
  }
  const sn = randomSurname(rng);
  const wifeSn = randomSurname(rng);
  const husbandEth = rng.chance(0.9) ? eth : region.ethnicity(county, rng);
  const wife = aliveAtT0(b, false, wifeBirth) ? b.person({ ...spec, male: false, birth: wifeBirth, ethnicity: eth, surname: wifeSn, marital: '40' }) : null;
  const husband = aliveAtT0(b, true, husbandBirth) ? b.person({ ...spec, male: true, birth: husbandBirth, ethnicity: husbandEth, surname: sn, marital: '40' }) : null;
  if (wife && husband) { wife.marital = '10'; husband.marital = '10'; marry(wife, husband); }
  const family = b.family(village, husband ?? wife);
  if (wife) join(wife, family);
  raiseChildren(b, {
    mother: wife, father: husband, motherBirth: wifeBirth, married, urban, surname: sn, motherSurname: wifeSn,
    motherEth: eth, fatherEth: husbandEth, family, sonAtHome: false,
  });
  for (let i = familiesBefore; i < b.families.length; i++) initialMigration(b, b.families[i]);
}

function raiseChildren(b: Batch, par: Parents): void {
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
      if (oldCohort || born === 0 || !rng.chance(furtherChildChance(born, firstGirl, rural, minority))) break;
      target = born + 1;
    }
    const male = rng.chance(boyShare(yearOfDay(day), born === 1 && firstGirl));
    if (born === 0) firstGirl = !male;
    born++;
    if (aliveAtT0(b, male, day)) kids.push(makeChild(b, par, male, day));
    day += Math.round((oldCohort ? 1.2 + expo(rng, 1.3) : 1.5 + expo(rng, 2.5)) * YEAR);
  }
  // Special families: an only child who died, or who is disabled (mother 49+ today).
  let died = -1;
  if (kids.length === 1 && born === 1 && par.mother && ctx.today - par.motherBirth >= 49 * YEAR && (ctx.t0 - kids[0].birth) > 2 * YEAR) {
    const u = rng.float();
    const kid = kids[0];
    if (u < ONLY_CHILD_DIED + ONLY_CHILD_DISABLED) {
      kid.flags |= KEEP | NEVER_MARRY;
      par.mother.flags |= NO_MORE_CHILDREN;
      if (par.father) par.father.flags |= NO_MORE_CHILDREN;
      if (u < ONLY_CHILD_DIED) {
        const lo = Math.max(kid.birth + Math.round(3 * YEAR), ctx.t0 - Math.round(15 * YEAR));
        died = lo + rng.int(Math.max(1, ctx.today - lo));
      } else {
        b.disabledChildren.push(kid);
      }
    }
  }
  for (const kid of kids) placeChild(b, kid, par);
  if (died >= 0) {
    const kid = kids[0];
    if (died < ctx.t0) {
      kid.status = DEAD;
      kid.death = died;
      b.event('death', kid, died, b.code(kid.hukou));
    } else {
      kid.scheduledDeath = died;
    }
  }
}

function makeChild(b: Batch, par: Parents, male: boolean, day: number): SimPerson {
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

function placeChild(b: Batch, kid: SimPerson, par: Parents): void {
  const { rng, region, ctx } = b;
  const ageT0 = (ctx.t0 - kid.birth) / YEAR;
  if (ageT0 < 18) return;
  const birthYear = yearOfDay(kid.birth);
  const age = marriageAge(rng, kid.male, birthYear);
  const neverP = kid.male ? (par.urban ? 0.05 : 0.1) : 0.03;
  if ((kid.flags & NEVER_MARRY) || rng.chance(neverP) || kid.birth + age * YEAR >= ctx.t0) {
    if (ageT0 >= 28 && rng.chance(0.3) && !(kid.flags & KEEP)) {
      const v = rng.chance(0.6) ? kid.hukou : region.urbanDestination(kid.hukou, rng);
      kid.hukou = kid.residence = v;
      b.family(v, kid);
    }
    return;
  }
  const married = kid.birth + Math.round(age * YEAR);
  if (!kid.male && rng.chance(par.urban ? 0.12 : 0.08)) {
    // Married someone from elsewhere and moved her hukou out of the region.
    kid.marital = '21';
    kid.status = MOVED_OUT;
    b.event('move_out', kid, married, b.code(kid.hukou), { note: '婚迁' });
    return;
  }
  const gap = clamp(2.3 + 2.5 * rng.normal(), -3, 10);
  let spouseBirth = kid.male ? kid.birth + Math.round(gap * YEAR) : kid.birth - Math.round(gap * YEAR);
  spouseBirth = Math.min(spouseBirth, married - Math.round(19.5 * YEAR));
  const outside = rng.chance(0.12);
  const origin = outside ? -1 : region.nearby(kid.hukou, rng);
  const originCounty = outside ? region.outsideCode(rng) : region.countyCode[origin];

  let home: SimFamily;
  if (kid.male || rng.chance(0.1)) {
    // Stays: in the parents' household (often one son) or a new household.
    if (!par.sonAtHome && rng.chance(par.urban ? 0.2 : 0.45)) {
      par.sonAtHome = true;
      home = par.family;
    } else {
      const v = rng.chance(par.urban ? 0.5 : 0.7) ? kid.hukou : region.urbanDestination(kid.hukou, rng);
      home = b.family(v, kid);
    }
  } else {
    const v = origin >= 0 ? (rng.chance(0.8) ? origin : region.urbanDestination(origin, rng))
      : rng.chance(0.5) ? kid.hukou : region.urbanDestination(kid.hukou, rng);
    home = b.family(v, kid);
  }
  kid.hukou = kid.residence = home.village;
  join(kid, home);

  const spouseSurname = randomSurname(rng);
  const spouseEth = region.ethnicity(originCounty, rng);
  let spouse: SimPerson | null = null;
  if (aliveAtT0(b, !kid.male, spouseBirth)) {
    spouse = b.person({
      male: !kid.male, birth: spouseBirth, hukou: home.village, surname: spouseSurname, ethnicity: spouseEth,
      urban: rng.chance(origin >= 0 ? region.urbanShare[origin] : 0.5), idAddress: originCounty,
    });
    join(spouse, home);
    if (kid.male === false && home.head === kid && rng.chance(0.7)) home.head = spouse;
    if (outside) b.event('move_in', spouse, married, b.code(home.village), { from: originCounty });
    marry(kid, spouse);
  } else {
    kid.marital = '40';
  }
  const wife = kid.male ? spouse : kid;
  const husband = kid.male ? kid : spouse;
  raiseChildren(b, {
    mother: wife, father: husband, motherBirth: kid.male ? spouseBirth : kid.birth, married,
    urban: (wife ?? kid).urban, surname: kid.male ? kid.surname : spouseSurname,
    motherSurname: kid.male ? spouseSurname : kid.surname,
    motherEth: kid.male ? spouseEth : kid.ethnicity, fatherEth: kid.male ? kid.ethnicity : spouseEth,
    family: home, sonAtHome: false,
  });
}
