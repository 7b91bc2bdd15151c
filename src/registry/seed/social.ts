// Marriages and divorces during the simulated years. Partners are paired inside the batch
// when ages fit (husband about 2-3 years older); otherwise a partner marries in from outside
// the region (外地媳妇 / 上门女婿) or the woman marries out and moves her hukou away.
// Marriage age rises over the period (women's mean first-marriage age about 25 in 2013 to 28
// in the 2020s, 7th census); Sichuan's divorce rate is among China's highest (about 4 per 1000).
import { ALIVE, KEEP, MOVED_OUT, NEVER_MARRY, NO_MORE_CHILDREN, isMarried, join, marry, moveHukou, type Batch, type SimFamily, type SimPerson } from './model.ts';
import { YEAR } from './dates.ts';
import { firstMarriageHazard } from './rates.ts';
import { pickDay } from './simulate.ts';

const BLOCKED = NEVER_MARRY | NO_MORE_CHILDREN | KEEP;

export function marriagesYear(b: Batch, pop: SimPerson[], year: number, from: number, to: number): void {
  const { rng } = b;
  const mid = from + 182;
  const women: SimPerson[] = [];
  const men = new Map<number, SimPerson[]>();
  for (const p of pop) {
    if (p.status !== ALIVE || (p.flags & BLOCKED) || isMarried(p)) continue;
    const age = (mid - p.birth) / YEAR;
    const h = p.marital === '10' ? firstMarriageHazard(p.male, age, year) : age < 60 && age >= 22 ? 0.06 : 0;
    if (h === 0 || !rng.chance(h)) continue;
    if (!p.male) { women.push(p); continue; }
    const by = Math.floor(p.birth / YEAR);
    let list = men.get(by);
    if (!list) men.set(by, (list = []));
    list.push(p);
  }
  for (const w of women) {
    const wy = Math.floor(w.birth / YEAR);
    const want = wy - Math.round(2.3 + 2.5 * rng.normal());
    let husband: SimPerson | undefined;
    for (let d = 0; d <= 6 && !husband; d++) {
      for (const y of d === 0 ? [want] : [want - d, want + d]) {
        if (y > wy + 3 || y < wy - 12) continue;
        const list = men.get(y) ?? [];
        const i = list.findLastIndex((m) => !siblings(m, w));
        if (i >= 0) { husband = list.splice(i, 1)[0]; break; }
      }
    }
    if (husband) wed(b, w, husband, from, to);
    else {
      const u = rng.float();
      if (u < 0.45) marryOut(b, w, from, to);
      else if (u < 0.7) partnerFromOutside(b, w, from, to);
    }
  }
  for (const list of men.values()) for (const m of list) if (rng.chance(0.35)) partnerFromOutside(b, m, from, to);
}

const siblings = (a: SimPerson, c: SimPerson): boolean =>
  (a.mother !== null && a.mother === c.mother) || (a.father !== null && a.father === c.father);

function marriageEvents(b: Batch, a: SimPerson, c: SimPerson, day: number): void {
  marry(a, c);
  b.event('marriage', a, day, b.code(a.hukou), { spouse: c });
  b.event('marriage', c, day, b.code(c.hukou), { spouse: a });
}

/** The household the couple lives in: the host's own, or a new one at the host's village. */
function homeOf(b: Batch, host: SimPerson): SimFamily {
  if (host.family && !b.rng.chance(host.urban ? 0.75 : 0.45)) return host.family;
  return b.family(host.hukou, host);
}

function wed(b: Batch, w: SimPerson, m: SimPerson, from: number, to: number): void {
  const day = pickDay(b, Math.max(w.lastEvent, m.lastEvent) + 1, from, to);
  if (day < 0) return;
  marriageEvents(b, w, m, day);
  const [host, guest] = b.rng.chance(0.08) ? [w, m] : [m, w];
  const home = homeOf(b, host);
  if (guest.hukou === home.village) join(guest, home);
  else if (b.rng.chance(0.75)) {
    b.event('move_in', guest, day, b.code(home.village), { from: b.code(guest.hukou) });
    moveHukou(b, guest, home.village);
    join(guest, home);
  }
}

/** A bride or groom from another city or province moves their hukou in. */
function partnerFromOutside(b: Batch, p: SimPerson, from: number, to: number): void {
  const { rng, region } = b;
  const day = pickDay(b, p.lastEvent + 1, from, to);
  if (day < 0) return;
  const origin = region.outsideCode(rng);
  const gap = Math.min(10, Math.max(-3, 2.3 + 2.5 * rng.normal()));
  let birth = p.birth + Math.round((p.male ? gap : -gap) * YEAR);
  birth = Math.min(birth, day - Math.round((p.male ? 20.5 : 22.5) * YEAR));
  const home = homeOf(b, p);
  if (p.family !== home) join(p, home);
  const partner = b.person({
    male: !p.male, birth, hukou: home.village, urban: rng.chance(region.urbanShare[home.village]),
    ethnicity: region.ethnicity(origin, rng), idAddress: origin, marital: rng.chance(0.1) ? '30' : '10',
  });
  join(partner, home);
  b.event('move_in', partner, day, b.code(home.village), { from: origin });
  marriageEvents(b, p, partner, day);
}

/** A woman marries someone from elsewhere and moves her hukou out of the region. */
function marryOut(b: Batch, w: SimPerson, from: number, to: number): void {
  if (w.residence !== w.hukou || w.children > 0) return;
  const day = pickDay(b, w.lastEvent + 1, from, to);
  if (day < 0) return;
  w.marital = w.marital === '10' ? '21' : '22';
  b.event('marriage', w, day, b.code(w.hukou), { note: '配偶户籍在外地' });
  b.event('move_out', w, day, b.code(w.hukou), { note: '婚迁' });
  w.status = MOVED_OUT;
}

export function divorcesYear(b: Batch, pop: SimPerson[], from: number, to: number): void {
  for (const w of pop) {
    if (w.male || w.status !== ALIVE || !isMarried(w)) continue;
    const h = w.spouse!;
    if (h.status !== ALIVE || h.spouse !== w || (from - w.birth) / YEAR > 60 || !b.rng.chance(0.006)) continue;
    const day = pickDay(b, Math.max(w.lastEvent, h.lastEvent) + 1, from, to);
    if (day < 0) continue;
    b.event('divorce', w, day, b.code(w.hukou), { spouse: h });
    b.event('divorce', h, day, b.code(h.hukou), { spouse: w });
    w.marital = h.marital = '30';
    w.spouse = h.spouse = null;
  }
}
