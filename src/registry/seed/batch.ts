// One batch with exactly the requested number of persons: build family trees at t0,
// simulate them, then trim or top up. Trees never cross batches, so every mother, father
// and spouse of a batch is in the same batch.
import { YEAR } from './dates.ts';
import { addPopulationAtT0 } from './lineage.ts';
import { DEAD, KEEP, REFERENCED, Batch, type RunContext, type SimPerson } from './model.ts';
import { simulate } from './simulate.ts';

interface Snapshot { persons: number; events: number; families: number; disabled: number }

const snapshot = (b: Batch): Snapshot => ({
  persons: b.persons.length, events: b.events.length, families: b.families.length, disabled: b.disabledChildren.length,
});

function rollback(b: Batch, s: Snapshot): void {
  b.persons.length = s.persons;
  b.events.length = s.events;
  b.families.length = s.families;
  b.disabledChildren.length = s.disabled;
}

export function buildBatch(ctx: RunContext, target: number): Batch {
  const b = new Batch(ctx);
  for (let round = 0; round < 3; round++) {
    const remaining = target - b.persons.length;
    if (round > 0 && remaining <= Math.max(20, target / 50)) break;
    const growth = ctx.growth.start > 0 ? ctx.growth.end / ctx.growth.start : 1 + 0.012 * (ctx.today - ctx.t0) / YEAR;
    const snap = snapshot(b);
    const founders = addAtT0(b, Math.ceil(remaining / growth));
    const atStart = b.persons.length - snap.persons;
    simulate(b, snap.persons, snap.families);
    if (round === 0) {
      ctx.growth.founders += founders;
      ctx.growth.start += atStart;
      ctx.growth.end += b.persons.length - snap.persons;
    }
    if (b.persons.length > target) {
      trim(b, b.persons.length - target, snap);
      if (b.persons.length > target) rollback(b, snap);
      break;
    }
  }
  topUp(b, target - b.persons.length);
  return b;
}

/** Add founders and their families until about `wanted` persons were added; returns the founders. */
function addAtT0(b: Batch, wanted: number): number {
  const { growth } = b.ctx;
  const start = b.persons.length;
  let founders = 0;
  for (let first = true; b.persons.length - start < wanted; first = false) {
    const perFounder = growth.founders > 0 ? growth.start / growth.founders : 6;
    const missing = wanted - (b.persons.length - start);
    const n = Math.max(1, Math.round((missing / perFounder) * (first ? 0.97 : 1)));
    addPopulationAtT0(b, n);
    founders += n;
  }
  return founders;
}

/** Remove random persons nobody refers to from those added since `s`. */
function trim(b: Batch, excess: number, s: Snapshot): void {
  const candidates: SimPerson[] = [];
  for (let i = s.persons; i < b.persons.length; i++) {
    const p = b.persons[i];
    // Keep births and deaths of the period (they make the rates), special children, and any
    // child with a younger sibling (whose parity counts it).
    if ((p.flags & (REFERENCED | KEEP)) || p.birth >= b.ctx.t0 || p.status === DEAD) continue;
    if (p.mother && p.mother.lastChild > p.birth) continue;
    candidates.push(p);
  }
  const n = Math.min(excess, candidates.length);
  const removed = new Set<string>();
  for (let i = 0; i < n; i++) {
    const j = i + b.rng.int(candidates.length - i);
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
    const p = candidates[i];
    removed.add(p.id);
    const f = p.family;
    if (f) {
      f.members.splice(f.members.indexOf(p), 1);
      if (f.head === p) f.head = null;
    }
  }
  if (removed.size === 0) return;
  const keepPersons = b.persons.filter((p) => !removed.has(p.id));
  b.persons.length = 0;
  b.persons.push(...keepPersons);
  const keepEvents = b.events.filter((e) => !removed.has(e.person_id));
  b.events.length = 0;
  b.events.push(...keepEvents);
}

/** Fill the last few places with people living alone, unmarried or widowed, without events. */
function topUp(b: Batch, n: number): void {
  const { rng, region, ctx } = b;
  for (let i = 0; i < n; i++) {
    const village = region.anyVillage(rng);
    const widowed = rng.chance(0.5);
    const male = rng.chance(widowed ? 0.3 : 0.6);
    const age = widowed ? 65 + rng.float() * 25 : 30 + rng.float() * 30;
    const birth = Math.min(ctx.t0 - 1, ctx.today - Math.round(age * YEAR));
    const p = b.person({
      male, birth, hukou: village, urban: rng.chance(region.urbanShare[village]),
      ethnicity: region.ethnicity(region.countyCode[village], rng), idAddress: region.countyCode[village],
      marital: widowed ? '40' : '10',
    });
    b.family(village, p);
  }
}
