// Arithmetic over named measures (+ − * / parentheses, numbers): the numerators and denominators
// of indicator definitions. Pure; parsed once, evaluated per area.

export type Expr =
  | { op: 'num'; value: number }
  | { op: 'ref'; name: string }
  | { op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { op: 'neg'; arg: Expr };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*)|([-+*/()]))/gy;

export function parseExpression(text: string): Expr {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) tokens.push(m[1] ?? m[2] ?? m[3]);
  if (text.slice(TOKEN.lastIndex).trim() !== '') throw new Error(`bad expression: ${text}`);
  let i = 0;
  const peek = () => tokens[i];
  const primary = (): Expr => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`bad expression: ${text}`);
    if (t === '(') { const e = sum(); if (tokens[i++] !== ')') throw new Error(`missing ) in ${text}`); return e; }
    if (t === '-') return { op: 'neg', arg: primary() };
    if (/^\d/.test(t)) return { op: 'num', value: Number(t) };
    if (/^[a-z_]/.test(t)) return { op: 'ref', name: t };
    throw new Error(`bad expression: ${text}`);
  };
  const product = (): Expr => {
    let e = primary();
    while (peek() === '*' || peek() === '/') { const op = tokens[i++] as '*' | '/'; e = { op, left: e, right: primary() }; }
    return e;
  };
  const sum = (): Expr => {
    let e = product();
    while (peek() === '+' || peek() === '-') { const op = tokens[i++] as '+' | '-'; e = { op, left: e, right: product() }; }
    return e;
  };
  const e = sum();
  if (i !== tokens.length) throw new Error(`bad expression: ${text}`);
  return e;
}

export function referencedMeasures(e: Expr, out = new Set<string>()): Set<string> {
  if (e.op === 'ref') out.add(e.name);
  else if (e.op === 'neg') referencedMeasures(e.arg, out);
  else if (e.op !== 'num') { referencedMeasures(e.left, out); referencedMeasures(e.right, out); }
  return out;
}

/** The value, or null when a measure is missing or a division by zero occurs. */
export function evaluate(e: Expr, measures: Readonly<Record<string, number | undefined>>): number | null {
  switch (e.op) {
    case 'num': return e.value;
    case 'ref': return measures[e.name] ?? null;
    case 'neg': { const v = evaluate(e.arg, measures); return v === null ? null : -v; }
    default: {
      const l = evaluate(e.left, measures); const r = evaluate(e.right, measures);
      if (l === null || r === null) return null;
      if (e.op === '+') return l + r;
      if (e.op === '-') return l - r;
      if (e.op === '*') return l * r;
      return r === 0 ? null : l / r;
    }
  }
}
