// The review chain (pure): the village declares (申报), the township reviews (审核), the county
// confirms (确认), strictly in that order; any level may return a line with a reason. The level of
// a user comes from the length of their area code.
import type { LineStage } from '../platform/db/schema.ts';

export type Level = 'village' | 'township' | 'county';
export type ReviewAction = 'pass' | 'return';

export function levelOf(areaCode: string): Level {
  if (areaCode.length >= 12) return 'village';
  if (areaCode.length >= 9) return 'township';
  return 'county';
}

const PASS: Record<Level, { from: LineStage; to: LineStage; name: string }> = {
  village: { from: 'pending', to: 'declared', name: 'declare' },
  township: { from: 'declared', to: 'reviewed', name: 'review' },
  county: { from: 'reviewed', to: 'confirmed', name: 'confirm' },
};
const RETURNABLE: Record<Level, LineStage[]> = {
  village: ['pending'],
  township: ['declared'],
  county: ['declared', 'reviewed', 'confirmed'],
};

/** The next stage of a line, or null when this level cannot act on it now. */
export function nextStage(level: Level, action: ReviewAction, stage: LineStage): { stage: LineStage; name: string } | null {
  if (action === 'pass') return PASS[level].from === stage ? { stage: PASS[level].to, name: PASS[level].name } : null;
  return RETURNABLE[level].includes(stage) ? { stage: 'pending', name: 'return' } : null;
}
