// Area codes nest by prefix; a subtree is the half-open range [code, next(code)) of digit
// strings, which both dialects answer from a plain b-tree index.

const ABOVE_ALL = '9'.repeat(13); // every code (at most 12 digits) sorts below it

/**
 * The smallest digit string above every string that starts with `code`: trailing nines are
 * dropped and the last other digit raised ('510799' → '5108', so that '5108' itself is outside).
 */
export function nextCode(code: string): string {
  for (let i = code.length - 1; i >= 0; i--) {
    if (code[i] !== '9') return code.slice(0, i) + String(Number(code[i]) + 1);
  }
  return ABOVE_ALL;
}

export function areaRange(code: string): { lo: string; hi: string } {
  // The empty scope is the whole country: every code (at most 12 digits) sorts below 13 nines.
  if (code === '') return { lo: '', hi: ABOVE_ALL };
  return { lo: code, hi: nextCode(code) };
}

/** Is `code` inside the subtree of `scope` (equal or below)? */
export function isWithin(code: string | null | undefined, scope: string): boolean {
  return !!code && code.startsWith(scope);
}
