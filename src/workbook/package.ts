/**
 * THE workbook reader: an .xlsx/.xlsm package read as it is. The zip's central directory, then
 * the parts a calculation needs, streamed through saxes: the workbook (sheets, defined names,
 * calculation settings), the shared strings, every worksheet's cells with their formulas, and
 * the tables. Nothing is built into an object model of the whole file and nothing is changed;
 * every other part stays in the zip untouched. Recalculation and the audit both read through here.
 */
import { basename, extname } from "path";
import { a1, Area, MAX_COLUMNS, MAX_ROWS, parseA1, parseRange } from "./address";
import { refuse, WorkbookError } from "./errors";
import { FileIdentity, ReadFile, readRegularFile } from "./files";
import { EXCEL_ERRORS, OTHER_ERRORS } from "./formula/ast";
import { CellValue, errorValue } from "./values";
import { decodeXml, PartEncoding, PartText } from "./partText";
import { parseXml, prefixedAttribute, XmlHandlers, XmlProblem } from "./xml";
import { inflateEntry, LIMITS, looksLikeBomb, partKey, readZipEntries, ZipDamage, ZipEntry, ZipProblem } from "./zip";

export type FormulaKind = "normal" | "shared" | "array" | "dataTable";

/** A formula as stored on a cell. */
export interface StoredFormula {
  readonly kind: FormulaKind;
  /** The text of the `<f>` element; empty for the other cells of a shared formula. */
  readonly text: string;
  /** Shared formulas: the group index. */
  readonly si: string | undefined;
  /** Array formulas (and the master of a shared one): the area it covers. */
  readonly ref: string | undefined;
  /** A dynamic-array formula (Excel 365 spill) rather than a legacy array formula. */
  readonly dynamic: boolean;
}

/**
 * One `<c>` element: what it holds. Where it is in the sheet text (only the writer needs that) is
 * kept beside the records, in the sheet's SheetCells (see CellLayout): a sheet may hold a million cells.
 */
export interface CellRecord {
  /** The cell's number in its sheet (0, 1, 2 ... in document order): an index for callers' own arrays. */
  readonly ordinal: number;
  readonly row: number;
  readonly col: number;
  /** The `t` attribute as stored. */
  readonly type: string | undefined;
  /** The value Excel stored (for a formula: its cached result). */
  value: CellValue;
  readonly formula: StoredFormula | undefined;
}

/** Where a `<c>` element is in the sheet text. */
export interface CellLayout {
  /** Index of the cell's `<` and of the end of its start tag. */
  readonly start: number;
  readonly tagEnd: number;
  /** Index after the whole element. */
  readonly end: number;
  readonly selfClosing: boolean;
  /** The `<v>` element (start of `<`, end after `>`), or -1 when there is none. */
  readonly vStart: number;
  readonly vEnd: number;
  /** Where the `<v>` content starts and ends. */
  readonly vTextStart: number;
  readonly vTextEnd: number;
  /** Index after the `<f>` element, or -1. */
  readonly fEnd: number;
}

export interface TableColumn {
  readonly name: string;
}

export interface TableInfo {
  readonly name: string;
  readonly displayName: string;
  readonly sheet: number;
  readonly area: Area;
  readonly headerRows: number;
  readonly totalsRows: number;
  readonly columns: readonly TableColumn[];
}

export interface DefinedName {
  readonly name: string;
  /** The sheet index a sheet-scoped name belongs to; null for a workbook-wide name. */
  readonly sheet: number | null;
  readonly formula: string;
}

export interface SharedFormulaMaster {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

export interface ArrayFormulaArea {
  readonly master: CellRecord;
  readonly area: Area;
}

/** The numbers a CellLayout is kept in, and the cells a chunk of them holds (2^14: 0,6 MB a chunk). */
const LAYOUT = 9;
const CHUNK_BITS = 14;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

const NO_LAYOUT: CellLayout = {
  start: -1,
  tagEnd: -1,
  end: -1,
  selfClosing: false,
  vStart: -1,
  vEnd: -1,
  vTextStart: -1,
  vTextEnd: -1,
  fEnd: -1,
};

/** The cells of one worksheet, by position: per row, sorted by column. */
export class SheetCells {
  private sortedRows: number[] | null = null;
  private readonly rows = new Map<number, CellRecord[]>();
  private count = 0;
  private issued = 0;
  private lastRow = 0;
  private lastCells: CellRecord[] | undefined;
  private otherRow = 0;
  private otherCells: CellRecord[] | undefined;

  /** The layouts by ordinal, LAYOUT numbers each (-1 where none was set), 2^CHUNK_BITS cells a chunk. */
  private readonly layouts: Int32Array[] = [];

  /** The ordinal the next cell gets. */
  nextOrdinal(): number {
    return this.issued++;
  }

  /** Where the element of the cell with this ordinal is in the sheet text (the reader sets it as it reads). */
  setLayout(ordinal: number, layout: CellLayout): void {
    const chunk = ordinal >> CHUNK_BITS;
    while (this.layouts.length <= chunk) this.layouts.push(new Int32Array(LAYOUT << CHUNK_BITS).fill(-1));
    const l = this.layouts[chunk];
    const at = (ordinal & CHUNK_MASK) * LAYOUT;
    l[at] = layout.start;
    l[at + 1] = layout.tagEnd;
    l[at + 2] = layout.end;
    l[at + 3] = layout.selfClosing ? 1 : 0;
    l[at + 4] = layout.vStart;
    l[at + 5] = layout.vEnd;
    l[at + 6] = layout.vTextStart;
    l[at + 7] = layout.vTextEnd;
    l[at + 8] = layout.fEnd;
  }

  /** Where a cell's element is in the sheet text. */
  layout(cell: CellRecord): CellLayout {
    const l = this.layouts[cell.ordinal >> CHUNK_BITS];
    if (!l) return NO_LAYOUT;
    const at = (cell.ordinal & CHUNK_MASK) * LAYOUT;
    return {
      start: l[at],
      tagEnd: l[at + 1],
      end: l[at + 2],
      selfClosing: l[at + 3] === 1,
      vStart: l[at + 4],
      vEnd: l[at + 5],
      vTextStart: l[at + 6],
      vTextEnd: l[at + 7],
      fEnd: l[at + 8],
    };
  }

  /** Whether the cell's element has a `<v>` (a cached value, even an empty one). */
  hasValueElement(cell: CellRecord): boolean {
    const l = this.layouts[cell.ordinal >> CHUNK_BITS];
    return l !== undefined && l[(cell.ordinal & CHUNK_MASK) * LAYOUT + 4] >= 0;
  }

  /** One more than the highest ordinal: the length of an array indexed by ordinal. */
  get capacity(): number {
    return this.issued;
  }

  /** Stores a cell; false (and nothing stored) when the sheet already has a cell at that place. */
  add(cell: CellRecord): boolean {
    // Cells come row by row: the row of the cell before is the one looked for most of the time
    // (the row at hand is always the row's own list: rows are never replaced, only added to).
    let row = this.lastRow === cell.row ? this.lastCells : this.rows.get(cell.row);
    if (!row) {
      row = [];
      this.rows.set(cell.row, row);
      this.sortedRows = null;
    }
    this.lastRow = cell.row;
    this.lastCells = row;
    const last = row[row.length - 1];
    if (!last || last.col < cell.col) {
      row.push(cell);
      this.count++;
      return true;
    }
    // Out of column order, or a duplicate: the place by binary search.
    let lo = 0;
    let hi = row.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (row[mid].col < cell.col) lo = mid + 1;
      else hi = mid;
    }
    if (row[lo]?.col === cell.col) return false;
    row.splice(lo, 0, cell);
    this.count++;
    return true;
  }

  get(row: number, col: number): CellRecord | undefined {
    // A formula mostly reads cells of its own row and of one other (a year cell at the top, say):
    // the last two rows asked for are kept at hand.
    let cells = this.lastCells;
    if (this.lastRow !== row) {
      if (this.otherRow === row) cells = this.otherCells;
      else {
        cells = this.rows.get(row);
        if (!cells) return undefined;
      }
      this.otherRow = this.lastRow;
      this.otherCells = this.lastCells;
      this.lastRow = row;
      this.lastCells = cells;
    }
    if (!cells) return undefined;
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid].col;
      if (c === col) return cells[mid];
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  get size(): number {
    return this.count;
  }

  /** Every cell, in document order (an array: iterating a generator would cost an object per cell). */
  values(): readonly CellRecord[] {
    const all: CellRecord[] = new Array(this.count);
    let i = 0;
    for (const cells of this.rows.values()) for (const cell of cells) all[i++] = cell;
    all.length = i;
    return all;
  }

  /**
   * The last row and the last column that hold a cell (0 for an empty sheet): what lies beyond is
   * empty, however far a formula's range reaches. One pass over the rows, not the cells.
   */
  usedExtent(): { readonly lastRow: number; readonly lastCol: number } {
    let lastRow = 0;
    let lastCol = 0;
    for (const [row, cells] of this.rows) {
      if (cells.length === 0) continue;
      if (row > lastRow) lastRow = row;
      const col = cells[cells.length - 1].col;
      if (col > lastCol) lastCol = col;
    }
    return { lastRow, lastCol };
  }

  /** Every stored cell inside the area, row by row. */
  forEachIn(area: Area, fn: (cell: CellRecord) => void): void {
    if (!this.sortedRows) this.sortedRows = [...this.rows.keys()].sort((a, b) => a - b);
    const rows = this.sortedRows;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < area.r1) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < rows.length && rows[i] <= area.r2; i++) {
      for (const cell of this.rows.get(rows[i])!) {
        if (cell.col > area.c2) break;
        if (cell.col >= area.c1) fn(cell);
      }
    }
  }
}

export interface SheetInfo {
  readonly index: number;
  readonly name: string;
  readonly entry: ZipEntry;
  /** The sheet XML, and the way back to its bytes; kept for sheets with formulas (the writer edits it). */
  readonly part: PartText | null;
  readonly encoding: PartEncoding;
  readonly cells: SheetCells;
  readonly sharedMasters: ReadonlyMap<string, SharedFormulaMaster>;
  readonly arrays: readonly ArrayFormulaArea[];
  readonly formulaCount: number;
}

/** The calculation settings element of the workbook part, for the writer. */
export interface CalcPrPosition {
  /** The `<calcPr>` element, or null when there is none. */
  readonly element: { readonly start: number; readonly tagEnd: number; readonly selfClosing: boolean } | null;
  /** Where a `<calcPr/>` would go when there is none. */
  readonly insertAt: number;
}

/**
 * What the file says about the program that wrote it, as stored (nothing judged here): the
 * recalculation uses it to decide whether the cached formula results are Excel's.
 */
export interface WorkbookOrigin {
  /** `<Application>` of docProps/app.xml ("Microsoft Excel", "LibreOffice/7.4…", "SheetJS"); null without one. */
  readonly application: string | null;
  /** `<AppVersion>` of docProps/app.xml ("16.0300"); null without one. */
  readonly appVersion: string | null;
  /** The `appName` of the workbook's `<fileVersion>` ("xl" for Excel, "Calc" for LibreOffice); null without one. */
  readonly fileVersionApp: string | null;
  /** The attributes of `<calcPr>` (fullCalcOnLoad, calcMode, calcOnSave …); null without the element. */
  readonly calcPr: Readonly<Record<string, string>> | null;
  /** The zip holds entries for folders ("xl/"), which Excel never writes. */
  readonly folderEntries: boolean;
  /** The name of the zip's first entry (Excel's is always `[Content_Types].xml`). */
  readonly firstEntry: string | null;
}

export interface WorkbookPackage {
  /** The file as given (for messages). */
  readonly file: string;
  /**
   * The file as it was read: an output must not be it, and --in-place replaces it only while it is
   * unchanged. Null for a package made in memory.
   */
  readonly identity: FileIdentity | null;
  readonly data: Buffer;
  readonly entries: readonly ZipEntry[];
  readonly workbookEntry: ZipEntry;
  /** The workbook part (the writer may set `fullCalcOnLoad` in it). */
  readonly workbookPart: PartText;
  readonly sheets: readonly SheetInfo[];
  /** Chart sheets, dialog and macro sheets: they exist for references but hold no cells here. */
  readonly otherSheets: readonly string[];
  readonly names: readonly DefinedName[];
  readonly tables: readonly TableInfo[];
  readonly date1904: boolean;
  readonly calcPr: CalcPrPosition;
  readonly origin: WorkbookOrigin;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

class PackageReader {
  private readonly byKey = new Map<string, ZipEntry>();
  private readBytes = 0;

  constructor(
    readonly file: string,
    readonly data: Buffer,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) if (!this.byKey.has(entry.key)) this.byKey.set(entry.key, entry);
  }

  fail(what: string): WorkbookError {
    return refuse(basename(this.file), what);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byKey.get(partKey(part));
  }

  text(entry: ZipEntry): PartText {
    this.readBytes += entry.uncompressedSize;
    if (this.readBytes > LIMITS.totalBytes) {
      throw this.fail(`de onderdelen pakken samen uit tot meer dan ${LIMITS.totalBytes} bytes (een zip-bom?)`);
    }
    try {
      return decodeXml(inflateEntry(this.data, entry));
    } catch (error) {
      if (error instanceof ZipProblem) throw this.fail(error.message);
      throw error;
    }
  }

  parse(entry: ZipEntry, text: string, handlers: Parameters<typeof parseXml>[1]): void {
    try {
      parseXml(text, handlers);
    } catch (error) {
      if (error instanceof XmlProblem) throw this.fail(`onderdeel ${entry.name} ${error.message}`);
      throw error;
    }
  }

  relationships(part: string): Relationship[] {
    const slash = part.lastIndexOf("/");
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    const entry = this.entry(relsPart);
    if (!entry) return [];
    const { text } = this.text(entry);
    const rels: Relationship[] = [];
    this.parse(entry, text, {
      open: (name, attrs) => {
        if (name !== "Relationship") return;
        rels.push({
          id: attrs.Id ?? "",
          type: attrs.Type ?? "",
          target: attrs.Target ?? "",
          external: (attrs.TargetMode ?? "").toLowerCase() === "external",
        });
      },
    });
    return rels;
  }
}

/** A relationship target as a part name, relative to the folder of the part that points to it. */
export function resolveTarget(source: string, target: string): string {
  const clean = target.replace(/\\/g, "/");
  const base = clean.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of clean.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

const isType = (rel: Relationship, suffix: string) => rel.type.endsWith(`/${suffix}`);

function readSharedStrings(reader: PackageReader, part: string | undefined): string[] {
  if (!part) return [];
  const entry = reader.entry(part);
  if (!entry) return [];
  const { text } = reader.text(entry);
  let strings: string[] = [];
  // Fresh state for each reading (the part can be big: read in one pass, saxes may take over).
  reader.parse(entry, text, () => {
    const read: string[] = (strings = []);
    let current: string | null = null;
    let inT = false;
    let phonetic = 0;
    return {
      open: (name, _attrs, _s, _e, selfClosing) => {
        if (name === "si") current = selfClosing ? null : "";
        else if (name === "rPh") phonetic += selfClosing ? 0 : 1;
        else if (name === "t" && !selfClosing && phonetic === 0) inT = true;
        if (name === "si" && selfClosing) read.push("");
      },
      close: (name) => {
        if (name === "t") inT = false;
        else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
        else if (name === "si" && current !== null) {
          read.push(decodeEscapes(current));
          current = null;
        }
      },
      text: (t) => {
        if (inT && current !== null) current += t;
      },
    };
  });
  return strings;
}

/** Excel writes control characters (and a literal `_xHHHH_`) in text as `_xHHHH_`. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ERROR_CODES = new Set<string>([...EXCEL_ERRORS, ...OTHER_ERRORS]);

/** An ISO date (`t="d"`) as a serial number in the workbook's date system. */
function isoDateSerial(text: string, date1904: boolean): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (ms - epoch) / 86400000;
}

function cellValue(
  type: string | undefined,
  v: string | null,
  inline: string | null,
  strings: string[],
  date1904: boolean,
): CellValue {
  switch (type) {
    case "s": {
      if (v === null) return null;
      const s = strings[Number(v)];
      return s === undefined ? "" : s;
    }
    case "str":
      return decodeEscapes(v ?? "");
    case "inlineStr":
      return decodeEscapes(inline ?? v ?? "");
    case "b":
      return v === null ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return v === null ? null : errorValue(ERROR_CODES.has(v.trim()) ? v.trim() : "#VALUE!");
    case "d":
      return v === null ? null : isoDateSerial(v.trim(), date1904);
    default: {
      if (v === null || v.trim() === "") return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

function readSheet(
  reader: PackageReader,
  index: number,
  name: string,
  entry: ZipEntry,
  strings: string[],
  date1904: boolean,
): SheetInfo {
  const part = reader.text(entry);
  const text = part.text;
  let read: SheetRead | null = null;
  // Fresh state for each reading: the fast path may hand over to saxes halfway.
  reader.parse(entry, text, () => (read = sheetRead(reader, index, name, strings, date1904)).handlers);
  const { cells, sharedMasters, arrays, formulaCount } = read!;
  return {
    index,
    name,
    entry,
    part: formulaCount > 0 ? part : null,
    encoding: part.encoding,
    cells,
    sharedMasters,
    arrays,
    formulaCount,
  };
}

interface SheetRead {
  readonly handlers: XmlHandlers;
  readonly cells: SheetCells;
  readonly sharedMasters: Map<string, SharedFormulaMaster>;
  readonly arrays: ArrayFormulaArea[];
  formulaCount: number;
}

/** The handlers that read a worksheet's cells, and what they collect. */
function sheetRead(
  reader: PackageReader,
  index: number,
  name: string,
  strings: string[],
  date1904: boolean,
): SheetRead {
  const cells = new SheetCells();
  const sharedMasters = new Map<string, SharedFormulaMaster>();
  const arrays: ArrayFormulaArea[] = [];

  let inSheetData = false;
  let rowNumber = 0;
  let colNumber = 0;
  // The cell being read (in variables, not an object: a sheet may hold a million cells).
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType: string | undefined;
  let cStart = 0;
  let cTagEnd = 0;
  let cSelfClosing = false;
  let cDynamic = false;
  let v: string | null = null;
  let vStart = -1;
  let vEnd = -1;
  let vTextStart = -1;
  let vTextEnd = -1;
  let fEnd = -1;
  let fAttrs: Record<string, string> | null = null;
  let fText = "";
  let inline: string | null = null;
  let inIs = false;
  let phonetic = 0;
  let collect: "v" | "f" | "t" | null = null;

  // The layout of the cell being finished, handed to the store (one object for all cells).
  const layout: { -readonly [K in keyof CellLayout]: CellLayout[K] } = { ...NO_LAYOUT };
  const finish = (end: number) => {
    let formula: StoredFormula | undefined;
    if (fAttrs) {
      result.formulaCount++;
      const kind = (fAttrs.t as FormulaKind | undefined) ?? "normal";
      formula = {
        kind: kind === "shared" || kind === "array" || kind === "dataTable" ? kind : "normal",
        text: fText,
        si: fAttrs.si,
        ref: fAttrs.ref,
        dynamic: cDynamic,
      };
      if (
        formula.kind === "shared" &&
        formula.si !== undefined &&
        fText.trim() !== "" &&
        !sharedMasters.has(formula.si)
      ) {
        sharedMasters.set(formula.si, { text: fText, row: cRow, col: cCol });
      }
    }
    // One shape for every record (no optional fields): V8 keeps them compact and fast.
    const record: CellRecord = {
      ordinal: cells.nextOrdinal(),
      row: cRow,
      col: cCol,
      type: cType,
      value: cellValue(cType, v, inline, strings, date1904),
      formula,
    };
    layout.start = cStart;
    layout.tagEnd = cTagEnd;
    layout.end = end;
    layout.selfClosing = cSelfClosing;
    layout.vStart = vStart;
    layout.vEnd = vEnd;
    layout.vTextStart = vTextStart;
    layout.vTextEnd = vTextEnd;
    layout.fEnd = fEnd;
    cells.setLayout(record.ordinal, layout);
    if (!cells.add(record)) {
      // Readers differ in which of the two they take (LibreOffice, openpyxl and ExcelJS the last),
      // and a recalculation would give one the new result and leave the other stale.
      throw reader.fail(
        `blad '${name}' heeft cel ${a1(cRow, cCol)} twee keer; welke van de twee geldt, verschilt per programma. Het bestand is beschadigd: open het in Excel en sla het opnieuw op.`,
      );
    }
    if (formula?.kind === "array" && formula.ref) {
      const area = parseRange(formula.ref, index);
      if (area) arrays.push({ master: record, area });
    }
    inCell = false;
  };

  const handlers: XmlHandlers = {
    open: (tag, attrs, start, end, selfClosing) => {
      if (!inSheetData) {
        if (tag === "sheetData") inSheetData = !selfClosing;
        return;
      }
      switch (tag) {
        case "row": {
          const r = attrs.r !== undefined ? Number(attrs.r) : rowNumber + 1;
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS) {
            throw reader.fail(
              `blad '${name}' heeft een rij buiten het blad (rij ${attrs.r}; Excel kent er ${MAX_ROWS})`,
            );
          }
          rowNumber = r;
          colNumber = 0;
          return;
        }
        case "c": {
          let row = rowNumber;
          let col = colNumber + 1;
          if (attrs.r !== undefined) {
            const at = parseA1(attrs.r.trim());
            if (!at) throw reader.fail(`blad '${name}' heeft een onleesbare celverwijzing '${attrs.r}'`);
            row = at.row;
            col = at.col;
          }
          if (row < 1 || row > MAX_ROWS || col < 1 || col > MAX_COLUMNS) {
            throw reader.fail(
              `blad '${name}' heeft een cel buiten het blad (${attrs.r ?? a1(row, col)}; het laatste is XFD1048576)`,
            );
          }
          colNumber = col;
          inCell = true;
          cRow = row;
          cCol = col;
          cType = attrs.t;
          cStart = start;
          cTagEnd = end;
          cSelfClosing = selfClosing;
          cDynamic = attrs.cm !== undefined && attrs.cm !== "0";
          v = null;
          vStart = vEnd = vTextStart = vTextEnd = fEnd = -1;
          fAttrs = null;
          fText = "";
          inline = null;
          inIs = false;
          phonetic = 0;
          if (selfClosing) finish(end);
          return;
        }
        case "v":
          if (!inCell) return;
          vStart = start;
          vTextStart = end;
          if (selfClosing) {
            vEnd = end;
            vTextEnd = end;
            v = "";
          } else {
            collect = "v";
            v = "";
          }
          return;
        case "f":
          if (!inCell) return;
          fAttrs = attrs as Record<string, string>;
          if (selfClosing) fEnd = end;
          else collect = "f";
          return;
        case "is":
          if (inCell && !selfClosing) {
            inIs = true;
            inline = "";
          }
          return;
        case "rPh":
          if (inIs && !selfClosing) phonetic++;
          return;
        case "t":
          if (inIs && phonetic === 0 && !selfClosing) collect = "t";
          return;
      }
    },
    close: (tag, start, end) => {
      if (!inSheetData) return;
      switch (tag) {
        case "sheetData":
          inSheetData = false;
          return;
        case "v":
          if (collect === "v") {
            collect = null;
            vEnd = end;
            vTextEnd = start;
          }
          return;
        case "f":
          if (collect === "f") collect = null;
          if (inCell) fEnd = end;
          return;
        case "t":
          if (collect === "t") collect = null;
          return;
        case "rPh":
          if (phonetic > 0) phonetic--;
          return;
        case "is":
          inIs = false;
          return;
        case "c":
          if (inCell && !cSelfClosing) finish(end);
          return;
      }
    },
    text: (t) => {
      if (collect === "v") v += t;
      else if (collect === "f") fText += t;
      else if (collect === "t" && inline !== null) inline += t;
    },
  };
  const result: SheetRead = { handlers, cells, sharedMasters, arrays, formulaCount: 0 };
  return result;
}

function readTable(reader: PackageReader, part: string, sheet: number): TableInfo | null {
  const entry = reader.entry(part);
  if (!entry) return null;
  const { text } = reader.text(entry);
  let info: Omit<TableInfo, "columns"> | null = null;
  const columns: TableColumn[] = [];
  reader.parse(entry, text, {
    open: (name, attrs) => {
      if (name === "table") {
        const area = parseRange(attrs.ref ?? "", sheet);
        if (!area) return;
        info = {
          name: attrs.name ?? attrs.displayName ?? "",
          displayName: attrs.displayName ?? attrs.name ?? "",
          sheet,
          area,
          headerRows: attrs.headerRowCount !== undefined ? Number(attrs.headerRowCount) : 1,
          totalsRows: attrs.totalsRowCount !== undefined ? Number(attrs.totalsRowCount) : 0,
        };
      } else if (name === "tableColumn") columns.push({ name: decodeEscapes(attrs.name ?? "") }); // a line break is _x000a_
    },
  });
  return info ? { ...(info as Omit<TableInfo, "columns">), columns } : null;
}

/** What to do with a spreadsheet in another format, by its extension. */
const CONVERT_HINT: Readonly<Record<string, string>> = {
  ".xls": "; sla een oud .xls-bestand op als .xlsx",
  ".xlsb": "; sla een binaire .xlsb-werkmap in Excel op als .xlsx",
  ".ods": "; sla een OpenDocument-rekenblad in LibreOffice op als .xlsx",
  ".csv": "; open het in Excel en sla het op als .xlsx",
};

/** The file's bytes: a regular file only, and no more than a workbook may hold. */
function loadFile(file: string): Promise<ReadFile> {
  return readRegularFile(
    file,
    LIMITS.fileBytes,
    `het bestand is groter dan ${LIMITS.fileBytes / 1024 / 1024} MB; zo'n werkmap leest NL Aftrek niet.`,
  );
}

/** Opens a workbook for reading. A WorkbookError (Dutch, naming the file) when it is not one. */
export async function openWorkbook(file: string): Promise<WorkbookPackage> {
  const ext = extname(file).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm") {
    throw refuse(basename(file), `geen Excel-werkmap (.xlsx of .xlsm)${CONVERT_HINT[ext] ?? ""}.`);
  }
  const { data, identity } = await loadFile(file);
  return readWorkbook(file, data, identity);
}

/**
 * Reads a workbook from its bytes (`file` names it in messages). `identity` is the file it was read
 * from; null for a package made in memory, before it is written.
 */
export async function readWorkbook(
  file: string,
  data: Buffer,
  identity: FileIdentity | null = null,
): Promise<WorkbookPackage> {
  const name = basename(file);
  const head = data.subarray(0, 4);
  if (head.equals(OLE_MAGIC)) {
    throw refuse(
      name,
      "is met een wachtwoord beveiligd (versleuteld) of is een oud .xls-bestand; sla het op als .xlsx zonder wachtwoord.",
    );
  }
  if (!head.equals(ZIP_MAGIC) && !head.equals(EMPTY_ZIP)) {
    throw refuse(name, data.length === 0 ? "het bestand is leeg." : "is geen geldige werkmap (geen zip-bestand).");
  }
  let entries: ZipEntry[];
  try {
    entries = await readZipEntries(data);
  } catch (error) {
    if (error instanceof ZipDamage) throw refuse(name, `is beschadigd: ${error.message}.`);
    if (error instanceof ZipProblem) {
      throw refuse(
        name,
        `is beschadigd of onvolledig (het zip-bestand is niet te lezen: ${zipMessage(error.message)}).`,
      );
    }
    throw error;
  }
  if (entries.some((e) => e.encrypted))
    throw refuse(name, "bevat versleutelde onderdelen; die kan NL Aftrek niet lezen.");
  // Also an entry that is never read: a zip bomb is no healthy workbook.
  const bomb = entries.find(looksLikeBomb);
  if (bomb)
    throw refuse(
      name,
      `onderdeel ${bomb.name} pakt uit tot ${bomb.uncompressedSize} bytes uit ${bomb.compressedSize} (een zip-bom).`,
    );
  return readPackage(new PackageReader(file, data, entries), identity);
}

function zipMessage(message: string): string {
  if (/end of central directory/i.test(message)) return "het einde ontbreekt, het bestand is afgebroken";
  if (/afgebroken/.test(message)) return "het bestand is afgebroken";
  if (/invalid|signature|bad/i.test(message)) return "ongeldige opbouw";
  if (/multi-disk/i.test(message)) return "verdeeld over meerdere delen";
  return "ongeldige opbouw";
}

/** What a zip package without a workbook part is, as far as its parts tell (for the message). */
function whatElse(reader: PackageReader, workbookPart: string): string {
  const mimetype = reader.entry("mimetype");
  if (mimetype || reader.entry("content.xml")) {
    const type = mimetype ? reader.text(mimetype).text.trim().slice(0, 80) : "";
    if (type === "application/vnd.oasis.opendocument.spreadsheet" || !type)
      return "het is een OpenDocument-rekenblad (.ods); sla het in LibreOffice op als Excel-werkmap (.xlsx)";
    return type.startsWith("application/vnd.oasis.opendocument.")
      ? `het is een ander OpenDocument-bestand (${type})`
      : `het is een bestand van het soort ${type}`;
  }
  if (reader.entry("word/document.xml")) return "het is een Word-document (.docx)";
  if (reader.entry("ppt/presentation.xml")) return "het is een PowerPoint-presentatie (.pptx)";
  return `het werkmaponderdeel ${workbookPart} ontbreekt`;
}

function readPackage(reader: PackageReader, identity: FileIdentity | null): WorkbookPackage {
  const root = reader.relationships("");
  const main = root.find((r) => isType(r, "officeDocument") && !r.external);
  const workbookPart = main ? resolveTarget("", main.target) : "xl/workbook.xml";
  const workbookEntry = reader.entry(workbookPart);
  if (!workbookEntry) throw reader.fail(`is geen Excel-werkmap (${whatElse(reader, workbookPart)}).`);
  if (/\.bin$/i.test(workbookPart)) {
    throw reader.fail("is een binaire Excel-werkmap (.xlsb); sla die in Excel op als .xlsx of .xlsm.");
  }
  const workbookXml = reader.text(workbookEntry);
  const workbookText = workbookXml.text;

  const sheetRefs: { name: string; rid: string }[] = [];
  const rawNames: { name: string; localSheetId: number | null; formula: string }[] = [];
  let date1904 = false;
  let calcElement: CalcPrPosition["element"] = null;
  let calcAttributes: Record<string, string> | null = null;
  let fileVersionApp: string | null = null;
  let insertAt = -1;
  let currentName: { name: string; localSheetId: number | null; formula: string } | null = null;
  let rootSeen = false;
  reader.parse(workbookEntry, workbookText, {
    open: (tag, attrs, start, end, selfClosing) => {
      if (!rootSeen) {
        rootSeen = true;
        if (tag !== "workbook") throw reader.fail("is geen Excel-werkmap (het werkmaponderdeel is iets anders).");
      }
      if (tag === "sheet")
        sheetRefs.push({ name: attrs.name ?? "", rid: prefixedAttribute(attrs, "id") ?? attrs.id ?? "" });
      else if (tag === "workbookPr") date1904 = attrs.date1904 === "1" || attrs.date1904 === "true";
      else if (tag === "definedName") {
        const local = attrs.localSheetId !== undefined ? Number(attrs.localSheetId) : null;
        currentName = { name: attrs.name ?? "", localSheetId: Number.isInteger(local) ? local : null, formula: "" };
        if (selfClosing) {
          rawNames.push(currentName);
          currentName = null;
        }
      } else if (tag === "calcPr") {
        calcElement = { start, tagEnd: end, selfClosing };
        calcAttributes = { ...attrs };
      } else if (tag === "fileVersion") fileVersionApp = attrs.appName ?? "";
      if (selfClosing && ["sheets", "functionGroups", "externalReferences", "definedNames"].includes(tag))
        insertAt = end;
    },
    close: (tag, _start, end) => {
      if (tag === "definedName" && currentName) {
        rawNames.push(currentName);
        currentName = null;
      }
      if (["sheets", "functionGroups", "externalReferences", "definedNames"].includes(tag)) insertAt = end;
    },
    text: (t) => {
      if (currentName) currentName.formula += t;
    },
  });
  if (insertAt < 0) throw reader.fail("is geen Excel-werkmap (de lijst met bladen ontbreekt).");

  const rels = reader.relationships(workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sst = rels.find((r) => isType(r, "sharedStrings") && !r.external);
  const strings = readSharedStrings(reader, sst ? resolveTarget(workbookPart, sst.target) : undefined);

  const sheets: SheetInfo[] = [];
  const otherSheets: string[] = [];
  const tables: TableInfo[] = [];
  sheetRefs.forEach((ref) => {
    const rel = relById.get(ref.rid);
    if (!rel || rel.external || !isType(rel, "worksheet")) {
      otherSheets.push(ref.name);
      return;
    }
    const part = resolveTarget(workbookPart, rel.target);
    const entry = reader.entry(part);
    if (!entry) throw reader.fail(`het blad '${ref.name}' ontbreekt in het bestand (${part}).`);
    const index = sheets.length;
    sheets.push(readSheet(reader, index, ref.name, entry, strings, date1904));
    for (const tableRel of reader.relationships(part)) {
      if (!isType(tableRel, "table") || tableRel.external) continue;
      const table = readTable(reader, resolveTarget(part, tableRel.target), index);
      if (table) tables.push(table);
    }
  });

  // localSheetId counts every sheet of the workbook (chart sheets too); map it to our worksheet index.
  const indexOfAll = sheetRefs.map((ref) => sheets.findIndex((s) => s.name === ref.name));
  const names: DefinedName[] = rawNames.map((n) => ({
    name: n.name,
    sheet: n.localSheetId === null ? null : (indexOfAll[n.localSheetId] ?? -1),
    formula: n.formula,
  }));

  return {
    file: reader.file,
    identity,
    data: reader.data,
    entries: reader.entries,
    workbookEntry,
    workbookPart: workbookXml,
    sheets,
    otherSheets,
    names,
    tables,
    date1904,
    calcPr: { element: calcElement, insertAt },
    origin: {
      ...readApplication(reader, root),
      fileVersionApp,
      calcPr: calcAttributes,
      folderEntries: reader.entries.some((e) => e.name.endsWith("/")),
      firstEntry: reader.entries[0]?.name ?? null,
    },
  };
}

/**
 * The program named in the extended properties (docProps/app.xml). Only told, never needed: a
 * part that cannot be read names no program, and the workbook is read as before.
 */
function readApplication(
  reader: PackageReader,
  root: readonly Relationship[],
): { application: string | null; appVersion: string | null } {
  const none = { application: null, appVersion: null };
  // Transitional spells the type extended-properties, Strict extendedProperties.
  const rel = root.find((r) => (isType(r, "extended-properties") || isType(r, "extendedProperties")) && !r.external);
  const entry = rel ? reader.entry(resolveTarget("", rel.target)) : undefined;
  if (!entry) return none;
  const found: Record<string, string> = {};
  let collecting: string | null = null;
  let depth = 0;
  try {
    reader.parse(entry, reader.text(entry).text, {
      open: (tag, _attrs, _start, _end, selfClosing) => {
        if (depth === 1 && (tag === "Application" || tag === "AppVersion") && !selfClosing) {
          collecting = tag;
          found[tag] = "";
        }
        if (!selfClosing) depth++;
      },
      close: () => {
        depth--;
        collecting = null;
      },
      text: (t) => {
        if (collecting) found[collecting] += t;
      },
    });
  } catch (error) {
    if (error instanceof WorkbookError) return none;
    throw error;
  }
  return { application: found.Application?.trim() ?? null, appVersion: found.AppVersion?.trim() ?? null };
}
