// The texts users see for numbers and dates in xlsx cells.

/** A number written out in full, never with an exponent: 510703001001, 110105194912310000. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  // Excel keeps 15 significant digits; show no more (0.1 + 0.2 is written as 0.3).
  const s = String(Number(n.toPrecision(15)));
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** A date cell (UTC) as 'YYYY-MM-DD', with ' HH:MM:SS' only when it has a time of day. */
export function dateCellText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}
