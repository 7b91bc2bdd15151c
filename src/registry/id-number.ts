// Resident identity numbers, GB 11643-1999: 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type Sex = 'M' | 'F';

export type IdNumberProblem =
  | 'format' // not 15 or 18 characters of the right kind
  | 'birth_date' // birth-date part is not a real date, or lies in the future
  | 'check_char'; // check character does not match

export interface IdNumberInfo {
  idNumber: string; // always the 18-character form, upper-case X
  addressCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  upgradedFrom15: boolean;
}

export type IdNumberResult = { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem };

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Upgrade a 15-digit number (YYMMDD, 19xx) to 18 digits with its check character. */
export function upgrade15(id15: string): string {
  const first17 = id15.slice(0, 6) + '19' + id15.slice(6);
  return first17 + checkChar(first17);
}

const RE_18 = /^\d{17}[\dXx]$/;
const RE_15 = /^\d{15}$/;

/**
 * Parse and validate an identity number. `today` (YYYY-MM-DD) bounds the birth date;
 * callers pass it so that the function stays pure.
 */
export function parseIdNumber(raw: string, today: string): IdNumberResult {
  const s = raw.trim();
  let id: string;
  let upgradedFrom15 = false;
  if (RE_18.test(s)) {
    id = s.toUpperCase();
  } else if (RE_15.test(s)) {
    id = upgrade15(s);
    upgradedFrom15 = true;
  } else {
    return { ok: false, problem: 'format' };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1850 || !isRealDate(y, m, d) || birthDate > today) return { ok: false, problem: 'birth_date' };
  if (!upgradedFrom15 && checkChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'check_char' };
  const seq = id.charCodeAt(16) - 48;
  return {
    ok: true,
    info: { idNumber: id, addressCode: id.slice(0, 6), birthDate, sex: seq % 2 === 1 ? 'M' : 'F', upgradedFrom15 },
  };
}

/** Build a valid 18-digit number from its parts (sequence 0..999). */
export function makeIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  const first17 = addressCode + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return first17 + checkChar(first17);
}
