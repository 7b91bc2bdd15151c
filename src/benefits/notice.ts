// The public notice (公示): what a roster line may show to anyone — a masked name (张*三), a
// masked ID number, the village and the amount — and the 7-day period.
import { maskIdNumber } from '../platform/privacy/mask.ts';

export const NOTICE_DAYS = 7;

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** The last day of a notice opened on `from` (7 calendar days, `from` included). */
export function noticeEnd(from: string, days = NOTICE_DAYS): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days - 1);
  return d.toISOString().slice(0, 10);
}

export function publicLine(l: { name: string; idNumber: string | null; villageName: string; amountFen: number; kind: string }) {
  return { name: maskName(l.name), idNumber: maskIdNumber(l.idNumber), village: l.villageName, amountYuan: l.amountFen / 100, kind: l.kind };
}
