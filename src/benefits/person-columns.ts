// Registry facts of many persons held by integer position: one typed array per column, dates as
// numbers and the few distinct strings (sexes, area codes) kept once each, so that a million
// persons are a handful of arrays rather than a million objects for the garbage collector to trace.
import { DateCodes } from './date-codes.ts';
import { IdTable } from './id-table.ts';
import type { PersonFacts } from './registry-facts.repository.ts';

/** Each distinct string once, by a small integer code (-1 stands for null). */
export class Interner<T extends string = string> {
  private readonly codes = new Map<T, number>();
  readonly values: T[] = [];

  /** `common`: the few values nearly every row has, coded 0, 1… and compared before any lookup. */
  constructor(private readonly common: readonly T[] = []) {
    for (const s of common) { this.codes.set(s, this.values.length); this.values.push(s); }
  }

  code(s: T | null): number {
    if (s === null) return -1;
    for (let i = 0; i < this.common.length; i++) if (this.common[i] === s) return i;
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(s, c);
      this.values.push(s);
    }
    return c;
  }

  value(code: number): T | null {
    return code < 0 ? null : this.values[code];
  }
}

const NONE = -1;

function grown<A extends Int32Array | Int8Array | Uint8Array>(a: A, size: number, fill: number): A {
  const b = new (a.constructor as new (n: number) => A)(size);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/**
 * Persons by position. Every id met, as a person or only as someone's mother, father or spouse,
 * gets a position; `loaded` tells the persons read from the ones only referred to.
 */
export class PersonColumns {
  private readonly positions = new IdTable();
  readonly ids = this.positions.ids;
  readonly sexes = new Interner<'M' | 'F'>(['M', 'F']);
  readonly hukouTypes = new Interner<'rural' | 'urban'>(['rural', 'urban']);
  readonly dates = new DateCodes();
  readonly areas = new Interner();
  /** Positions of loaded persons in the order they were added. */
  order = new Int32Array(1024);
  count = 0;
  loaded = new Uint8Array(1024);
  sex = new Int32Array(1024);
  hukouType = new Int32Array(1024);
  birth = new Int32Array(1024);
  death = new Int32Array(1024).fill(NONE);
  area = new Int32Array(1024);
  /** Disability grade, -1 for none. */
  disability = new Int8Array(1024).fill(NONE);
  mother = new Int32Array(1024).fill(NONE);
  father = new Int32Array(1024).fill(NONE);
  spouse = new Int32Array(1024).fill(NONE);

  get size(): number {
    return this.ids.length;
  }

  /** The position of a loaded person, or -1. */
  find(id: string): number {
    const k = this.positions.find(id);
    return k >= 0 && this.loaded[k] === 1 ? k : NONE;
  }

  /** The position of an id met, loaded or only referred to, or -1. */
  positionIfAny(id: string): number {
    return this.positions.find(id);
  }

  private positionOf(id: string | null): number {
    if (id === null) return NONE;
    const k = this.positions.add(id);
    if (k === this.loaded.length) this.grow(k * 2);
    return k;
  }

  private grow(size: number): void {
    this.loaded = grown(this.loaded, size, 0);
    this.sex = grown(this.sex, size, 0);
    this.hukouType = grown(this.hukouType, size, 0);
    this.birth = grown(this.birth, size, 0);
    this.death = grown(this.death, size, NONE);
    this.area = grown(this.area, size, 0);
    this.disability = grown(this.disability, size, NONE);
    this.mother = grown(this.mother, size, NONE);
    this.father = grown(this.father, size, NONE);
    this.spouse = grown(this.spouse, size, NONE);
  }

  /** Adds a person (once: a repeated id is ignored, answering -1); answers the position. */
  add(p: PersonFacts): number {
    const k = this.positionOf(p[0]);
    if (this.loaded[k] === 1) return NONE;
    // Positions first: they may grow (replace) the arrays written below.
    const mother = this.positionOf(p[7]);
    const father = this.positionOf(p[8]);
    const spouse = this.positionOf(p[9]);
    this.loaded[k] = 1;
    this.sex[k] = this.sexes.code(p[1]);
    this.birth[k] = this.dates.code(p[2]);
    this.death[k] = this.dates.code(p[3]);
    this.hukouType[k] = this.hukouTypes.code(p[4]);
    this.area[k] = this.areas.code(p[5]);
    this.disability[k] = p[6] === null ? NONE : p[6];
    this.mother[k] = mother;
    this.father[k] = father;
    this.spouse[k] = spouse;
    if (this.count === this.order.length) this.order = grown(this.order, this.count * 2, 0);
    this.order[this.count++] = k;
    return k;
  }
}
