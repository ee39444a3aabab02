/**
 * A fast path for the plain XML that spreadsheet writers produce: elements, attributes in quotes,
 * text, the five predefined entities and character references, an XML declaration at the start.
 * Nothing else: no comments, CDATA, processing instructions, DTD, non-ASCII names or characters
 * XML forbids. Line ends are read as XML reads them (CR LF and a lone CR are a line feed).
 *
 * A document that is well-formed and stays inside this subset is reported to the handlers exactly
 * as saxes reports it (the same names, attributes, text and positions). For any other document
 * `scanPlainXml` returns false, and parseXml has saxes read it from the start (saxes also says what
 * is wrong with it, where something is).
 *
 * A worksheet of 100.000 rows is some 33 MB of such XML: read here, it takes a fraction of the time
 * a general parser needs, which is most of the time a recalculation spends reading a workbook.
 */
import type { XmlHandlers } from "./xml";

const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const AMP = 0x26;
const QUOT = 0x22;
const APOS = 0x27;
const LT = 0x3c;

/** Characters this subset leaves to saxes: the ones XML forbids, and lone surrogates. */
const OUTSIDE_SUBSET =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\]\]>/;

/** The XML declaration as writers put it: version 1.0, an optional encoding and standalone. */
const DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>/;

const CR = 0x0d;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === CR;
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x3a;

/** Whether a character reference's code point is a character XML 1.0 allows. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** The replacement text of the entity between `&` (at `amp`) and `;` (at `semi`), or null. */
function entity(text: string, amp: number, semi: number): string | null {
  const name = text.slice(amp + 1, semi);
  switch (name) {
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "amp":
      return "&";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(name);
  if (!m) return null;
  const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
  return isXmlChar(cp) ? String.fromCodePoint(cp) : null;
}

/**
 * Text between `from` and `to` as XML reads it (XML 1.0 § 2.11, § 3.3.3): references replaced,
 * CR LF and a lone CR read as a line feed, and in an attribute value every tab and line end read
 * as a space. Null when a reference, or a `<`, is not allowed.
 */
function decodeText(text: string, from: number, to: number, attribute: boolean): string | null {
  let out = "";
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === AMP) {
      const semi = text.indexOf(";", i + 1);
      if (semi < 0 || semi >= to) return null;
      const replacement = entity(text, i, semi);
      if (replacement === null) return null;
      out += text.slice(start, i) + replacement;
      i = semi;
      start = semi + 1;
    } else if (c === CR) {
      out += text.slice(start, i) + (attribute ? " " : "\n");
      if (text.charCodeAt(i + 1) === 0x0a && i + 1 < to) i++;
      start = i + 1;
    } else if (attribute && (c === 0x09 || c === 0x0a)) {
      out += `${text.slice(start, i)} `;
      start = i + 1;
    } else if (c === LT) {
      return null; // not allowed in an attribute value (and text always ends before one)
    }
  }
  return start === from ? text.slice(from, to) : out + text.slice(start, to);
}

/** The attributes of a tag that has none (handlers only read them). */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** One-letter names (`c`, `v`, `f`, `r`, `s`, `t`: most of a worksheet), shared rather than cut anew. */
const LETTERS: readonly string[] = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

function nameAt(text: string, from: number, to: number): string {
  return to === from + 1 && text.charCodeAt(from) < 128 ? LETTERS[text.charCodeAt(from)] : text.slice(from, to);
}

/** The local part of a name (`x:c` is `c`): what follows the first colon, as both readers tell it. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Reads `text` when it is plain XML. Without handlers it only checks; with handlers it reports
 * every element and text as parseXml's saxes path does. False when the text is not plain XML:
 * then the handlers may have been told part of it (nothing, when the check ran first).
 */
export function scanPlainXml(text: string, handlers: XmlHandlers | null): boolean {
  if (OUTSIDE_SUBSET.test(text)) return false;
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith("<?", i)) {
    const m = DECLARATION.exec(text.slice(i, i + 256));
    if (!m) return false;
    i += m[0].length;
  }
  const open = handlers?.open;
  const close = handlers?.close;
  const onText = handlers?.text;
  const stack: string[] = [];
  let closedRoot = false;
  const names: string[] = []; // the attribute names of the tag being read, for the duplicate check
  // Where the next `&` is: looked up again only once passed, so that checking stays linear.
  let nextAmp = -2; // -2: not looked up yet; -1: there is none
  let nextCr = -2; // the same for a carriage return

  while (i < n) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (stack.length === 0) {
        for (let j = i; j < end; j++) if (!isSpace(text.charCodeAt(j))) return false;
      } else {
        if (nextAmp !== -1 && nextAmp < i) nextAmp = text.indexOf("&", i);
        if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf("\r", i);
        const plain = (nextAmp < 0 || nextAmp >= end) && (nextCr < 0 || nextCr >= end);
        const t = plain ? (onText ? text.slice(i, end) : "") : decodeText(text, i, end, false);
        if (t === null) return false;
        if (onText) onText(t);
      }
    }
    if (lt < 0) break;
    let p = lt + 1;
    let c = text.charCodeAt(p);
    if (c === SLASH) {
      // </name S?>
      const nameStart = ++p;
      if (!isNameStart(text.charCodeAt(p))) return false;
      while (isNameChar(text.charCodeAt(p))) p++;
      const name = nameAt(text, nameStart, p);
      while (isSpace(text.charCodeAt(p))) p++;
      if (text.charCodeAt(p) !== GT || stack.pop() !== name) return false;
      i = p + 1;
      if (stack.length === 0) closedRoot = true;
      if (close) close(localName(name), lt, i);
      continue;
    }
    if (!isNameStart(c) || closedRoot) return false;
    // <name (S attr S? = S? "value")* S? /?>
    const nameStart = p;
    while (isNameChar(text.charCodeAt(p))) p++;
    const name = nameAt(text, nameStart, p);
    let attributes: Record<string, string> | null = null;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      const before = p;
      while (isSpace(text.charCodeAt(p))) p++;
      c = text.charCodeAt(p);
      if (c === GT) break;
      if (c === SLASH) {
        if (text.charCodeAt(p + 1) !== GT) return false;
        selfClosing = true;
        p++;
        break;
      }
      if (p === before || !isNameStart(c)) return false;
      const attrStart = p;
      while (isNameChar(text.charCodeAt(p))) p++;
      const attr = nameAt(text, attrStart, p);
      if (attr === "__proto__") return false;
      for (let k = 0; k < count; k++) if (names[k] === attr) return false;
      names[count++] = attr;
      while (isSpace(text.charCodeAt(p))) p++;
      if (text.charCodeAt(p) !== EQ) return false;
      p++;
      while (isSpace(text.charCodeAt(p))) p++;
      const q = text.charCodeAt(p);
      if (q !== QUOT && q !== APOS) return false;
      const valueEnd = text.indexOf(q === QUOT ? '"' : "'", p + 1);
      if (valueEnd < 0) return false;
      const value = decodeText(text, p + 1, valueEnd, true);
      if (value === null) return false;
      if (open) (attributes ??= {})[attr] = value;
      p = valueEnd + 1;
    }
    i = p + 1;
    const tag = localName(name);
    if (open) open(tag, attributes ?? NO_ATTRIBUTES, lt, i, selfClosing);
    if (selfClosing) {
      if (stack.length === 0) closedRoot = true;
      if (close) close(tag, lt, i);
    } else stack.push(name);
  }
  return closedRoot && stack.length === 0;
}
