// Marriages before t0 of the children of one generation: most are paired with other
// children of the batch (so a generation is not doubled by spouses without parents), the
// rest marry partners from elsewhere. Couples usually live with or near the husband's
// family (patrilocal), sometimes in the wife's (上门), often in a town.
import { ALIVE, KEEP, MOVED_OUT, NEVER_MARRY, join, marry, moveHukou, type Batch, type SimFamily, type SimPerson } from './model.ts';
import { surname as randomSurname } from './names.ts';
import { YEAR, yearOfDay } from './dates.ts';
import { aliveAtT0, clamp, marriageAge, type Child, type Couple } from './lineage.ts';

/** Share of marriages for which a partner is looked for among the batch's own children. */
const INTERNAL = 0.8;

interface Candidate { c: Child; day: number }

export function marryChildren(b: Batch, children: Child[]): Couple[] {
  const { rng, ctx } = b;
  const women: Candidate[] = [];
  const men = new Map<number, Candidate[]>();
  for (const c of children) {
    const kid = c.p;
    if (kid.status !== ALIVE) continue;
    const ageT0 = (ctx.t0 - kid.birth) / YEAR;
    if (ageT0 < 18) continue;
    const age = marriageAge(rng, kid.male, yearOfDay(kid.birth));
    const neverP = kid.male ? (c.parents.urban ? 0.05 : 0.1) : 0.03;
    if ((kid.flags & NEVER_MARRY) || rng.chance(neverP) || kid.birth + age * YEAR >= ctx.t0) {
      if (ageT0 >= 28 && !(kid.flags & KEEP) && rng.chance(0.3)) {
        const v = rng.chance(0.6) ? kid.hukou : b.region.urbanDestination(kid.hukou, rng);
        moveHukou(b, kid, v);
        b.family(v, kid);
      }
      continue;
    }
    const day = kid.birth + Math.round(age * YEAR);
    if (!kid.male && rng.chance(c.parents.urban ? 0.12 : 0.08)) {
      // Married someone from elsewhere and moved her hukou out of the region.
      kid.marital = '21';
      kid.status = MOVED_OUT;
      b.event('move_out', kid, day, b.code(kid.hukou), { note: '婚迁' });
      continue;
    }
    if (!kid.male) { women.push({ c, day }); continue; }
    const by = yearOfDay(kid.birth);
    let list = men.get(by);
    if (!list) men.set(by, (list = []));
    list.push({ c, day });
  }
  const couples: Couple[] = [];
  for (const w of women) {
    const h = rng.chance(INTERNAL) ? findHusband(b, men, w) : undefined;
    couples.push(h ? wedChildren(b, w, h.c) : wedOutsider(b, w));
  }
  for (const list of men.values()) for (const m of list) couples.push(wedOutsider(b, m));
  return couples;
}

function findHusband(b: Batch, men: Map<number, Candidate[]>, w: Candidate): Candidate | undefined {
  const wy = yearOfDay(w.c.p.birth);
  const want = wy - Math.round(2.3 + 2.5 * b.rng.normal());
  for (let d = 0; d <= 6; d++) {
    for (const y of d === 0 ? [want] : [want - d, want + d]) {
      if (y > wy + 3 || y < wy - 10) continue;
      const list = men.get(y);
      if (!list) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        const m = list[i];
        if (m.c.parents === w.c.parents || m.c.p.birth > w.day - Math.round(20 * YEAR)) continue;
        list.splice(i, 1);
        return m;
      }
    }
  }
  return undefined;
}

/** The household a new couple lives in, with `host` (usually the husband) at its head. */
function homeFor(b: Batch, host: Child): SimFamily {
  const { rng, region } = b;
  const par = host.parents;
  if (!par.sonAtHome && rng.chance(par.urban ? 0.2 : 0.45)) {
    par.sonAtHome = true;
    return par.family;
  }
  const p = host.p;
  const v = rng.chance(par.urban ? 0.5 : 0.7) ? p.hukou : region.urbanDestination(p.hukou, rng);
  return b.family(v, p);
}

function settle(b: Batch, p: SimPerson, home: SimFamily): void {
  moveHukou(b, p, home.village);
  join(p, home);
}

function couple(wife: SimPerson | null, husband: SimPerson | null, w: { birth: number; surname: string; ethnicity: string },
  h: { surname: string; ethnicity: string }, day: number, home: SimFamily): Couple {
  return {
    mother: wife, father: husband, motherBirth: w.birth, married: day, urban: (wife ?? husband)!.urban,
    surname: h.surname, motherSurname: w.surname, motherEth: w.ethnicity, fatherEth: h.ethnicity, family: home, sonAtHome: false,
  };
}

function wedChildren(b: Batch, w: Candidate, husband: Child): Couple {
  const [host, guest] = b.rng.chance(0.1) ? [w.c, husband] : [husband, w.c];
  const home = homeFor(b, host);
  settle(b, host.p, home);
  settle(b, guest.p, home);
  marry(w.c.p, husband.p);
  return couple(w.c.p, husband.p, w.c.p, husband.p, w.day, home);
}

/** Marriage to a partner from elsewhere (another village, or outside the region). */
function wedOutsider(b: Batch, k: Candidate): Couple {
  const { rng, region } = b;
  const kid = k.c.p;
  const gap = clamp(2.3 + 2.5 * rng.normal(), -3, 10);
  let birth = kid.male ? kid.birth + Math.round(gap * YEAR) : kid.birth - Math.round(gap * YEAR);
  birth = Math.min(birth, k.day - Math.round(19.5 * YEAR));
  const outside = rng.chance(0.12);
  const origin = outside ? -1 : region.nearby(kid.hukou, rng);
  const originCounty = outside ? region.outsideCode(rng) : region.countyCode[origin];
  let home: SimFamily;
  if (kid.male || rng.chance(0.1)) home = homeFor(b, k.c);
  else {
    const v = origin >= 0 ? (rng.chance(0.8) ? origin : region.urbanDestination(origin, rng))
      : rng.chance(0.5) ? kid.hukou : region.urbanDestination(kid.hukou, rng);
    home = b.family(v, kid);
  }
  settle(b, kid, home);
  const other = { birth, surname: randomSurname(rng), ethnicity: region.ethnicity(originCounty, rng) };
  let spouse: SimPerson | null = null;
  if (aliveAtT0(b, !kid.male, birth)) {
    spouse = b.person({
      male: !kid.male, birth, hukou: home.village, surname: other.surname, ethnicity: other.ethnicity,
      urban: rng.chance(origin >= 0 ? region.urbanShare[origin] : 0.5), idAddress: originCounty,
    });
    join(spouse, home);
    if (!kid.male && home.head === kid && rng.chance(0.7)) home.head = spouse;
    if (outside) b.event('move_in', spouse, k.day, b.code(home.village), { from: originCounty });
    marry(kid, spouse);
  } else {
    kid.marital = '40';
  }
  return kid.male ? couple(spouse, kid, other, kid, k.day, home) : couple(kid, spouse, kid, other, k.day, home);
}
