/**
 * The surgical writer: a workbook in which only the cached results (`<v>` and the `t` attribute)
 * of recalculated cells change, and, when asked, the workbook's `calcPr fullCalcOnLoad`. Every
 * other byte of those parts stays, and every other zip entry is copied as it was.
 */
import { promises as fs } from "fs";
import { basename, dirname, join } from "path";
import { WorkbookError } from "./errors";
import { CellRecord, SheetInfo, WorkbookPackage } from "./package";
import { CellValue, isErrorValue } from "./values";
import { encodeXml } from "./xml";
import { OutputEntry, writeZip } from "./zip";

export interface CellEdit {
  readonly cell: CellRecord;
  readonly value: CellValue;
}

/** How a value is stored: the `t` attribute (undefined for a number) and the `<v>` text. */
function stored(value: CellValue): { t: string | undefined; v: string } {
  if (typeof value === "number") {
    const v = String(Object.is(value, -0) ? 0 : value);
    return { t: undefined, v: v.includes("e") ? v.replace("e", "E") : v };
  }
  if (typeof value === "boolean") return { t: "b", v: value ? "1" : "0" };
  if (typeof value === "string") return { t: "str", v: escapeText(value) };
  if (isErrorValue(value)) return { t: "e", v: value.error };
  return { t: undefined, v: "0" };
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

/** Whether the cell already holds this value as its cached result. */
export function holds(cell: CellRecord, value: CellValue): boolean {
  const type = cell.type === "n" ? undefined : cell.type;
  const current = cell.value;
  if (cell.vStart < 0) return false;
  if (typeof value === "number") return type === undefined && typeof current === "number" && current === value;
  if (typeof value === "boolean") return type === "b" && current === value;
  if (typeof value === "string") return type === "str" && current === value;
  if (isErrorValue(value)) return type === "e" && isErrorValue(current) && current.error === value.error;
  return false;
}

function prefixOf(tag: string): string {
  // The common case, `<c ` or `<c>`: no prefix.
  const after = tag.charCodeAt(2);
  if (
    tag.charCodeAt(1) === 0x63 &&
    (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)
  )
    return "";
  const name = /^<([^\s>/]+)/.exec(tag)?.[1] ?? "c";
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

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function splicesFor(text: string, edit: CellEdit, out: Splice[]): void {
  const { cell } = edit;
  const { t, v } = stored(edit.value);
  // The common case: a number replacing a number, a value already in a <v>: only its text changes.
  if (
    cell.vStart >= 0 &&
    cell.vTextStart !== cell.vEnd &&
    (cell.type === t || (t === undefined && cell.type === "n"))
  ) {
    out.push({ start: cell.vTextStart, end: cell.vTextEnd, text: v });
    return;
  }
  const tag = text.slice(cell.start, cell.tagEnd);
  const prefix = prefixOf(tag);
  // A tag without a `t` attribute that gets none (a number) stays as it is.
  const newTag = t === undefined && cell.type === undefined ? tag : withType(tag, t);
  if (cell.selfClosing) {
    const open = newTag.slice(0, newTag.length - 2).replace(/\s+$/, "") + ">";
    out.push({ start: cell.start, end: cell.tagEnd, text: `${open}<${prefix}v>${v}</${prefix}v></${prefix}c>` });
    return;
  }
  if (newTag !== tag) out.push({ start: cell.start, end: cell.tagEnd, text: newTag });
  if (cell.vStart >= 0) {
    if (cell.vTextStart === cell.vEnd)
      out.push({ start: cell.vStart, end: cell.vEnd, text: `<${prefix}v>${v}</${prefix}v>` });
    else out.push({ start: cell.vTextStart, end: cell.vTextEnd, text: v });
  } else {
    const at = cell.fEnd >= 0 ? cell.fEnd : text.lastIndexOf("<", cell.end - 1);
    out.push({ start: at, end: at, text: `<${prefix}v>${v}</${prefix}v>` });
  }
}

/** The sheet part with the edits applied, encoded as it was; null when no cell changes. */
export function editSheet(sheet: SheetInfo, edits: readonly CellEdit[]): Buffer | null {
  const text = sheet.text;
  if (text === null) throw new Error(`sheet ${sheet.name} was read without its text`);
  const splices: Splice[] = [];
  for (let i = 0; i < edits.length; i++) if (!holds(edits[i].cell, edits[i].value)) splicesFor(text, edits[i], splices);
  if (splices.length === 0) return null;
  let sorted = true;
  for (let i = 1; i < splices.length && sorted; i++) sorted = splices[i - 1].start <= splices[i].start;
  if (!sorted) splices.sort((a, b) => a.start - b.start || a.end - b.end);
  // The pieces are encoded straight into the part's bytes, without first joining a second copy of
  // the whole sheet text (UTF-16 is written little-endian and swapped after, as encodeXml does).
  const encoding = sheet.encoding === "utf8" ? "utf8" : "utf16le";
  let size = Buffer.byteLength(text, encoding);
  for (let i = 0; i < splices.length; i++) {
    const s = splices[i];
    size += Buffer.byteLength(s.text, encoding) - Buffer.byteLength(text.slice(s.start, s.end), encoding);
  }
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  let at = 0;
  for (let i = 0; i < splices.length; i++) {
    const s = splices[i];
    offset += out.write(text.slice(at, s.start), offset, encoding);
    offset += out.write(s.text, offset, encoding);
    at = s.end;
  }
  offset += out.write(text.slice(at), offset, encoding);
  if (sheet.encoding === "utf16be") out.swap16();
  if (offset !== size) throw new Error(`sheet ${sheet.name}: ${offset} bytes written, ${size} expected`);
  return out;
}

/** The workbook part with `fullCalcOnLoad="1"`, so Excel recalculates everything on opening; null when already so. */
export function withFullCalcOnLoad(pkg: WorkbookPackage): string | null {
  const text = pkg.workbookText;
  const { element, insertAt } = pkg.calcPr;
  if (element) {
    const tag = text.slice(element.start, element.tagEnd);
    const attr = /(\s)fullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/;
    const m = attr.exec(tag);
    if (m && /^["'](1|true)["']$/.test(m[2])) return null;
    const newTag = m
      ? tag.replace(attr, '$1fullCalcOnLoad="1"')
      : `${tag.slice(0, element.selfClosing ? tag.length - 2 : tag.length - 1).replace(/\s+$/, "")} fullCalcOnLoad="1"${element.selfClosing ? "/>" : ">"}`;
    return text.slice(0, element.start) + newTag + text.slice(element.tagEnd);
  }
  const rootTag = /<([A-Za-z_][\w.-]*:)?workbook[\s>]/.exec(text);
  const prefix = rootTag?.[1] ?? "";
  return `${text.slice(0, insertAt)}<${prefix}calcPr fullCalcOnLoad="1"/>${text.slice(insertAt)}`;
}

/** The new package: the given parts replaced, every other entry copied as it was. */
export function packageBytes(
  pkg: WorkbookPackage,
  sheetParts: ReadonlyMap<number, Buffer>,
  workbookText: string | null,
): Promise<Buffer> {
  const byEntry = new Map<unknown, Buffer>();
  for (const [index, bytes] of sheetParts) byEntry.set(pkg.sheets[index].entry, bytes);
  if (workbookText !== null) byEntry.set(pkg.workbookEntry, encodeXml(workbookText, pkg.workbookEncoding));
  const entries: OutputEntry[] = pkg.entries.map((entry) => {
    const content = byEntry.get(entry);
    return content ? { entry, content } : { entry };
  });
  return writeZip(pkg.data, entries);
}

/**
 * Writes to a temporary file beside the target (through a symlink: beside the file it points to)
 * and renames it over the target, keeping the target's permissions; a failure leaves the target as
 * it was.
 */
export async function writeAtomically(target: string, bytes: Buffer): Promise<void> {
  let real = target;
  let mode: number | undefined;
  try {
    real = await fs.realpath(target);
    mode = (await fs.stat(real)).mode & 0o7777;
  } catch {
    // a new file
  }
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.nl-aftrek.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, real);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw new WorkbookError(
      `Schrijven naar ${target} is mislukt (${(error as Error).message}); het doelbestand is niet gewijzigd.`,
    );
  }
}
