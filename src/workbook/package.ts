/**
 * What a read workbook is: the package (WorkbookPackage) with its worksheets, their cells
 * (SheetCells, CellRecord, where each cell's element lies in the sheet text), defined names,
 * tables, calculation settings and what the file says of the program that wrote it.
 * workbookReader.ts builds it from a file; recalculation, the audit and the writer read it.
 */
import { Area } from "./address";
import { FileIdentity } from "./files";
import { PartEncoding, PartText } from "./partText";
import { CellValue } from "./values";
import { ZipEntry } from "./zip";

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

/** The layout of a cell whose element was never placed (every index -1). */
export const NO_LAYOUT: CellLayout = {
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
