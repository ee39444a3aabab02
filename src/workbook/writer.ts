/**
 * The surgical writer: a workbook in which only the cached results (`<v>` and the `t` attribute)
 * of recalculated cells change, and, when asked, the workbook's `calcPr fullCalcOnLoad`. Every
 * other byte of those parts stays, whatever their encoding or validity, and every other zip entry
 * is copied as it was. Writing the file itself is files.ts's (writeFileSafely).
 */
import { CellLayout, CellRecord, SheetInfo, WorkbookPackage } from "./package";
import { ByteOffsets, PartText } from "./partText";
import { CellValue, isErrorValue } from "./values";
import { OutputEntry, writeZip } from "./zip";

export interface CellEdit {
  readonly cell: CellRecord;
  readonly value: CellValue;
}

/** How a value is stored: the `t` attribute (undefined for a number) and the `<v>` text. */
function stored(value: CellValue): { t: string | undefined; v: string } {
  if (typeof value === "number") return { t: undefined, v: numberText(value) };
  if (typeof value === "boolean") return { t: "b", v: value ? "1" : "0" };
  if (typeof value === "string") return { t: "str", v: escapeText(value) };
  if (isErrorValue(value)) return { t: "e", v: value.error };
  return { t: undefined, v: "0" };
}

/**
 * A number as JavaScript spells it (the shortest text that reads back as the same number), with a
 * capital E in an exponent. An amount in cents, the most common result, is spelled from its whole
 * number of cents: the same text, without the general algorithm's cost.
 */
export function numberText(value: number): string {
  const cents = Math.round(value * 100);
  if (cents / 100 === value && Math.abs(cents) < 1e15 && !Number.isInteger(value)) {
    // At most 15 digits: the text of cents / 100 is the shortest that reads back as this number.
    const digits = String(Math.abs(cents)).padStart(3, "0");
    const tail = digits.charCodeAt(digits.length - 1) === 0x30 ? digits.slice(-2, -1) : digits.slice(-2);
    return `${cents < 0 ? "-" : ""}${digits.slice(0, -2)}.${tail}`;
  }
  const v = String(Object.is(value, -0) ? 0 : value);
  return v.includes("e") ? v.replace("e", "E") : v;
}

/** Control characters, which XML 1.0 text cannot hold. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** XML text, with the control characters Excel writes as `_xHHHH_`. */
function escapeText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(CONTROL, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

/** Whether the cell already holds this value as its cached result (in a `<v>` of its element). */
export function holds(cell: CellRecord, hasValueElement: boolean, value: CellValue): boolean {
  const type = cell.type === "n" ? undefined : cell.type;
  const current = cell.value;
  if (!hasValueElement) return false;
  if (typeof value === "number") return type === undefined && typeof current === "number" && current === value;
  if (typeof value === "boolean") return type === "b" && current === value;
  if (typeof value === "string") return type === "str" && current === value;
  if (isErrorValue(value)) return type === "e" && isErrorValue(current) && current.error === value.error;
  return false;
}

/** The namespace prefix of the cell element starting at `start` (`x:` in `<x:c>`), usually none. */
function prefixAt(text: string, start: number): string {
  // The common case, `<c ` or `<c>`: no prefix.
  const after = text.charCodeAt(start + 2);
  if (
    text.charCodeAt(start + 1) === 0x63 &&
    (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)
  )
    return "";
  const name = /^<([^\s>/]+)/.exec(text.slice(start, start + 256))?.[1] ?? "c";
  const colon = name.lastIndexOf(":");
  return colon < 0 ? "" : name.slice(0, colon + 1);
}

const T_ATTRIBUTE = /(\s)t\s*=\s*("[^"]*"|'[^']*')/;

function withType(tag: string, t: string | undefined): string {
  if (T_ATTRIBUTE.test(tag))
    return t === undefined ? tag.replace(T_ATTRIBUTE, "") : tag.replace(T_ATTRIBUTE, `$1t="${t}"`);
  if (t === undefined) return tag;
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} t="${t}"${tag.slice(end)}`;
}

/** Where the new pieces of a part go, in the order of their places in the part. */
interface Splices {
  replace(start: number, end: number, piece: string): void;
}

function splicesFor(text: string, edit: CellEdit, layout: CellLayout, out: Splices): void {
  const { cell } = edit;
  const { t, v } = stored(edit.value);
  // The common case: a number replacing a number, a value already in a <v>: only its text changes.
  if (
    layout.vStart >= 0 &&
    layout.vTextStart !== layout.vEnd &&
    (cell.type === t || (t === undefined && cell.type === "n"))
  ) {
    out.replace(layout.vTextStart, layout.vTextEnd, v);
    return;
  }
  const prefix = prefixAt(text, layout.start);
  // A tag without a `t` attribute that gets none (a number) stays as it is.
  const sameTag = t === undefined && cell.type === undefined;
  if (layout.selfClosing) {
    const tag = text.slice(layout.start, layout.tagEnd);
    const newTag = sameTag ? tag : withType(tag, t);
    const open = newTag.slice(0, newTag.length - 2).replace(/\s+$/, "") + ">";
    out.replace(layout.start, layout.tagEnd, `${open}<${prefix}v>${v}</${prefix}v></${prefix}c>`);
    return;
  }
  if (!sameTag) {
    const tag = text.slice(layout.start, layout.tagEnd);
    const newTag = withType(tag, t);
    if (newTag !== tag) out.replace(layout.start, layout.tagEnd, newTag);
  }
  if (layout.vStart >= 0) {
    if (layout.vTextStart === layout.vEnd) out.replace(layout.vStart, layout.vEnd, `<${prefix}v>${v}</${prefix}v>`);
    else out.replace(layout.vTextStart, layout.vTextEnd, v);
  } else {
    const where = layout.fEnd >= 0 ? layout.fEnd : text.lastIndexOf("<", layout.end - 1);
    out.replace(where, where, `<${prefix}v>${v}</${prefix}v>`);
  }
}

/** The sheet part with the edits applied, every other byte as it was; null when no cell changes. */
export function editSheet(sheet: SheetInfo, edits: readonly CellEdit[]): Buffer | null {
  const part = sheet.part;
  if (part === null) throw new Error(`sheet ${sheet.name} was read without its text`);
  const text = part.text;
  // In document order, which is the order of the cells' ordinals: placed by ordinal, not sorted.
  const byOrdinal: Array<CellEdit | undefined> = new Array(sheet.cells.capacity);
  let changed = 0;
  for (let i = 0; i < edits.length; i++) {
    const edit = edits[i];
    if (holds(edit.cell, sheet.cells.hasValueElement(edit.cell), edit.value)) continue;
    byOrdinal[edit.cell.ordinal] = edit;
    changed++;
  }
  if (changed === 0) return null;
  const out = new PartWriter(part, changed);
  for (let i = 0; i < byOrdinal.length; i++) {
    const edit = byOrdinal[i];
    if (edit !== undefined) splicesFor(text, edit, sheet.cells.layout(edit.cell), out);
  }
  return out.finish();
}

/** A stretch of a part's text and what replaces it. */
export interface PartSplice {
  readonly start: number;
  readonly end: number;
  readonly piece: string;
}

/**
 * The part with the given stretches of its text replaced (in order, not overlapping); every other
 * byte as it was, whatever the part's encoding.
 */
export function partWithSplices(part: PartText, splices: readonly PartSplice[]): Buffer {
  const out = new PartWriter(part, splices.length);
  for (const s of splices) out.replace(s.start, s.end, s.piece);
  return out.finish();
}

/**
 * A part written as it is read: each unchanged stretch, then the piece that replaces what follows
 * it, into the part's bytes. An unchanged stretch is the part's own bytes: encoded back from the
 * text where that gives exactly them (the usual part), else copied from the bytes kept
 * (PartText.raw). A new piece is encoded as the part is (UTF-16 in its byte order; ASCII with
 * character references in a part declared in another encoding). Stretches and pieces are encoded
 * some thousands of characters at a time (a sheet of 100.000 rows has 600.000 of them, and each
 * call to encode costs more than the characters it encodes); no second copy of the whole text is
 * made.
 */
class PartWriter implements Splices {
  private out: Buffer;
  private offset = 0;
  /** How far the text has been written. */
  private at = 0;
  /** Text written but not yet encoded (at most about ENCODE_AT characters). */
  private pending = "";
  private readonly text: string;
  /** How the text is encoded back, where the part's bytes are not kept. */
  private readonly encoding: "utf8" | "utf16le" | "latin1";
  private readonly swap: boolean;
  /** Bytes a UTF-16 code unit may take in the encoding. */
  private readonly unit: number;
  private readonly offsets: ByteOffsets | null;

  constructor(
    private readonly part: PartText,
    pieces: number,
  ) {
    this.text = part.text;
    const { encoding } = part;
    this.encoding =
      encoding === "utf8" ? "utf8" : encoding === "utf16le" || encoding === "utf16be" ? "utf16le" : "latin1";
    this.swap = encoding === "utf16be";
    this.unit = this.encoding === "utf8" ? 3 : this.encoding === "utf16le" ? 2 : 1;
    this.offsets = part.raw ? new ByteOffsets(part) : null;
    const size = part.raw ? part.raw.length : Buffer.byteLength(this.text, this.encoding);
    this.out = Buffer.allocUnsafe(size + pieces * 32);
  }

  replace(start: number, end: number, piece: string): this {
    if (start > this.at) this.stretch(this.at, start);
    this.write(this.part.asciiOnly ? characterReferences(piece) : piece);
    this.at = end;
    return this;
  }

  finish(): Buffer {
    const raw = this.part.raw;
    if (raw) {
      this.encode();
      // Up to the end of the bytes: an odd last byte of a UTF-16 part too.
      const from = this.offsets!.at(this.at);
      this.room(raw.length - from);
      this.offset += raw.copy(this.out, this.offset, from);
    } else if (this.at < this.text.length) this.stretch(this.at, this.text.length);
    this.encode();
    return this.out.subarray(0, this.offset);
  }

  /** An unchanged stretch of the text: from the bytes kept, where they are, else as text. */
  private stretch(from: number, to: number): void {
    if (!this.offsets) return this.write(this.text.slice(from, to));
    this.encode();
    const a = this.offsets.at(from);
    const b = this.offsets.at(to);
    this.room(b - a);
    this.offset += this.part.raw!.copy(this.out, this.offset, a, b);
  }

  private write(piece: string): void {
    this.pending += piece;
    if (this.pending.length >= ENCODE_AT) this.encode();
  }

  /** The text written so far, encoded into the bytes. */
  private encode(): void {
    const text = this.pending;
    if (text === "") return;
    this.pending = "";
    // The most bytes it can take, counted exactly only when that might not fit (a long stretch).
    if (this.offset + text.length * this.unit > this.out.length) this.room(Buffer.byteLength(text, this.encoding));
    const start = this.offset;
    this.offset += this.out.write(text, this.offset, this.encoding);
    if (this.swap) this.out.subarray(start, this.offset).swap16();
  }

  private room(most: number): void {
    if (this.offset + most <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.offset + most));
    this.out.copy(bigger, 0, 0, this.offset);
    this.out = bigger;
  }
}

/** The characters of text a PartWriter gathers before it encodes them. */
const ENCODE_AT = 16384;

const NON_ASCII = /[\u0080-\u{10ffff}]/u;
const NON_ASCII_ALL = /[\u0080-\u{10ffff}]/gu;

/** Every character outside ASCII as a character reference, for a part in another encoding than UTF-8/16. */
function characterReferences(piece: string): string {
  return NON_ASCII.test(piece) ? piece.replace(NON_ASCII_ALL, (ch) => `&#${ch.codePointAt(0)};`) : piece;
}

/**
 * The workbook part with `fullCalcOnLoad="1"`, so Excel recalculates everything on opening (every
 * other byte as it was); null when already so.
 */
export function withFullCalcOnLoad(pkg: WorkbookPackage): Buffer | null {
  const part = pkg.workbookPart;
  const text = part.text;
  const { element, insertAt } = pkg.calcPr;
  if (element) {
    const tag = text.slice(element.start, element.tagEnd);
    const attr = /(\s)fullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/;
    const m = attr.exec(tag);
    if (m && /^["'](1|true)["']$/.test(m[2])) return null;
    const newTag = m
      ? tag.replace(attr, '$1fullCalcOnLoad="1"')
      : `${tag.slice(0, element.selfClosing ? tag.length - 2 : tag.length - 1).replace(/\s+$/, "")} fullCalcOnLoad="1"${element.selfClosing ? "/>" : ">"}`;
    return new PartWriter(part, 1).replace(element.start, element.tagEnd, newTag).finish();
  }
  const rootTag = /<([A-Za-z_][\w.-]*:)?workbook[\s>]/.exec(text);
  const prefix = rootTag?.[1] ?? "";
  return new PartWriter(part, 1).replace(insertAt, insertAt, `<${prefix}calcPr fullCalcOnLoad="1"/>`).finish();
}

/** The new package: the given parts replaced, every other entry copied as it was. */
export function packageBytes(
  pkg: WorkbookPackage,
  sheetParts: ReadonlyMap<number, Buffer>,
  workbookPart: Buffer | null,
): Promise<Buffer> {
  const byEntry = new Map<unknown, Buffer>();
  for (const [index, bytes] of sheetParts) byEntry.set(pkg.sheets[index].entry, bytes);
  if (workbookPart !== null) byEntry.set(pkg.workbookEntry, workbookPart);
  const entries: OutputEntry[] = pkg.entries.map((entry) => {
    const content = byEntry.get(entry);
    return content ? { entry, content } : { entry };
  });
  return writeZip(pkg.data, entries);
}
