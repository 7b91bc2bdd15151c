// Record ids: UUIDv7 (time-ordered, so new rows append to the primary-key index). The uuidv7
// package's default source asks the operating system for 32 bytes at a time, about once per
// three ids; bulk paths (imports, seeding) take their ids from a generator that draws 16 KiB at a time.
import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

class BufferedRandom {
  private readonly buffer = new Uint32Array(4096);
  private cursor = this.buffer.length;
  nextUint32(): number {
    if (this.cursor === this.buffer.length) {
      randomFillSync(this.buffer);
      this.cursor = 0;
    }
    return this.buffer[this.cursor++];
  }
}

const generator = new V7Generator(new BufferedRandom());

/** A new UUIDv7 string, monotonic within this process. */
export function newId(): string {
  return generator.generate().toString();
}
