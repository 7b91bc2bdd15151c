// Identifiers of synthetic rows: UUIDv7-shaped ids, resident ID numbers unique across a run,
// and mobile numbers. All drawn from the seeded PRNG, so a seed gives byte-identical output.
import { makeIdNumber } from '../id-number.ts';
import { dayOf, isoOf } from './dates.ts';
import type { Rng } from './prng.ts';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (x: number): string => HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];

/**
 * RFC 9562 UUIDv7 layout: 48-bit Unix ms, version 7, 12-bit counter (method 1), variant 10,
 * 62 random bits. Time starts at `baseMs` and advances one ms per 4096 ids, so ids are
 * monotonic (good for B-tree inserts) and independent of the wall clock.
 */
export class UuidFactory {
  private counter = 0;
  constructor(private readonly rng: Rng, private readonly baseMs: number) {}

  next(): string {
    const c = this.counter++;
    const ts = this.baseMs + Math.floor(c / 4096);
    const high = Math.floor(ts / 65536) >>> 0;
    const low = ts % 65536;
    const r1 = this.rng.u32();
    const r2 = this.rng.u32();
    const verRand = 0x7000 | (c & 0xfff);
    return hex32(high) + '-' + HEX[low >>> 8] + HEX[low & 255] + '-' + HEX[verRand >>> 8] + HEX[verRand & 255] + '-' +
      HEX[0x80 | ((r1 >>> 24) & 0x3f)] + HEX[(r1 >>> 16) & 255] + '-' + HEX[(r1 >>> 8) & 255] + HEX[r1 & 255] + hex32(r2);
  }
}

const FIRST_DAY = dayOf(1880, 1, 1);
const MALE_SLOTS = 500; // odd sequences 001..999
const FEMALE_SLOTS = 499; // even sequences 002..998 (000 is not used)

/**
 * GB 11643 numbers, unique per run: per (address code, birth date, sex) a counter is mapped
 * through a fixed bijection onto the free sequences, so numbers do not look consecutive.
 */
export class IdNumberAllocator {
  private readonly counters = new Map<string, { index: number; used: Uint16Array }>();
  constructor(private readonly lastDay: number) {}

  allocate(addressCode: string, birthDay: number, male: boolean): string {
    let slot = this.counters.get(addressCode);
    if (!slot) {
      slot = { index: this.counters.size, used: new Uint16Array((this.lastDay - FIRST_DAY + 1) * 2) };
      this.counters.set(addressCode, slot);
    }
    const offset = birthDay - FIRST_DAY;
    const slots = male ? MALE_SLOTS : FEMALE_SLOTS;
    if (offset < 0 || birthDay > this.lastDay) throw new Error(`birth date out of range: ${isoOf(birthDay)}`);
    const k = slot.used[offset * 2 + (male ? 1 : 0)]++;
    if (k >= slots) throw new Error(`ID number sequences exhausted for ${addressCode} ${isoOf(birthDay)}`);
    const p = (k * 193 + offset * 31 + slot.index * 17) % slots;
    return makeIdNumber(addressCode, isoOf(birthDay), male ? 2 * p + 1 : 2 * p + 2);
  }
}

// Mobile prefixes of the three operators (China Mobile / Unicom / Telecom) common in Sichuan.
const MOBILE_PREFIXES = [
  '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '178', '182', '183',
  '187', '188', '198', '130', '131', '132', '155', '156', '166', '175', '176', '185', '186', '133', '153', '173',
  '177', '180', '181', '189', '199',
];

export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(100_000_000)).padStart(8, '0');
}
