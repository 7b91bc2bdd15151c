// Text of SpreadsheetML as written in the file: XML character references, and the _xHHHH_
// escapes with which Excel writes control characters in strings (ECMA-376 ST_Xstring).

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlText(raw: string): string {
  let s = raw;
  if (s.includes('&')) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref] ?? whole;
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (s.includes('_x')) s = s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** The value of attribute `name` in the text of one start tag (`<c r="A1" t="s">`), decoded; null when absent. */
export function attr(tag: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return null;
    from = i + name.length;
    const before = tag.charCodeAt(i - 1);
    // Preceded by white space (or by a namespace prefix's colon for prefixed names), followed by '='.
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = from;
    while (tag.charCodeAt(j) === 32) j++;
    if (tag[j] !== '=') continue;
    j++;
    while (tag.charCodeAt(j) === 32) j++;
    const quote = tag[j];
    if (quote !== '"' && quote !== "'") return null;
    const end = tag.indexOf(quote, j + 1);
    if (end < 0) return null;
    return xmlText(tag.slice(j + 1, end));
  }
}

/** Every text of `<t>` elements in an `<si>` or `<is>` (rich text runs joined), phonetic runs (`<rPh>`) left out. */
export function runsText(xml: string, prefix: string): string {
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  const phoneticOpen = `<${prefix}rPh`;
  const phoneticClose = `</${prefix}rPh>`;
  let out = '';
  let pos = 0;
  for (;;) {
    const i = xml.indexOf(open, pos);
    if (i < 0) return out;
    const after = xml.charCodeAt(i + open.length);
    const tagEnd = xml.indexOf('>', i);
    if (tagEnd < 0) return out;
    if (after !== 62 && after !== 32 && after !== 47 && after !== 9 && after !== 10 && after !== 13) { pos = i + open.length; continue; } // <tx…>, not <t>
    const phonetic = xml.lastIndexOf(phoneticOpen, i);
    if (phonetic >= 0 && xml.lastIndexOf(phoneticClose, i) < phonetic) { pos = tagEnd + 1; continue; }
    if (xml.charCodeAt(tagEnd - 1) === 47) { pos = tagEnd + 1; continue; } // <t/>
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) return out;
    out += xmlText(xml.slice(tagEnd + 1, end));
    pos = end + close.length;
  }
}
