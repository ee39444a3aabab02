/**
 * The year each number of a workbook is meant for, and where that comes from. The most specific
 * source wins: the header of the number's column (a comparison of 2026 and 2027 checks each column
 * against its own year), a "Jaar" cell on its sheet, the sheet's title, the sheet's name, a "Jaar"
 * cell elsewhere in the workbook, the file's name.
 */
import { cellName, HeaderYear, SheetLayout, yearsIn } from "./layout";
import type { AuditSheet } from "./scan";

export type YearOrigin = "kolomkop" | "jaarcel" | "titel" | "bladnaam" | "bestandsnaam" | "opgegeven";

/** The year a cell's numbers are checked against. */
export interface YearSource {
  readonly year: number;
  readonly origin: YearOrigin;
  /** Where, in Dutch: `kolomkop Prognose!C3`, `jaarcel Invoer!B1`, `bestandsnaam klant 2026.xlsx`. */
  readonly where: string;
  /**
   * The cell that holds the year as a number, for a suggestion to refer to (a column header by a
   * reference that keeps its row and follows its column: C$3); null when the year is only text.
   */
  readonly ref: {
    readonly sheet: string;
    readonly row: number;
    readonly col: number;
    readonly followColumn: boolean;
  } | null;
}

/** A year the caller knows better than the workbook (the old option of auditSheets). */
export interface YearCell {
  readonly year: number;
  readonly ref: { readonly sheet: string; readonly row: number; readonly col: number } | null;
}

/** The one year a name holds ("IB 2026", "klant-2026.xlsx"), or null (none, or two). */
function yearOfName(name: string): number | null {
  const years = yearsIn(name);
  return years.length === 1 ? years[0] : null;
}

export class YearResolver {
  private readonly layouts = new Map<AuditSheet, SheetLayout>();
  private readonly workbookCell: YearSource | null = null;
  private readonly fileYear: YearSource | null = null;
  private readonly givenYear: YearSource | null = null;
  private readonly headers = new Map<HeaderYear, YearSource>();
  private readonly sheetYears = new Map<AuditSheet, YearSource | null>();

  constructor(
    sheets: readonly AuditSheet[],
    fileName: string | null,
    /** Given by the caller: every number is checked against it (null: against none). */
    private readonly given?: YearCell | null,
  ) {
    for (const sheet of sheets) {
      const layout = new SheetLayout(sheet);
      this.layouts.set(sheet, layout);
      if (!this.workbookCell && layout.yearCell) this.workbookCell = yearCellSource(sheet.name, layout.yearCell);
    }
    if (given) this.givenYear = givenSource(given);
    const fromFile = fileName === null ? null : yearOfName(fileName);
    if (fromFile !== null)
      this.fileYear = { year: fromFile, origin: "bestandsnaam", where: `bestandsnaam ${fileName}`, ref: null };
  }

  layout(sheet: AuditSheet): SheetLayout {
    let layout = this.layouts.get(sheet);
    if (!layout) this.layouts.set(sheet, (layout = new SheetLayout(sheet)));
    return layout;
  }

  /** Whether the cell holds a year this resolver reads (not a tax number). */
  isYearCell(sheet: AuditSheet, row: number, col: number): boolean {
    if (this.given !== undefined) {
      const r = this.given?.ref;
      return !!r && r.sheet === sheet.name && r.row === row && r.col === col;
    }
    const y = this.layout(sheet).yearCell;
    return !!y && y.row === row && y.col === col;
  }

  /** The year of the numbers in a cell, or null when nothing in the workbook says. */
  yearOf(sheet: AuditSheet, row: number, col: number): YearSource | null {
    if (this.given !== undefined) return this.givenYear;
    const layout = this.layout(sheet);
    const header = layout.columnYear(row, col);
    if (!header) return this.sheetYear(sheet, layout);
    // One object per header: a column of 300.000 findings shares it.
    let source = this.headers.get(header);
    if (!source) {
      source = {
        year: header.year,
        origin: "kolomkop",
        where: `kolomkop ${cellName(sheet.name, header.row, header.col)}`,
        ref: header.numeric ? { sheet: sheet.name, row: header.row, col: header.col, followColumn: true } : null,
      };
      this.headers.set(header, source);
    }
    return source;
  }

  /** The year of a sheet's numbers outside a column with a year header (worked out once per sheet). */
  private sheetYear(sheet: AuditSheet, layout: SheetLayout): YearSource | null {
    if (this.sheetYears.has(sheet)) return this.sheetYears.get(sheet)!;
    let source: YearSource | null;
    const fromName = yearOfName(sheet.name);
    if (layout.yearCell) source = yearCellSource(sheet.name, layout.yearCell);
    else if (layout.title) {
      source = {
        year: layout.title.year,
        origin: "titel",
        where: `titel ${cellName(sheet.name, layout.title.row, layout.title.col)} ("${layout.title.text.trim()}")`,
        ref: null,
      };
    } else if (fromName !== null)
      source = { year: fromName, origin: "bladnaam", where: `bladnaam '${sheet.name}'`, ref: null };
    else source = this.workbookCell ?? this.fileYear;
    this.sheetYears.set(sheet, source);
    return source;
  }
}

function yearCellSource(sheet: string, at: { row: number; col: number; year: number }): YearSource {
  return {
    year: at.year,
    origin: "jaarcel",
    where: `jaarcel ${cellName(sheet, at.row, at.col)}`,
    ref: { sheet, row: at.row, col: at.col, followColumn: false },
  };
}

function givenSource(given: YearCell): YearSource {
  return {
    year: given.year,
    origin: "opgegeven",
    where: given.ref ? `opgegeven cel ${cellName(given.ref.sheet, given.ref.row, given.ref.col)}` : "opgegeven jaar",
    ref: given.ref ? { ...given.ref, followColumn: false } : null,
  };
}
