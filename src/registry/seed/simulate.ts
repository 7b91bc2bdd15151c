// Year-by-year simulation from t0 to today: deaths and births here; marriages, divorces,
// moves and migration in their own modules. Crude rates are met in expectation per batch
// (quota = rate x population), and spread over persons by age-specific weights.
import { YEAR, dayOf, yearOfDay } from './dates.ts';
import { changeResidence, migrationYear } from './migration.ts';
import { ALIVE, DEAD, KEEP, NO_MORE_CHILDREN, childEthnicity, isMarried, join, type Batch, type SimPerson } from './model.ts';
import { movesYear } from './moves.ts';
import { birthRate, boyShare, deathRate, fertilityWeight, mortality, parityShares } from './rates.ts';
import { divorcesYear, marriagesYear } from './social.ts';

/** A random day in [max(after, from), to], or -1 when there is none. */
export function pickDay(b: Batch, after: number, from: number, to: number): number {
  const start = Math.max(after, from);
  return start > to ? -1 : start + b.rng.int(to - start + 1);
}

/** Simulate the persons and families of the batch from the given indexes on. */
export function simulate(b: Batch, personStart: number, familyStart: number): void {
  const { ctx } = b;
  const lastYear = yearOfDay(ctx.today);
  for (let y = yearOfDay(ctx.t0); y <= lastYear; y++) {
    const from = dayOf(y, 1, 1);
    const to = Math.min(dayOf(y + 1, 1, 1) - 1, ctx.today);
    if (to < from) break;
    const frac = (to - from + 1) / (dayOf(y + 1, 1, 1) - from);
    const pop: SimPerson[] = [];
    for (let i = personStart; i < b.persons.length; i++) if (b.persons[i].status === ALIVE) pop.push(b.persons[i]);
    if (pop.length === 0) break;
    const families = b.families.slice(familyStart);
    deathsYear(b, pop, y, from, to, frac);
    birthsYear(b, pop, y, from, to, frac);
    marriagesYear(b, pop, y, from, to);
    divorcesYear(b, pop, from, to);
    movesYear(b, pop, families, from, to, frac);
    migrationYear(b, families, from, to);
  }
}

export function die(b: Batch, p: SimPerson, day: number): void {
  p.status = DEAD;
  p.death = day;
  b.event('death', p, day, b.code(p.hukou));
  const s = p.spouse;
  if (s && s.spouse === p && s.status === ALIVE && isMarried(s)) s.marital = '40';
}

function deathsYear(b: Batch, pop: SimPerson[], year: number, from: number, to: number, frac: number): void {
  const mid = from + 182;
  const w = new Float64Array(pop.length);
  let sum = 0;
  for (let i = 0; i < pop.length; i++) {
    const p = pop[i];
    if (p.flags & KEEP) continue;
    w[i] = mortality(p.male, (mid - p.birth) / YEAR);
    sum += w[i];
  }
  const k = sum > 0 ? (deathRate(year) / 1000) * pop.length * frac / sum : 0;
  for (let i = 0; i < pop.length; i++) {
    const p = pop[i];
    if (p.scheduledDeath >= from && p.scheduledDeath <= to) {
      const day = Math.max(p.scheduledDeath, p.lastEvent + 1);
      if (day <= to) die(b, p, day);
      else p.scheduledDeath = day;
    } else if (w[i] > 0 && b.rng.chance(w[i] * k)) {
      const day = pickDay(b, p.lastEvent + 1, from, to);
      if (day >= 0) die(b, p, day);
    }
  }
}

function birthsYear(b: Batch, pop: SimPerson[], year: number, from: number, to: number, frac: number): void {
  const quota = (birthRate(year) / 1000) * pop.length * frac;
  const shares = parityShares(year);
  const mid = from + 182;
  const pools: SimPerson[][] = [[], [], []];
  const weights: number[][] = [[], [], []];
  const sums = [0, 0, 0];
  for (const p of pop) {
    if (p.male || p.status !== ALIVE || (p.flags & NO_MORE_CHILDREN) || !isMarried(p) || p.spouse!.status !== ALIVE) continue;
    const age = (mid - p.birth) / YEAR;
    if (age < 18 || age > 46 || p.lastChild > to - 300) continue;
    const k = Math.min(p.children, 2);
    let w = fertilityWeight(age, k + 1, year);
    if (k === 1 && !p.urban && p.firstChildGirl && year < 2016) w *= 1.5;
    if (k === 2 && p.ethnicity !== '01') w *= 3;
    if (w <= 0) continue;
    pools[k].push(p);
    weights[k].push(w);
    sums[k] += w;
  }
  for (let k = 0; k < 3; k++) {
    if (sums[k] === 0) continue;
    const scale = (quota * shares[k]) / sums[k];
    pools[k].forEach((mother, i) => {
      if (!b.rng.chance(Math.min(0.6, weights[k][i] * scale))) return;
      const day = pickDay(b, Math.max(mother.lastEvent + 1, mother.lastChild + 300), from, to);
      if (day >= 0) giveBirth(b, mother, day, year);
    });
  }
}

function giveBirth(b: Batch, mother: SimPerson, day: number, year: number): void {
  const { rng, region, ctx } = b;
  const father = mother.spouse!;
  const parity = mother.children + 1;
  const male = rng.chance(boyShare(year, parity === 2 && mother.firstChildGirl));
  const kid = b.person({
    male, birth: day, hukou: mother.hukou, urban: mother.urban, idAddress: region.countyCode[mother.hukou],
    ethnicity: childEthnicity(rng, mother.ethnicity, father.ethnicity),
    surname: rng.chance(0.92) ? father.surname : mother.surname, mother, father,
  });
  for (const parent of [mother, father]) {
    if (parent.children === 0) parent.firstChildGirl = !male;
    parent.children++;
    parent.lastChild = day;
    if (day > parent.lastEvent) parent.lastEvent = day;
  }
  b.event('birth', kid, day, b.code(mother.hukou), { mother, father, parity });
  if (mother.family) join(kid, mother.family);
  if (mother.residence !== mother.hukou) {
    const rd = day + rng.between(1, 45);
    if (rd <= ctx.today) changeResidence(b, kid, mother.residence, rd);
  }
}
