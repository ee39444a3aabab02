/**
 * References as written in a formula: `$A$1`, `A1:B2`, `A:B`, `1:2`, and the sheet prefixes before
 * them (`Blad1!`, `'Mijn blad'!`, `[1]Blad1!`, `Blad1:Blad3!`). The lexer scans them through this
 * class, into a RefSpec (relative parts as offsets from the host cell) and a shape key.
 */
import { MAX_COLUMNS, MAX_ROWS } from "../address";
import { Host, RefSpec, SheetSpec } from "./ast";

/** The characters a name may start with (letters, `_`, a backslash, and everything from U+00C0). */
export function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 92 || code >= 0xc0;
}

/** The characters a name may go on with (also digits, `.` and `?`). */
export function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57) || code === 46 || code === 63;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** One reference as scanned: row/column numbers as written, and whether each is absolute. */
interface Scanned {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  r1Abs: boolean;
  c1Abs: boolean;
  r2Abs: boolean;
  c2Abs: boolean;
  kind: RefSpec["kind"];
  end: number;
  /** Where the digits of each corner's row start and end in the text. */
  r1From: number;
  r1To: number;
  r2From: number;
  r2To: number;
}

/** Scans the references of one formula text for the cell at `host`; the last one scanned is in `scan`. */
export class ReferenceScanner {
  protected readonly scan: Scanned = {
    r1: 0,
    c1: 0,
    r2: 0,
    c2: 0,
    r1Abs: false,
    c1Abs: false,
    r2Abs: false,
    c2Abs: false,
    kind: "cell",
    end: 0,
    r1From: 0,
    r1To: 0,
    r2From: 0,
    r2To: 0,
  };
  // Scratch results of scanCol / scanRow (sFrom: where a row's digits start).
  private sNum = 0;
  private sAbs = false;
  private sFrom = 0;

  constructor(
    protected readonly text: string,
    protected readonly host: Host,
  ) {}

  /** A column (`$AB`) at `j` into sNum/sAbs; the index after it, or -1. */
  private scanCol(j: number): number {
    const { text } = this;
    let k = j;
    this.sAbs = text.charCodeAt(k) === 36;
    if (this.sAbs) k++;
    let col = 0;
    let letters = 0;
    for (;;) {
      const code = text.charCodeAt(k) | 0x20;
      if (code < 97 || code > 122) break;
      if (++letters > 3) return -1;
      col = col * 26 + (code - 96);
      k++;
    }
    if (letters === 0 || col > MAX_COLUMNS) return -1;
    this.sNum = col;
    return k;
  }

  /** A row (`$12`) at `j` into sNum/sAbs; the index after it, or -1. */
  private scanRow(j: number): number {
    const { text } = this;
    let k = j;
    this.sAbs = text.charCodeAt(k) === 36;
    if (this.sAbs) k++;
    this.sFrom = k;
    let row = 0;
    let digits = 0;
    for (;;) {
      const d = text.charCodeAt(k) - 48; // NaN past the end
      if (!(d >= 0 && d <= 9)) break;
      if (++digits > 7) return -1;
      row = row * 10 + d;
      k++;
    }
    if (digits === 0 || row < 1 || row > MAX_ROWS) return -1;
    this.sNum = row;
    return k;
  }

  /** A cell (`$A$1`) at `j` into the scan's first or second corner; the index after it, or -1. */
  private scanCell(j: number, second: boolean): number {
    const afterCol = this.scanCol(j);
    if (afterCol < 0) return -1;
    const col = this.sNum;
    const colAbs = this.sAbs;
    const afterRow = this.scanRow(afterCol);
    if (afterRow < 0) return -1;
    const s = this.scan;
    if (second) {
      s.c2 = col;
      s.c2Abs = colAbs;
    } else {
      s.c1 = col;
      s.c1Abs = colAbs;
    }
    this.setRow(second, afterRow);
    return afterRow;
  }

  /** The row scanRow just read (ending at `end`) as the first or the second corner's row. */
  private setRow(second: boolean, end: number): void {
    const s = this.scan;
    if (second) {
      s.r2 = this.sNum;
      s.r2Abs = this.sAbs;
      s.r2From = this.sFrom;
      s.r2To = end;
    } else {
      s.r1 = this.sNum;
      s.r1Abs = this.sAbs;
      s.r1From = this.sFrom;
      s.r1To = end;
    }
  }

  private continuesIdent(j: number): boolean {
    const code = this.text.charCodeAt(j);
    return isIdentPart(code) || code === 40 || code === 91;
  }

  /** `$A$1`, `A1:B2`, `A:B`, `1:2` at `j` into `this.scan`; false when there is none. */
  protected scanRef(j: number): boolean {
    const { text, scan } = this;
    const a = this.scanCell(j, false);
    if (a >= 0) {
      if (text.charCodeAt(a) === 58) {
        const b = this.scanCell(a + 1, true);
        if (b >= 0 && !this.continuesIdent(b)) {
          scan.kind = "area";
          scan.end = b;
          return true;
        }
      }
      if (this.continuesIdent(a)) return false;
      scan.kind = "cell";
      scan.r2 = scan.r1;
      scan.c2 = scan.c1;
      scan.r2Abs = scan.r1Abs;
      scan.c2Abs = scan.c1Abs;
      scan.end = a;
      return true;
    }
    const c1 = this.scanCol(j);
    if (c1 >= 0 && text.charCodeAt(c1) === 58) {
      scan.c1 = this.sNum;
      scan.c1Abs = this.sAbs;
      const c2 = this.scanCol(c1 + 1);
      if (c2 >= 0 && !this.continuesIdent(c2) && !isDigit(text.charCodeAt(c2))) {
        scan.c2 = this.sNum;
        scan.c2Abs = this.sAbs;
        scan.kind = "cols";
        scan.end = c2;
        return true;
      }
    }
    const r1 = this.scanRow(j);
    if (r1 >= 0 && text.charCodeAt(r1) === 58) {
      this.setRow(false, r1);
      const r2 = this.scanRow(r1 + 1);
      if (r2 >= 0 && !this.continuesIdent(r2)) {
        this.setRow(true, r2);
        scan.kind = "rows";
        scan.end = r2;
        return true;
      }
    }
    return false;
  }

  /** The scanned reference, relative parts as offsets from the host. Whole columns span every row, whole rows every column. */
  protected spec(sheet: SheetSpec | undefined): RefSpec {
    const { host, scan } = this;
    const allRows = scan.kind === "cols";
    const allColumns = scan.kind === "rows";
    const spec: RefSpec = {
      kind: scan.kind,
      r1: allRows ? 1 : scan.r1Abs ? scan.r1 : scan.r1 - host.row,
      c1: allColumns ? 1 : scan.c1Abs ? scan.c1 : scan.c1 - host.col,
      r2: allRows ? MAX_ROWS : scan.r2Abs ? scan.r2 : scan.r2 - host.row,
      c2: allColumns ? MAX_COLUMNS : scan.c2Abs ? scan.c2 : scan.c2 - host.col,
      r1Abs: allRows || scan.r1Abs,
      c1Abs: allColumns || scan.c1Abs,
      r2Abs: allRows || scan.r2Abs,
      c2Abs: allColumns || scan.c2Abs,
    };
    return sheet ? { ...spec, sheet } : spec;
  }

  /** The key of the scanned reference: the same for every cell a shared formula fills. */
  protected scanKey(sheet: SheetSpec | undefined): string {
    const { host, scan } = this;
    const part = (v: number, abs: boolean, base: number) => (abs ? `${v}` : `[${v - base}]`);
    const prefix = sheet ? sheetKey(sheet) : "";
    switch (scan.kind) {
      case "cols":
        return `${prefix}C${part(scan.c1, scan.c1Abs, host.col)}:C${part(scan.c2, scan.c2Abs, host.col)}`;
      case "rows":
        return `${prefix}R${part(scan.r1, scan.r1Abs, host.row)}:R${part(scan.r2, scan.r2Abs, host.row)}`;
      case "cell":
        return `${prefix}R${part(scan.r1, scan.r1Abs, host.row)}C${part(scan.c1, scan.c1Abs, host.col)}`;
      default:
        return `${prefix}R${part(scan.r1, scan.r1Abs, host.row)}C${part(scan.c1, scan.c1Abs, host.col)}:R${part(scan.r2, scan.r2Abs, host.row)}C${part(scan.c2, scan.c2Abs, host.col)}`;
    }
  }

  /** A sheet prefix (`Blad1!`, `'Mijn blad'!`, `[1]Blad1!`, `Blad1:Blad3!`) at `j`, or null. */
  protected scanSheet(j: number): { sheet: SheetSpec; end: number } | null {
    const { text } = this;
    const first = text.charCodeAt(j);
    if (first === 39) {
      let k = j + 1;
      let inner = "";
      for (;;) {
        const q = text.indexOf("'", k);
        if (q < 0) return null;
        inner += text.slice(k, q);
        if (text.charCodeAt(q + 1) === 39) {
          inner += "'";
          k = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      if (text.charCodeAt(k) !== 33) return null;
      return { sheet: splitSheet(inner), end: k + 1 };
    }
    let k = j;
    let book: string | undefined;
    if (first === 91) {
      const close = text.indexOf("]", k);
      if (close < 0) return null;
      book = text.slice(k + 1, close);
      k = close + 1;
    }
    const from = k;
    while (k < text.length && isIdentPart(text.charCodeAt(k))) k++;
    if (k === from) {
      // `[1]!Naam`: a name (or function) of another workbook, without a sheet.
      if (book !== undefined && text.charCodeAt(k) === 33) return { sheet: { name: "", book }, end: k + 1 };
      return null;
    }
    let last: string | undefined;
    let nameEnd = k;
    if (text.charCodeAt(k) === 58) {
      const from2 = k + 1;
      let m = from2;
      while (m < text.length && isIdentPart(text.charCodeAt(m))) m++;
      if (m > from2 && text.charCodeAt(m) === 33) {
        last = text.slice(from2, m);
        k = m;
      }
    }
    if (text.charCodeAt(k) !== 33) return null;
    if (last === undefined) nameEnd = k;
    const sheet: SheetSpec = { name: text.slice(from, nameEnd) };
    return { sheet: { ...sheet, ...(last ? { last } : {}), ...(book !== undefined ? { book } : {}) }, end: k + 1 };
  }
}

/** The inside of a quoted sheet prefix (`[1]Blad1:Blad3`): book, sheet and last sheet. */
function splitSheet(inner: string): SheetSpec {
  let book: string | undefined;
  let rest = inner;
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close > 0) {
      book = rest.slice(1, close);
      rest = rest.slice(close + 1);
    }
  }
  const colon = rest.indexOf(":");
  const name = colon > 0 ? rest.slice(0, colon) : rest;
  const last = colon > 0 ? rest.slice(colon + 1) : undefined;
  return { name, ...(last ? { last } : {}), ...(book !== undefined ? { book } : {}) };
}

/** A sheet in a shape key: book, name and last sheet, case-insensitive. */
export function sheetKey(sheet: SheetSpec): string {
  return `'${sheet.book ?? ""}|${sheet.name.toUpperCase()}|${sheet.last?.toUpperCase() ?? ""}'!`;
}
