// All areas in memory (tens of thousands of rows): names, paths and validation without a query.
import type { AreaRow } from '../../platform/db/schema.ts';
import { historicalCountyCodes } from './area-source.ts';

export interface AreaNode {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  childCount: number;
}

export class AreaDirectory {
  private readonly byCode = new Map<string, AreaNode>();
  private readonly children = new Map<string, AreaNode[]>();
  private readonly fullNames = new Map<string, string>();

  constructor(rows: AreaRow[]) {
    for (const r of rows) this.byCode.set(r.code, { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, childCount: 0 });
    for (const node of this.byCode.values()) {
      if (!node.parentCode) continue;
      const parent = this.byCode.get(node.parentCode);
      if (!parent) continue;
      parent.childCount++;
      const list = this.children.get(parent.code) ?? [];
      list.push(node);
      this.children.set(parent.code, list);
    }
    for (const list of this.children.values()) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  get size(): number { return this.byCode.size; }
  get(code: string): AreaNode | undefined { return this.byCode.get(code); }
  has(code: string): boolean { return this.byCode.has(code); }
  childrenOf(code: string): AreaNode[] { return this.children.get(code) ?? []; }

  name(code: string | null | undefined): string {
    if (!code) return '';
    return this.byCode.get(code)?.name ?? code;
  }

  /** Ancestors first, the area itself last. */
  path(code: string): AreaNode[] {
    const out: AreaNode[] = [];
    let c: string | null | undefined = code;
    while (c) {
      const n = this.byCode.get(c);
      if (!n) break;
      out.unshift(n);
      c = n.parentCode;
    }
    return out;
  }

  /** "四川省绵阳市涪城区…" down to `code`, starting below `from` when given. */
  fullName(code: string, from?: string): string {
    // Every listed person names two areas: the names are kept (the directory never changes).
    const key = from ? `${code}/${from}` : code;
    let name = this.fullNames.get(key);
    if (name === undefined) {
      name = this.path(code).filter((n) => !from || n.code.length > from.length).map((n) => n.name).join('');
      if (this.fullNames.size >= 100_000) this.fullNames.clear();
      this.fullNames.set(key, name);
    }
    return name;
  }

  /** Is the 6-digit address code of an ID number a known county code, current or historical? */
  addressCodeKnown(code6: string): boolean {
    return this.byCode.has(code6) || historicalCountyCodes().has(code6);
  }

  /** Leaf areas (villages/communities) under a code. */
  leavesUnder(code: string): AreaNode[] {
    const out: AreaNode[] = [];
    const walk = (c: string) => {
      const kids = this.childrenOf(c);
      if (kids.length === 0) { const n = this.byCode.get(c); if (n) out.push(n); return; }
      for (const k of kids) walk(k.code);
    };
    walk(code);
    return out;
  }

  search(q: string, scope: string, limit = 20): AreaNode[] {
    const out: AreaNode[] = [];
    for (const n of this.byCode.values()) {
      if (!n.code.startsWith(scope)) continue;
      if (n.name.includes(q) || n.code.startsWith(q)) out.push(n);
      if (out.length >= limit) break;
    }
    return out;
  }
}
