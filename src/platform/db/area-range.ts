// Area codes nest by prefix; a subtree is the half-open range [code, next(code)) of digit
// strings, which both dialects answer from a plain b-tree index.

export function nextCode(code: string): string {
  const digits = code.split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== '9') {
      digits[i] = String(Number(digits[i]) + 1);
      return digits.join('');
    }
    digits[i] = '0';
  }
  return '1' + digits.join('');
}

export function areaRange(code: string): { lo: string; hi: string } {
  // The empty scope is the whole country: every code (at most 12 digits) sorts below 13 nines.
  if (code === '') return { lo: '', hi: '9'.repeat(13) };
  return { lo: code, hi: nextCode(code) };
}

/** Is `code` inside the subtree of `scope` (equal or below)? */
export function isWithin(code: string | null | undefined, scope: string): boolean {
  return !!code && code.startsWith(scope);
}
