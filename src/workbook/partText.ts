/**
 * An XML part's text, and the way back to its exact bytes. The reader works on text; the surgical
 * writer changes a few places in it and must leave every other byte as it was, whatever the part's
 * encoding, and even where its bytes are not valid in that encoding (a UTF-8 part with a stray
 * byte, a part declared ISO-8859-1 or windows-1252): a cell the recalculation does not touch is
 * never rewritten.
 *
 * For the usual part (UTF-8 or UTF-16 with a byte order mark, valid) the text encodes back to
 * exactly its bytes. For the others the bytes are kept, and the writer copies the untouched
 * stretches from them by byte offset (see ByteOffsets).
 */
import { isUtf8 } from "buffer";

export type PartEncoding = "utf8" | "utf16le" | "utf16be" | "latin1" | "windows-1252";

export interface PartText {
  readonly text: string;
  readonly encoding: PartEncoding;
  /**
   * The part's own bytes, kept only where the text does not encode back to exactly them: bytes
   * that are not valid UTF-8, windows-1252 (no encoder for it here), an odd last byte in UTF-16.
   */
  readonly raw: Buffer | null;
  /**
   * What is written into the part goes in as ASCII, anything else as character references
   * (`&#8364;`): a part declared in another encoding than UTF-8 or UTF-16.
   */
  readonly asciiOnly: boolean;
}

/** The XML declaration's encoding, read from the first bytes as ASCII. */
const DECLARED = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']/;

const LATIN1 = /^(?:iso[-_ ]?8859[-_]1(?::1987)?|iso-ir-100|latin-?1|l1|cp819|ibm819|us-ascii|ascii|iso646-us)$/i;
const WINDOWS_1252 = /^(?:windows-1252|cp-?1252|x-cp1252)$/i;
const UTF8 = /^utf-?8$/i;
const UTF16 = /^(?:utf-?16|ucs-?2)(?:le|be)?$/i;

function part(text: string, encoding: PartEncoding, raw: Buffer | null = null, asciiOnly = false): PartText {
  return { text, encoding, raw, asciiOnly };
}

/**
 * The text of a part as XML 1.0 (appendix F) determines its encoding: a byte order mark, else the
 * first characters in UTF-16 without one, else the declaration; UTF-8 when it says nothing.
 */
export function decodeXml(bytes: Buffer): PartText {
  const even = bytes.length & ~1;
  const odd = even !== bytes.length ? bytes : null;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return part(bytes.toString("utf16le", 0, even), "utf16le", odd);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be(bytes, even, odd);
  // `<?` in UTF-16 without a byte order mark.
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0)
    return part(bytes.toString("utf16le", 0, even), "utf16le", odd);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f)
    return utf16be(bytes, even, odd);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = bom ? undefined : DECLARED.exec(bytes.toString("latin1", 0, Math.min(bytes.length, 256)))?.[1];
  if (declared !== undefined && !UTF8.test(declared) && !UTF16.test(declared)) {
    if (LATIN1.test(declared)) return part(bytes.toString("latin1"), "latin1", null, true);
    if (WINDOWS_1252.test(declared)) return part(windows1252(bytes), "windows-1252", bytes, true);
    // Another encoding: read as UTF-8 (markup is ASCII in every encoding a workbook uses), written as ASCII.
    return utf8(bytes, true);
  }
  return utf8(bytes, false);
}

function utf16be(bytes: Buffer, even: number, odd: Buffer | null): PartText {
  const swapped = Buffer.from(bytes.subarray(0, even));
  swapped.swap16();
  return part(swapped.toString("utf16le"), "utf16be", odd);
}

/**
 * Bytes 80–9F in windows-1252 (the WHATWG table; the five it leaves undefined stay as in
 * ISO-8859-1). Not through TextDecoder: Node 20's reads windows-1252 as ISO-8859-1.
 */
const CP1252_80_9F =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** windows-1252 text: one character a byte, as ISO-8859-1 except 80–9F. */
function windows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\u0080-\u009f]/g, (ch) => CP1252_80_9F[ch.charCodeAt(0) - 0x80]);
}

/**
 * UTF-8 as Node reads it. Where the bytes are not valid UTF-8, each maximal ill-formed subpart is
 * one U+FFFD (Unicode 3.9, as the WHATWG decoder does; see maximalSubpart), and the bytes are
 * kept for the writer.
 */
function utf8(bytes: Buffer, asciiOnly: boolean): PartText {
  return part(bytes.toString("utf8"), "utf8", isUtf8(bytes) ? null : bytes, asciiOnly);
}

/**
 * How many bytes at `i`, which are not valid UTF-8 there, one U+FFFD stands for: the lead byte and
 * the continuation bytes that still fit it (Unicode table 3-7), at least one.
 */
export function maximalSubpart(b: Buffer, i: number): number {
  const c = b[i];
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 1;
  let k = 0;
  while (k < need && i + 1 + k < b.length && b[i + 1 + k] >= lo && b[i + 1 + k] <= hi) {
    k++;
    lo = 0x80;
    hi = 0xbf;
  }
  return 1 + k;
}

/**
 * Byte offsets in a kept part (PartText.raw) of places in its text. Asked for places in increasing
 * order (as the writer goes through a part), each answer costs the text between it and the one
 * before: UTF-8 counted natively up to the next U+FFFD, which is 3 bytes where it was written as
 * such (EF BF BD) and the ill-formed bytes it replaced where not.
 */
export class ByteOffsets {
  private lastIndex = 0;
  private lastByte = 0;

  constructor(private readonly part: PartText) {}

  at(index: number): number {
    const { encoding, text } = this.part;
    if (encoding === "utf16le" || encoding === "utf16be") return index * 2;
    if (encoding !== "utf8") return index; // one byte a character
    const raw = this.part.raw!;
    if (index < this.lastIndex) this.lastIndex = this.lastByte = 0;
    let at = this.lastIndex;
    let byte = this.lastByte;
    for (;;) {
      const replacement = text.indexOf("\ufffd", at);
      const to = replacement < 0 || replacement >= index ? index : replacement;
      byte += Buffer.byteLength(text.slice(at, to), "utf8");
      at = to;
      if (at === index) break;
      const written = raw[byte] === 0xef && raw[byte + 1] === 0xbf && raw[byte + 2] === 0xbd;
      byte += written ? 3 : maximalSubpart(raw, byte);
      at++;
    }
    this.lastIndex = index;
    this.lastByte = byte;
    return byte;
  }
}
