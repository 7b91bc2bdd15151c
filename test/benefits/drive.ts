// Moves a cycle through its review steps with the real services, acting at each level with a
// user of the line's village, township and county.
import type { AppContext } from '../../src/platform/context.ts';
import type { Actor } from '../../src/platform/auth/roles.ts';
import { allLines, findCycle } from '../../src/benefits/cycles.repository.ts';
import { freezeCycle, openNotice } from '../../src/benefits/cycle.service.ts';
import { reviewLines } from '../../src/benefits/review.service.ts';

export const actorAt = (areaCode: string): Actor => ({
  userId: null, username: `reviewer-${areaCode}`, areaCode, ip: null,
  role: areaCode.length >= 12 ? 'village_clerk' : areaCode.length >= 9 ? 'township_reviewer' : 'county_manager',
});

export async function confirmAll(ctx: AppContext, cycleId: string) {
  for (const len of [12, 9, 6]) {
    const lines = await allLines(ctx.db.kysely, cycleId);
    const byArea = new Map<string, { id: string; version: number }[]>();
    for (const l of lines) {
      const a = l.area_code.slice(0, len);
      byArea.set(a, [...(byArea.get(a) ?? []), { id: l.id, version: l.version }]);
    }
    for (const [area, ls] of byArea) await reviewLines(ctx, actorAt(area), cycleId, { action: 'pass', lines: ls });
  }
}

/** Confirms every line, opens the notice, lets it run out and freezes. */
export async function driveToFrozen(ctx: AppContext, cycleId: string, county: string) {
  await confirmAll(ctx, cycleId);
  let c = (await findCycle(ctx.db.kysely, '', cycleId))!;
  await openNotice(ctx, actorAt(county), cycleId, c.version);
  const today = ctx.today;
  (ctx as { today: () => string }).today = () => '2099-12-31';
  c = (await findCycle(ctx.db.kysely, '', cycleId))!;
  await freezeCycle(ctx, actorAt(county), cycleId, c.version);
  (ctx as { today: () => string }).today = today;
}
