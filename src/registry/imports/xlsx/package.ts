// The parts of an .xlsx package (a zip) that an import reads: the workbook and its sheets in
// tab order, the shared strings, the date styles, and the chosen sheet's XML as a stream.
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { badFile } from '../types.ts';
import { dateStyles } from './styles.ts';
import { attr, runsText } from './xml-text.ts';

/**
 * Parts read whole (workbook, relationships, styles, shared strings) may inflate to at most this
 * much: a few hundred bytes of zip can claim gigabytes. A million rows of distinct ID numbers and
 * names need about 100 MB of shared strings.
 */
export const xlsxLimits = { maxPartBytes: 256 * 1024 * 1024 };

export interface SheetEntry { name: string; visible: boolean; path: string }

export interface XlsxPackage {
  sheets: SheetEntry[];
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  /** Namespace prefix (with colon) of SpreadsheetML elements in the workbook. */
  prefix: string;
  /** Compressed size of a part (for progress), 0 when absent. */
  compressedSize(path: string): number;
  /** The part's inflated bytes; `onRaw` is told of each compressed chunk read. */
  stream(path: string, onRaw?: (bytes: number) => void): Promise<Readable>;
  close(): void;
}

const openZip = (input: { path?: string; buffer?: Buffer }) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err ?? new Error('zip')) : resolve(zip));
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true };
    if (input.buffer) yauzl.fromBuffer(input.buffer, options, done);
    else yauzl.open(input.path!, options, done);
  });

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => { entries.set(e.fileName.replace(/^\/+/, ''), e); zip.readEntry(); });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** `target` of a relationship, relative to the folder of the part that names it, as a path in the zip. */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relationships(xml: string | null): { id: string; type: string; target: string }[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id') ?? '', type: attr(m[0], 'Type') ?? '', target: attr(m[0], 'Target') ?? '',
  }));
}

/** Namespace prefix of the root element (`<x:workbook …>` → 'x:'). */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

export function parseSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const p = rootPrefix(xml, 'sst');
  const open = `<${p}si`;
  const close = `</${p}si>`;
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const i = xml.indexOf(open, pos);
    if (i < 0) return out;
    const tagEnd = xml.indexOf('>', i);
    if (xml.charCodeAt(tagEnd - 1) === 47) { out.push(''); pos = tagEnd + 1; continue; } // <si/>
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) return out;
    out.push(runsText(xml.slice(tagEnd + 1, end), p));
    pos = end + close.length;
  }
}

export async function openXlsxPackage(input: { path?: string; buffer?: Buffer }): Promise<XlsxPackage> {
  const zip = await openZip(input);
  try {
    const entries = await listEntries(zip);
    const lower = new Map([...entries.keys()].map((k) => [k.toLowerCase(), k]));
    const entry = (path: string) => entries.get(path) ?? entries.get(lower.get(path.toLowerCase()) ?? '');
    const stream = async (path: string, onRaw?: (bytes: number) => void): Promise<Readable> => {
      const e = entry(path);
      if (!e) throw new Error(`missing part ${path}`);
      const raw = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(e, (e.compressionMethod === 8 ? { decompress: false } : {}) as never, (err, s) => (err || !s ? reject(err ?? new Error(path)) : resolve(s))));
      if (onRaw) raw.on('data', (b: Buffer) => onRaw(b.length));
      if (e.compressionMethod === 0) return raw;
      if (e.compressionMethod !== 8) throw new Error(`unsupported compression ${e.compressionMethod} of ${path}`);
      const inflate = createInflateRaw({ chunkSize: 1 << 18 });
      raw.on('error', (err) => inflate.destroy(err));
      return raw.pipe(inflate);
    };
    const text = async (path: string | null): Promise<string | null> => {
      const e = path ? entry(path) : undefined;
      if (!path || !e) return null;
      if (e.uncompressedSize > xlsxLimits.maxPartBytes) {
        const mb = Math.round(xlsxLimits.maxPartBytes / 1024 / 1024);
        throw badFile(`xlsx 文件中的 ${path.split('/').pop()} 解压后超过 ${mb} MB，请把数据拆分为几个文件，或另存为 CSV 后再导入`);
      }
      const chunks: Buffer[] = [];
      for await (const c of await stream(path)) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    };

    const officeDocument = relationships(await text('_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'));
    const workbookPath = officeDocument ? resolvePart('', officeDocument.target) : 'xl/workbook.xml';
    const workbook = await text(workbookPath);
    if (!workbook) throw new Error('no workbook part');
    const prefix = rootPrefix(workbook, 'workbook');
    const relsPath = resolvePart(workbookPath, `_rels/${workbookPath.split('/').pop()}.rels`);
    const rels = relationships(await text(relsPath));
    const target = (suffix: string) => {
      const r = rels.find((x) => x.type.endsWith(suffix));
      return r ? resolvePart(workbookPath, r.target) : null;
    };
    const byId = new Map(rels.map((r) => [r.id, resolvePart(workbookPath, r.target)]));
    const sheets: SheetEntry[] = [];
    for (const m of workbook.matchAll(new RegExp(`<${prefix}sheet\\s[^>]*>`, 'g'))) {
      const id = /\s[\w]+:id\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
      const path = id ? byId.get(id) : undefined;
      const state = attr(m[0], 'state');
      if (path) sheets.push({ name: attr(m[0], 'name') ?? '', visible: !state || state === 'visible', path });
    }
    const pr = new RegExp(`<${prefix}workbookPr\\s[^>]*>`).exec(workbook)?.[0];
    const date1904 = pr ? /^(1|true)$/.test(attr(pr, 'date1904') ?? '') : false;
    const stylesXml = await text(target('/styles'));
    const sharedStrings = parseSharedStrings(await text(target('/sharedStrings')));
    return {
      sheets,
      sharedStrings,
      dateStyles: dateStyles(stylesXml, stylesXml ? rootPrefix(stylesXml, 'styleSheet') : ''),
      date1904,
      prefix,
      compressedSize: (path) => entry(path)?.compressedSize ?? 0,
      stream,
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}
