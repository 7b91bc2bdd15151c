// Dates as integers: YYYY-MM-DD (nearly every date of the registry) as the number yyyymmdd, read
// from the characters without a lookup; any other text kept once and coded below -1; null is -1.
// The text comes back exactly as it was given.

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000_000_000;
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export class DateCodes {
  private readonly otherCodes = new Map<string, number>();
  private readonly others: string[] = [];
  private readonly texts = new Map<number, string>();

  code(s: string | null): number {
    if (s === null) return -1;
    if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
      const n = digit(s, 0) * 10_000_000 + digit(s, 1) * 1_000_000 + digit(s, 2) * 100_000 + digit(s, 3) * 10_000
        + digit(s, 5) * 1000 + digit(s, 6) * 100 + digit(s, 8) * 10 + digit(s, 9);
      if (n >= 0) return n;
    }
    let c = this.otherCodes.get(s);
    if (c === undefined) {
      c = -2 - this.others.length;
      this.otherCodes.set(s, c);
      this.others.push(s);
    }
    return c;
  }

  text(code: number): string | null {
    if (code === -1) return null;
    if (code < 0) return this.others[-2 - code];
    let t = this.texts.get(code);
    if (t === undefined) {
      t = `${pad(Math.floor(code / 10_000), 4)}-${pad(Math.floor(code / 100) % 100, 2)}-${pad(code % 100, 2)}`;
      this.texts.set(code, t);
    }
    return t;
  }

  /** The year as `Number(date.slice(0, 4))` reads it. */
  year(code: number): number {
    return code >= 0 ? Math.floor(code / 10_000) : Number(this.text(code)!.slice(0, 4));
  }
}
