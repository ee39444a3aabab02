/**
 * What surrounds a number on its sheet: the label of its row, the text above it, the year in the
 * header of its column, the sheet's year cell and title. Built in one pass over the sheet's cells,
 * so that each question about a cell is a lookup, not a walk up the column (a filled-down column
 * can have 300.000 findings).
 */
import { a1 } from "../workbook/address";
import { quoteSheet } from "../workbook/formula/print";
import type { AuditSheet } from "./scan";

/** A cell as the audit names it: `Blad1!B5`, `'Mijn blad'!B5` (quoted where Excel needs it). */
export function cellName(sheet: string, row: number, col: number): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : quoteSheet(sheet)}!${a1(row, col)}`;
}

/** How far to the left a row's label may stand: a label column and up to six year columns between. */
const LABEL_REACH = 8;
/** How far above a cell the header of its column may stand, for what it says about the unit (%). */
const HEADER_REACH = 30;

/** A label that says "the cell beside or below me is the year": Jaar, Belastingjaar, Boekjaar. */
const YEAR_LABEL = /^\s*(belasting|boek|aangifte)?jaar\s*:?\s*$/i;

/** A year as text, alone or with words, and no other digits ("2026", "Prognose 2026"). */
const YEAR_HEADER = /^[^\d]*(?<!\d)(20\d\d)(?!\d)[^\d]*$/;

const MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";
/** Dates in a text (31-12-2025, 1 januari 2026): their year is no year a sheet is about. */
const DATES = new RegExp(`\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d\\d|\\d{1,2}\\s+(?:${MONTHS})\\s+20\\d\\d`, "gi");

/** The distinct years 2000–2099 a text names, dates left out (a title, a sheet's or file's name). */
export function yearsIn(text: string): number[] {
  const years = new Set<number>();
  for (const m of text.replace(DATES, " ").matchAll(/(?<!\d)(20\d\d)(?!\d)/g)) years.add(Number(m[1]));
  return [...years];
}

const isYearNumber = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 2000 && v <= 2099;

/** A year in the header of a column: "2026" above the numbers of that year. */
export interface HeaderYear {
  readonly row: number;
  readonly col: number;
  readonly year: number;
  /** The header holds the year as a number (a formula can refer to it), not as text. */
  readonly numeric: boolean;
}

/** A cell that holds the year, beside or below a "Jaar" label. */
export interface YearCellAt {
  readonly row: number;
  readonly col: number;
  readonly year: number;
}

/** The sheet's title (a text alone in one of its first rows) and the one year it names. */
export interface Title {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly year: number;
}

interface Text {
  readonly at: number;
  readonly text: string;
}

/** The last item of a list sorted by `at` that lies before `before` and not before `from`. */
function lastBefore<T extends { readonly at: number }>(list: readonly T[] | undefined, before: number, from: number) {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < before) lo = mid + 1;
    else hi = mid;
  }
  const found = list[lo - 1];
  return found && found.at >= from ? found : undefined;
}

export class SheetLayout {
  private readonly textsByRow = new Map<number, Text[]>();
  private readonly textsByCol = new Map<number, Text[]>();
  private readonly yearsByCol = new Map<number, Array<HeaderYear & { at: number }>>();
  /** The first year cell of the sheet, if any. */
  readonly yearCell: YearCellAt | null;
  readonly title: Title | null;

  constructor(sheet: AuditSheet) {
    const numericYears: HeaderYear[] = [];
    const yearLabels: Array<{ row: number; col: number }> = [];
    // The sheet's first three rows that hold anything (where a title stands), and what they hold.
    const rows = new Map<number, { count: number; text: { col: number; text: string } | null }>();
    let lastOfFirst = Infinity;
    const yearAt = new Map<string, number>();
    const addYear = (y: HeaderYear) => {
      const list = this.yearsByCol.get(y.col) ?? [];
      list.push({ ...y, at: y.row });
      this.yearsByCol.set(y.col, list);
    };
    for (const cell of sheet.cells()) {
      const v = cell.value;
      if (v === null || v === "") continue;
      if (cell.row <= lastOfFirst) {
        const r = rows.get(cell.row) ?? { count: 0, text: null };
        r.count++;
        if (typeof v === "string" && r.count === 1) r.text = { col: cell.col, text: v };
        rows.set(cell.row, r);
        if (rows.size > 3) rows.delete(Math.max(...rows.keys()));
        if (rows.size === 3) lastOfFirst = Math.max(...rows.keys());
      }
      if (typeof v === "string" && v.trim()) {
        push(this.textsByRow, cell.row, { at: cell.col, text: v });
        push(this.textsByCol, cell.col, { at: cell.row, text: v });
        if (YEAR_LABEL.test(v)) yearLabels.push({ row: cell.row, col: cell.col });
        const m = v.length <= 40 ? YEAR_HEADER.exec(v) : null;
        if (m) {
          const year = { row: cell.row, col: cell.col, year: Number(m[1]), numeric: false };
          addYear(year);
          yearAt.set(`${cell.row}:${cell.col}`, year.year);
        }
      } else if (isYearNumber(v)) {
        // Also a formula's result: the second year of a comparison is often =B3+1.
        numericYears.push({ row: cell.row, col: cell.col, year: v, numeric: true });
        yearAt.set(`${cell.row}:${cell.col}`, v);
      }
    }
    // A number that is a year is a column header only beside another year (2026 | 2027): alone it
    // may as well be an amount.
    for (const y of numericYears) {
      if (yearAt.has(`${y.row}:${y.col - 1}`) || yearAt.has(`${y.row}:${y.col + 1}`)) addYear(y);
    }
    for (const map of [this.textsByRow, this.textsByCol, this.yearsByCol])
      for (const list of map.values()) (list as Array<{ at: number }>).sort((a, b) => a.at - b.at);
    this.yearCell = findYearCell(sheet, yearLabels);
    this.title = findTitle(rows);
  }

  /** The label of a cell's row: the nearest text to its left. */
  rowLabel(row: number, col: number): string {
    return lastBefore(this.textsByRow.get(row), col, col - LABEL_REACH)?.text ?? "";
  }

  /** The text right above a cell (a label written above its value), or "". */
  textAbove(row: number, col: number): string {
    return lastBefore(this.textsByCol.get(col), row, row - 1)?.text ?? "";
  }

  /** The nearest text above a cell in its column: the header of the column it stands in. */
  columnHeader(row: number, col: number): string {
    return lastBefore(this.textsByCol.get(col), row, row - HEADER_REACH)?.text ?? "";
  }

  /** The nearest year above a cell in the header of its column. */
  columnYear(row: number, col: number): HeaderYear | null {
    return lastBefore(this.yearsByCol.get(col), row, 1) ?? null;
  }
}

function push<T>(map: Map<number, T[]>, key: number, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function findYearCell(sheet: AuditSheet, labels: ReadonlyArray<{ row: number; col: number }>): YearCellAt | null {
  for (const { row, col } of labels) {
    for (const [r, c] of [
      [row, col + 1],
      [row + 1, col],
    ]) {
      const v = sheet.get(r, c)?.value;
      // "Jaar | 2026 | 2027" is a row of column headers, not one year.
      const next = r === row ? sheet.get(r, c + 1)?.value : sheet.get(r + 1, c)?.value;
      if (isYearNumber(v) && !isYearNumber(next)) return { row: r, col: c, year: v };
    }
  }
  return null;
}

/**
 * The title: among the sheet's first three rows that hold anything, a text alone in its row; its
 * year when the titles name exactly one ("Aangifte IB 2026"; "Prognose 2026–2027" names two).
 */
function findTitle(rows: ReadonlyMap<number, { count: number; text: { col: number; text: string } | null }>) {
  const first = [...rows.keys()].sort((a, b) => a - b).slice(0, 3);
  const titles = first
    .map((row) => ({ row, ...rows.get(row)! }))
    .filter((r) => r.count === 1 && r.text !== null)
    .map((r) => ({ row: r.row, col: r.text!.col, text: r.text!.text, years: yearsIn(r.text!.text) }))
    .filter((t) => t.years.length > 0);
  const years = new Set(titles.flatMap((t) => t.years));
  if (years.size !== 1) return null;
  const t = titles[0];
  return { row: t.row, col: t.col, text: t.text, year: t.years[0] };
}
