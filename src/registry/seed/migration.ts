// Migrants (流动人口): people living outside the township of their hukou. Households leave
// villages for the towns and the city districts (often leaving children with grandparents,
// 留守儿童) and some come back. Shares are set so that about 12% of the registered population
// lives outside its hukou township (Sichuan 7th census: 人户分离 about a quarter of residents,
// of which a part within the same township; Mianyang's registered migrants fewer).
import { YEAR } from './dates.ts';
import { ALIVE, KEEP, type Batch, type SimFamily, type SimPerson } from './model.ts';

export function changeResidence(b: Batch, p: SimPerson, dest: number, day: number): void {
  p.residence = dest;
  b.event('residence_change', p, day, b.code(dest));
}

/** Yearly chance that a household (by its village kind) starts living elsewhere. */
function leaveChance(b: Batch, village: number): number {
  const r = b.region;
  if (!r.isCommunity[village]) return 0.018;
  return r.urbanShare[village] > 0.8 ? 0.004 : 0.011;
}

/** Move the working-age members of a household, and often its children and elders. */
function moveUnit(b: Batch, fam: SimFamily, dest: number, day: number, lastDay: number): void {
  const { rng } = b;
  const kidsFollow = rng.chance(0.6);
  const eldersFollow = rng.chance(0.25);
  for (const m of fam.members) {
    if (m.status !== ALIVE || (m.flags & KEEP) || m.residence === dest) continue;
    const age = (day - m.birth) / YEAR;
    if (!(age >= 18 && age < 60 ? true : age >= 60 ? eldersFollow : kidsFollow)) continue;
    const d = Math.max(day, m.birth + 30, m.lastEvent + 1);
    if (d <= lastDay) changeResidence(b, m, dest, d);
  }
}

/** Households already living elsewhere at t0, having moved in the ten years before. */
export function initialMigration(b: Batch, fam: SimFamily): void {
  const { rng, region, ctx } = b;
  if (!rng.chance(leaveChance(b, fam.village) * 14)) return;
  const dest = region.urbanDestination(fam.village, rng);
  if (region.sameTownship(dest, fam.village)) return;
  moveUnit(b, fam, dest, ctx.t0 - 1 - rng.int(3650), ctx.t0 - 1);
}

/** One year of departures and returns for the given households. */
export function migrationYear(b: Batch, families: SimFamily[], from: number, to: number): void {
  const { rng, region } = b;
  for (const fam of families) {
    let any = false;
    let migrant = false;
    let last = from;
    for (const m of fam.members) {
      if (m.status !== ALIVE) continue;
      any = true;
      if (!region.sameTownship(m.residence, m.hukou)) migrant = true;
      if (m.lastEvent >= last) last = m.lastEvent + 1;
    }
    if (!any) continue;
    if (migrant) {
      if (!rng.chance(0.06)) continue;
      const day = last + rng.int(Math.max(1, to - last + 1));
      for (const m of fam.members) {
        if (m.status === ALIVE && m.residence !== m.hukou && day > m.lastEvent && day <= to) changeResidence(b, m, m.hukou, day);
      }
    } else if (rng.chance(leaveChance(b, fam.village))) {
      const dest = region.urbanDestination(fam.village, rng);
      if (region.sameTownship(dest, fam.village)) continue;
      moveUnit(b, fam, dest, from + rng.int(to - from + 1), to);
    } else {
      // Young single people leaving alone for work.
      for (const m of fam.members) {
        const age = (to - m.birth) / YEAR;
        if (age < 18 || age > 30 || m.status !== ALIVE || m.marital !== '10' || (m.flags & KEEP) || !rng.chance(0.02)) continue;
        const dest = region.urbanDestination(m.hukou, rng);
        const day = Math.max(from, m.lastEvent + 1) + rng.int(30);
        if (!region.sameTownship(dest, m.hukou) && day <= to) changeResidence(b, m, dest, day);
      }
    }
  }
}
