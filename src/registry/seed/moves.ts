// Hukou moves during the simulated years: young people moving their hukou out (university,
// work in Chengdu and elsewhere), rural households moving to towns and the city districts
// (urbanisation, 农转城), and people moving in from outside the region. Rates are rough: they
// keep Mianyang's registered population slowly shrinking, as its statistics bulletins report.
import { YEAR, yearOfDay } from './dates.ts';
import { ALIVE, KEEP, MOVED_OUT, join, marry, moveHukou, type Batch, type SimFamily, type SimPerson } from './model.ts';
import { boyShare } from './rates.ts';
import { pickDay } from './simulate.ts';

export function movesYear(b: Batch, pop: SimPerson[], families: SimFamily[], from: number, to: number, frac: number): void {
  const { rng, region } = b;
  for (const p of pop) {
    if (p.status !== ALIVE || p.marital !== '10' || p.children > 0 || (p.flags & KEEP) || p.residence !== p.hukou) continue;
    const age = (from - p.birth) / YEAR;
    const h = age >= 18 && age < 19 ? 0.1 : age >= 19 && age < 35 ? 0.012 : 0;
    if (h === 0 || !rng.chance(h)) continue;
    const day = pickDay(b, p.lastEvent + 1, from, to);
    if (day < 0) continue;
    b.event('move_out', p, day, b.code(p.hukou));
    p.status = MOVED_OUT;
  }
  for (const fam of families) {
    const v = fam.village;
    const h = !region.isCommunity[v] ? 0.008 : region.urbanShare[v] > 0.8 ? 0.001 : 0.004;
    const out = rng.chance(0.002);
    if (!out && !rng.chance(h)) continue;
    const movers = fam.members.filter((m) => m.status === ALIVE && m.hukou === v);
    if (movers.length === 0) continue;
    if (out) { householdOut(b, movers, from, to); continue; }
    const dest = region.urbanDestination(v, rng);
    if (dest === v) continue;
    const day = pickDay(b, Math.max(...movers.map((m) => m.lastEvent)) + 1, from, to);
    if (day < 0) continue;
    for (const m of movers) {
      b.event('move_in', m, day, b.code(dest), { from: b.code(v) });
      moveHukou(b, m, dest);
    }
    fam.village = dest;
  }
  const expected = 0.0015 * pop.length * frac;
  const arrivals = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
  for (let i = 0; i < arrivals; i++) arrival(b, from, to);
}

/** A whole household moves its hukou out of the region (unless someone lives elsewhere). */
function householdOut(b: Batch, movers: SimPerson[], from: number, to: number): void {
  if (movers.some((m) => m.residence !== m.hukou || (m.flags & KEEP))) return;
  const day = pickDay(b, Math.max(...movers.map((m) => m.lastEvent)) + 1, from, to);
  if (day < 0) return;
  for (const m of movers) {
    b.event('move_out', m, day, b.code(m.hukou));
    m.status = MOVED_OUT;
  }
}

/** A person, or a couple with children, moving their hukou in from outside the region. */
function arrival(b: Batch, from: number, to: number): void {
  const { rng, region } = b;
  const origin = region.outsideCode(rng);
  const dest = rng.chance(0.6) ? region.urbanDestination(region.anyVillage(rng), rng) : region.anyVillage(rng);
  const day = from + rng.int(to - from + 1);
  const spec = {
    hukou: dest, urban: rng.chance(region.urbanShare[dest]), ethnicity: region.ethnicity(origin, rng), idAddress: origin,
  };
  const movedIn: SimPerson[] = [];
  if (rng.chance(0.6)) {
    const male = rng.chance(0.55);
    const p = b.person({ ...spec, male, birth: day - Math.round((20 + rng.float() * 20) * YEAR) });
    b.family(dest, p);
    movedIn.push(p);
  } else {
    const wifeBirth = day - Math.round((24 + rng.float() * 16) * YEAR);
    const husband = b.person({ ...spec, male: true, birth: wifeBirth - Math.round(Math.max(-2, 2.3 + 2 * rng.normal()) * YEAR) });
    const wife = b.person({ ...spec, male: false, birth: wifeBirth });
    marry(husband, wife);
    const fam = b.family(dest, husband);
    join(wife, fam);
    movedIn.push(husband, wife);
    let kidBirth = wifeBirth + Math.round((22 + 2 * rng.float()) * YEAR);
    const kids = rng.between(0, 2);
    for (let k = 0; k < kids && kidBirth < day - 30; k++) {
      const male = rng.chance(boyShare(yearOfDay(kidBirth), k === 1 && wife.firstChildGirl));
      const kid = b.person({ ...spec, male, birth: kidBirth, surname: husband.surname, mother: wife, father: husband });
      for (const parent of [wife, husband]) {
        if (parent.children === 0) parent.firstChildGirl = !male;
        parent.children++;
        parent.lastChild = kidBirth;
      }
      join(kid, fam);
      movedIn.push(kid);
      kidBirth += Math.round((2 + 3 * rng.float()) * YEAR);
    }
  }
  for (const p of movedIn) b.event('move_in', p, day, b.code(dest), { from: origin });
}
