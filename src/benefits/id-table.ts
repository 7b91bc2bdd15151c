// Positions 0, 1, 2… of string ids, in an open-addressing hash table over typed arrays. For the
// million ids of a city a Map spent about a second growing and rehashing; this table stores only
// integers besides the ids themselves.

const hash = (s: string): number => {
  let h = 0x811c9dc5 | 0; // FNV-1a over the UTF-16 code units
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
};

export class IdTable {
  /** The ids by position. */
  readonly ids: string[] = [];
  private hashes = new Int32Array(1024);
  /** Position + 1 of the id in each slot, 0 for an empty slot; at most half full. */
  private slots = new Int32Array(2048);

  get size(): number {
    return this.ids.length;
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  private slotOf(id: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const p = this.slots[i];
      if (p === 0 || (this.hashes[p - 1] === h && this.ids[p - 1] === id)) return i;
    }
  }

  /** The position of `id`, or -1. */
  find(id: string): number {
    return this.slots[this.slotOf(id, hash(id))] - 1;
  }

  /** The position of `id`, added after the others when new. */
  add(id: string): number {
    const h = hash(id);
    const slot = this.slotOf(id, h);
    if (this.slots[slot] !== 0) return this.slots[slot] - 1;
    const n = this.ids.length;
    this.ids.push(id);
    if (n === this.hashes.length) {
      const more = new Int32Array(n * 2);
      more.set(this.hashes);
      this.hashes = more;
    }
    this.hashes[n] = h;
    this.slots[slot] = n + 1;
    if ((n + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return n;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let p = 0; p < this.ids.length; p++) {
      let i = this.hashes[p] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = p + 1;
    }
    this.slots = slots;
  }
}
