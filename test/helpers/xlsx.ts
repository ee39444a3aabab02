/**
 * Workbooks for tests, written part by part as Excel writes them (so a test controls every byte:
 * prefixes, shared and array formulas, spills, tables, names, odd zip entry names), and read back
 * entry by entry with fflate, independently of the zip library the product writes with.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync, writeFileSync } from "fs";
import { crc32 as zlibCrc32, deflateRawSync } from "zlib";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = (t: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}`;

export interface TestSheet {
  readonly name: string;
  /** The inner XML of <sheetData>. */
  readonly data: string;
  /** XML after </sheetData> (sheetProtection, legacyDrawing, tableParts ...). */
  readonly after?: string;
  /** Extra relationships of the sheet: [id, type, target]. */
  readonly rels?: ReadonlyArray<readonly [string, string, string]>;
}

export interface TestWorkbook {
  readonly sheets: readonly TestSheet[];
  /** <definedName> elements, as XML. */
  readonly names?: string;
  readonly workbookPr?: string;
  readonly calcPr?: string | null;
  /** More entries, by name (tables, comments, charts, a VBA project ...). */
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
  /** More workbook relationships: [id, type, target]. */
  readonly workbookRels?: ReadonlyArray<readonly [string, string, string]>;
  readonly sharedStrings?: readonly string[];
  readonly contentTypes?: string;
  /**
   * The program docProps/app.xml names ("Microsoft Excel" unless said otherwise; null: no such
   * part), with Excel's `<fileVersion appName="xl">` in the workbook when it is Excel. Whether the
   * cached results are Excel's rests on these (src/engine/plan/cacheTrust.ts).
   */
  readonly application?: string | null;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function rels(list: ReadonlyArray<readonly [string, string, string]>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${list
    .map(
      ([id, type, target]) =>
        `<Relationship Id="${id}" Type="${type.startsWith("http") ? type : TYPE(type)}" Target="${target}"/>`,
    )
    .join("")}</Relationships>`;
}

/** The parts of a workbook, by entry name. */
export function workbookParts(wb: TestWorkbook): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  parts["[Content_Types].xml"] =
    wb.contentTypes ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${wb.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("")}</Types>`;
  const application = wb.application === undefined ? "Microsoft Excel" : wb.application;
  const excel = application !== null && /Excel/.test(application);
  parts["_rels/.rels"] = rels([
    ["rId1", "officeDocument", "xl/workbook.xml"],
    ...(application === null
      ? []
      : [
          [
            "rId2",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
            "docProps/app.xml",
          ] as const,
        ]),
  ]);
  if (application !== null) {
    parts["docProps/app.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${esc(application)}</Application>${excel ? "<AppVersion>16.0300</AppVersion>" : ""}</Properties>`;
  }
  const wbRels: Array<readonly [string, string, string]> = wb.sheets.map(
    (_, i) => [`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`] as const,
  );
  if (wb.sharedStrings) wbRels.push(["rIdS", "sharedStrings", "sharedStrings.xml"]);
  wbRels.push(...(wb.workbookRels ?? []));
  parts["xl/_rels/workbook.xml.rels"] = rels(wbRels);
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `${excel ? '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>' : ""}${wb.workbookPr ?? '<workbookPr defaultThemeVersion="164011"/>'}<bookViews><workbookView/></bookViews><sheets>${wb.sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join(
        "",
      )}</sheets>${wb.names ? `<definedNames>${wb.names}</definedNames>` : ""}${wb.calcPr === undefined ? '<calcPr calcId="191029"/>' : (wb.calcPr ?? "")}</workbook>`;
  if (wb.sharedStrings) {
    parts["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${wb.sharedStrings.length}" uniqueCount="${wb.sharedStrings.length}">${wb.sharedStrings
        .map((s) => `<si><t>${esc(s)}</t></si>`)
        .join("")}</sst>`;
  }
  wb.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${s.data}</sheetData>${s.after ?? ""}</worksheet>`;
    if (s.rels?.length) parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = rels(s.rels);
  });
  Object.assign(parts, wb.parts ?? {});
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(parts))
    files[name] = typeof content === "string" ? strToU8(content) : content;
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date(2026, 0, 1) }));
}

export function writeWorkbookFile(file: string, wb: TestWorkbook): void {
  writeFileSync(file, zipParts(workbookParts(wb)));
}

/** Every entry of a zip file, decompressed, by name, in order. */
export function entries(file: string): Record<string, Buffer> {
  const raw = unzipSync(readFileSync(file));
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Buffer.from(v)]));
}

export function entryText(file: string, name: string): string {
  return entries(file)[name].toString("utf8");
}

/** A cell as Excel stores it: `c("B2", "_xldudf_NL_KIA(2025,A2)")`, `v("A1", 5)`, `s("A1", "tekst")`. */
export const f = (ref: string, formula: string, attrs = "") => `<c r="${ref}"${attrs}><f>${esc(formula)}</f></c>`;
export const v = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;
export const s = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
export const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;

/** The sheet XML with the cached results of the given cells taken out, to compare what else there is. */
export function withoutResults(xml: string, cells: readonly string[]): string {
  let out = xml;
  for (const ref of cells) {
    out = out.replace(
      new RegExp(`(<(?:\\w+:)?c r="${ref}")([^>]*?)( t="[^"]*")?([^>]*>)(.*?)(</(?:\\w+:)?c>)`),
      (_m, open, a, _t, b, inner: string, close) => {
        const body = inner.replace(/<(\w+:)?v>[^<]*<\/(\w+:)?v>|<(\w+:)?v\/>/, "");
        return `${open}${a}${b.replace(/ t="[^"]*"/, "")}${body}${close}`;
      },
    );
  }
  return out;
}

/** An entry of a zip made by hand: its own bytes, or the bytes of an earlier entry (by index) shared. */
export type RawEntry =
  { readonly name: string; readonly data: Buffer } | { readonly name: string; readonly sameAs: number };

/**
 * A zip of stored (uncompressed) entries written byte by byte, so that a test can make what no zip
 * library writes: one name twice, or several entries whose central directory records point at the
 * same bytes. With `deflate` the entries are compressed (zlib level 1: fast for parts of hundreds
 * of MB, which fflate builds far more slowly).
 */
export function storedZip(list: readonly RawEntry[], { deflate = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const placed: Array<{ offset: number; crc: number; size: number; packed: number }> = [];
  let offset = 0;
  for (const entry of list) {
    if ("sameAs" in entry) {
      placed.push(placed[entry.sameAs]);
      continue;
    }
    const name = Buffer.from(entry.name);
    const header = Buffer.alloc(30);
    const crc = zlibCrc32(entry.data) >>> 0;
    const bytes = deflate ? deflateRawSync(entry.data, { level: 1 }) : entry.data;
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(deflate ? 8 : 0, 8);
    header.writeUInt16LE(0x21, 12); // 1 January 1980
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(bytes.length, 18);
    header.writeUInt32LE(entry.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    locals.push(header, name, bytes);
    placed.push({ offset, crc, size: entry.data.length, packed: bytes.length });
    offset += header.length + name.length + bytes.length;
  }
  const central: Buffer[] = [];
  list.forEach((entry, i) => {
    const name = Buffer.from(entry.name);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(deflate ? 8 : 0, 10);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(placed[i].crc, 16);
    record.writeUInt32LE(placed[i].packed, 20);
    record.writeUInt32LE(placed[i].size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(placed[i].offset, 42);
    central.push(record, name);
  });
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(list.length, 8);
  end.writeUInt16LE(list.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A workbook's parts as the entries of storedZip. */
export function rawEntries(parts: Record<string, string | Uint8Array>): Array<{ name: string; data: Buffer }> {
  return Object.entries(parts).map(([name, content]) => ({ name, data: Buffer.from(content) }));
}
