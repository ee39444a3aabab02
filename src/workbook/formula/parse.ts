/**
 * Excel formulas as stored in a workbook file (English function names, `,` between arguments,
 * `.` as the decimal point), and as a Dutch user types them (`;` between arguments, a decimal
 * comma, WAAR/ONWAAR). One lexer and one recursive-descent parser for everything in the project
 * that reads formulas: recalculation, the audit and `nl-aftrek eval`.
 *
 * No library of the ecosystem reads structured references, spill references and the `_xlfn.` /
 * `_xldudf_` spellings together, and HyperFormula's parser is internal; so this one is ours.
 */
import { MAX_COLUMNS, MAX_ROWS } from "../address";
import { Formula, FormulaInfo, Node, RefSpec, SheetSpec, StructSpec } from "./ast";

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    /** Where in the formula text (0-based); -1 when the whole formula is meant. */
    readonly position: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

/**
 * A formula deeper than the thread that reads it can walk: the tree is fine, the stack is not (see
 * allowDeepFormulas). Readers that can move the work to a thread with a larger stack do so.
 */
export class FormulaTooDeep extends FormulaSyntaxError {}

/**
 * Excel's own limits on a formula (Microsoft, "Excel specifications and limits", calculation
 * specifications: "Length of formula contents 8,192 characters", "Internal length of formula
 * 16,384 bytes", "Arguments in a function 255", "Nested levels of functions 64";
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * A file may hold more (a generated or hostile one): such a formula is not one Excel can have, and
 * it is refused with a message that names Excel's limit. Operators are not limited by Excel other
 * than by the length: a chain of 4.000 additions is a legal formula, and is read and computed.
 */
export const FORMULA_LIMITS = {
  /** Characters of a formula as a user sees it in Excel. */
  excelLength: 8192,
  /**
   * Characters of a formula as stored: the file spells out more than a user sees (`_xlfn.`,
   * `_xldudf_NL_`, sheet names in quotes), so Excel's internal 16.384 rather than its 8.192.
   */
  length: 16384,
  /** Functions inside functions (IF(IF(…)) is two levels). */
  functions: 64,
  /** Arguments of one function. */
  arguments: 255,
  /**
   * Levels of the tree (a chain of 600 additions is 600 deep; parentheses and prefix operators
   * are levels too) that a thread with Node's default stack walks safely: every walker recurses,
   * HyperFormula's evaluator too. A deeper formula is read by a thread with a larger stack.
   */
  depth: 500,
  /**
   * Of those, the parentheses, arguments and prefix operators the parser itself descends into on
   * such a thread (some fifteen calls each).
   */
  nesting: 128,
  /** The levels of either kind in a thread started with DEEP_STACK_MB (no formula within `length` is this deep). */
  deepDepth: 20000,
} as const;

/** The levels this thread walks (FORMULA_LIMITS.depth, or deepDepth after allowDeepFormulas). */
let stackDepth: number = FORMULA_LIMITS.depth;
/** The nesting the parser descends into on this thread (FORMULA_LIMITS.nesting, or deepDepth). */
let parserDepth: number = FORMULA_LIMITS.nesting;

/**
 * For a thread started with a large stack (DEEP_STACK_MB): every formula within Excel's length is
 * read, however deep its tree.
 */
export function allowDeepFormulas(): void {
  stackDepth = parserDepth = FORMULA_LIMITS.deepDepth;
}

/** Whether this thread reads formulas of any depth (see allowDeepFormulas). */
export function deepFormulasAllowed(): boolean {
  return stackDepth === FORMULA_LIMITS.deepDepth;
}

/** The stack a thread needs to walk every formula of FORMULA_LIMITS.deepDepth levels (measured: 64 MB held 16.384 nested parentheses). */
export const DEEP_STACK_MB = 256;

const tooDeep = (levels: number) =>
  new FormulaTooDeep(
    `de formule is dieper dan ${levels.toLocaleString("nl-NL")} niveaus (haakjes, bewerkingen of tekens voor een getal in elkaar) en is hier niet te rekenen`,
    -1,
  );

export interface ParseOptions {
  /** Dutch input: `;` between arguments, decimal comma, WAAR/ONWAAR. */
  readonly dutch?: boolean;
  /** WAAR/ONWAAR and the Dutch error names (#WAARDE! ...), also with `,` between arguments. */
  readonly dutchWords?: boolean;
  /** A defined name may be a list of areas without parentheses (`Blad1!$A:$B,Blad1!$2:$3`). */
  readonly topLevelUnion?: boolean;
}

export interface Host {
  readonly row: number;
  readonly col: number;
}

type T =
  | "num"
  | "str"
  | "bool"
  | "err"
  | "ref"
  | "name"
  | "func"
  | "struct"
  | "op"
  | "("
  | ")"
  | "sep"
  | "{"
  | "}"
  | "arow"
  | "end";

interface Tok {
  readonly t: T;
  readonly s: string;
  readonly start: number;
  readonly end: number;
  readonly space: boolean;
  readonly ref?: RefSpec;
  readonly sheet?: SheetSpec;
  readonly struct?: StructSpec;
  readonly num?: number;
  readonly bool?: boolean;
}

const ERROR_LITERALS: Record<string, string> = {
  "#NULL!": "#NULL!",
  "#DIV/0!": "#DIV/0!",
  "#VALUE!": "#VALUE!",
  "#REF!": "#REF!",
  "#NAME?": "#NAME?",
  "#NUM!": "#NUM!",
  "#N/A": "#N/A",
  "#GETTING_DATA": "#GETTING_DATA",
  "#SPILL!": "#SPILL!",
  "#CALC!": "#CALC!",
  "#FIELD!": "#FIELD!",
  "#BLOCKED!": "#BLOCKED!",
  "#UNKNOWN!": "#UNKNOWN!",
  "#CONNECT!": "#CONNECT!",
  "#BUSY!": "#BUSY!",
};
/** The Dutch names of the error codes (Excel in Dutch shows these). */
export const DUTCH_ERRORS: Record<string, string> = {
  "#LEEG!": "#NULL!",
  "#DEEL/0!": "#DIV/0!",
  "#WAARDE!": "#VALUE!",
  "#VERW!": "#REF!",
  "#NAAM?": "#NAME?",
  "#GETAL!": "#NUM!",
  "#N/B": "#N/A",
};

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 92 || code >= 0xc0;
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57) || code === 46 || code === 63;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Canonical function name: upper case (LibreOffice writes `_xldudf_nl_kia`), without
 * `_xlfn.`/`_xlws.`; add-in functions as `NL.NAAM`. Excel writes `[2]!_xldudf_NL_KIA` when a COM
 * add-in came between it and the add-in's functions (OfficeDev/office-js #2568): the same function.
 */
export function canonicalFunction(raw: string): string {
  let name = raw.toUpperCase();
  const book = /^\[[^\]]*\]!/.exec(name);
  if (book) {
    const inner = canonicalFunction(name.slice(book[0].length));
    return inner.startsWith("NL.") ? inner : name;
  }
  if (name.startsWith("_XLFN._XLWS.")) name = name.slice(12);
  else if (name.startsWith("_XLFN.") || name.startsWith("_XLWS.")) name = name.slice(6);
  if (name.startsWith("_XLDUDF_NL_")) return `NL.${name.slice(11)}`;
  if (name.startsWith("_XLL.NL.")) return name.slice(5);
  return name;
}

/**
 * Whether a formula's text calls an NL function in any spelling (`NL.KIA(`, `_xldudf_nl_kia(`,
 * `[2]!_xldudf_NL_KIA(`), read from the text alone: for a formula that cannot be parsed, whose
 * NL call must still be seen. A text that merely mentions one ("NL.KIA") counts too.
 */
export function namesNlFunction(text: string): boolean {
  return /_xldudf_nl_|(?<![\w.])(?:_xll\.)?nl\.\w/i.test(text);
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

/**
 * The lexer. With `keyOnly` it only builds the shape key (no token objects): most formulas of a
 * big sheet are shapes already seen, and then the key is all that is needed.
 */
class Lexer {
  private i = 0;
  private space = false;
  private last: T | null = null;
  readonly tokens: Tok[] = [];
  /** The formula with every relative reference written as an offset: equal keys, equal trees. */
  key = "";
  private readonly dutchWords: boolean;
  private readonly scan: Scanned = {
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
  /**
   * Key-only lexing: where each relative row number is, as (from, to, row) triplets, so that the
   * same formula one row further down can be recognised without lexing it (FormulaCache).
   */
  readonly rowSpans: number[] = [];
  // Scratch results of scanCol / scanRow (sFrom: where a row's digits start).
  private sNum = 0;
  private sAbs = false;
  private sFrom = 0;
  // The end of the name mayBeSheet read from identFrom.
  private identFrom = -1;
  private identEnd = -1;

  constructor(
    private readonly text: string,
    private readonly host: Host,
    private readonly dutch: boolean,
    dutchWords = false,
    private readonly keyOnly = false,
  ) {
    this.dutchWords = dutch || dutchWords;
  }

  private fail(message: string, at = this.i): never {
    throw new FormulaSyntaxError(message, at);
  }

  /** One token; its text is `value`, or the source between start and end. */
  private emit(t: T, start: number, end: number, keyText: string, value?: string, extra?: Partial<Tok>): void {
    if (!this.keyOnly) {
      this.tokens.push({ t, s: value ?? this.text.slice(start, end), start, end, space: this.space, ...extra });
    }
    this.key += this.space ? ` ${keyText}` : keyText;
    this.space = false;
    this.last = t;
  }

  private previousIsOperand(): boolean {
    const t = this.last;
    return (
      t === "num" ||
      t === "str" ||
      t === "bool" ||
      t === "err" ||
      t === "ref" ||
      t === "name" ||
      t === "struct" ||
      t === ")" ||
      t === "}"
    );
  }

  run(): Tok[] {
    const { text } = this;
    if (text.length > FORMULA_LIMITS.length)
      this.fail(
        `de formule is ${text.length.toLocaleString("nl-NL")} tekens lang; Excel staat ${FORMULA_LIMITS.excelLength.toLocaleString("nl-NL")} tekens toe, in het bestand ${FORMULA_LIMITS.length.toLocaleString("nl-NL")}`,
        -1,
      );
    const argSep = this.dutch ? 59 : 44; // ; or ,
    let braces = 0;
    while (this.i < text.length) {
      const start = this.i;
      const code = text.charCodeAt(start);
      if (code === 32 || code === 9 || code === 10 || code === 13) {
        this.i++;
        this.space = true;
        continue;
      }
      if (code === 34) {
        this.string();
        continue;
      }
      if (code === 39 || code === 91 || isIdentStart(code) || code === 36) {
        if (this.referenceOrName()) continue;
      }
      if (isDigit(code) || (code === 46 && !this.dutch && isDigit(text.charCodeAt(start + 1)))) {
        if (this.rowRange()) continue;
        this.number();
        continue;
      }
      if (code === 35) {
        if (this.errorLiteral()) continue;
        if (this.previousIsOperand()) {
          this.i++;
          this.emit("op", start, this.i, "#");
          continue;
        }
        this.fail(`onbekende foutwaarde of teken '#'`);
      }
      this.i++;
      const next = text.charCodeAt(start + 1);
      if ((code === 60 && (next === 62 || next === 61)) || (code === 62 && next === 61)) {
        this.i++;
        this.emit("op", start, this.i, text.slice(start, this.i));
        continue;
      }
      switch (code) {
        case 40:
          this.emit("(", start, this.i, "(");
          continue;
        case 41:
          this.emit(")", start, this.i, ")");
          continue;
        case 123:
          braces++;
          this.emit("{", start, this.i, "{");
          continue;
        case 125:
          braces--;
          this.emit("}", start, this.i, "}");
          continue;
      }
      if (braces > 0 && !this.dutch && code === 59) {
        this.emit("arow", start, this.i, ";");
        continue;
      }
      if (code === argSep) {
        this.emit("sep", start, this.i, ",", ",");
        continue;
      }
      if ("+-*/^&=<>%:@".includes(text[start])) {
        this.emit("op", start, this.i, text[start]);
        continue;
      }
      this.fail(`onverwacht teken '${text[start]}'`, start);
    }
    if (!this.keyOnly) this.tokens.push({ t: "end", s: "", start: text.length, end: text.length, space: this.space });
    return this.tokens;
  }

  private string(): void {
    const { text } = this;
    const start = this.i;
    let value = "";
    let j = start + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q < 0) this.fail("tekst zonder afsluitend aanhalingsteken", start);
      value += text.slice(j, q);
      if (text.charCodeAt(q + 1) === 34) {
        value += '"';
        j = q + 2;
        continue;
      }
      this.i = q + 1;
      break;
    }
    this.emit("str", start, this.i, text.slice(start, this.i), value);
  }

  private number(): void {
    const { text } = this;
    const start = this.i;
    const decimal = this.dutch ? 44 : 46;
    let j = start;
    while (isDigit(text.charCodeAt(j))) j++;
    if (this.dutch && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
      const written = /^[\d.,]+/.exec(text.slice(start))![0];
      // 10.000 or 1.234.567,89: points between groups of thousands; 0.3: a decimal point.
      const thousands = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(written);
      this.fail(
        thousands
          ? `getal '${written}': een punt tussen duizendtallen kent een formule niet; schrijf ${written.replace(/\./g, "")}`
          : `getal '${written}': met ; tussen de argumenten is de komma het decimaalteken; schrijf ${written.replace(".", ",")}`,
        j,
      );
    }
    if (text.charCodeAt(j) === decimal && isDigit(text.charCodeAt(j + 1))) {
      j++;
      while (isDigit(text.charCodeAt(j))) j++;
    } else if (text.charCodeAt(j) === decimal && !this.dutch) j++;
    if ((text.charCodeAt(j) | 0x20) === 101) {
      let k = j + 1;
      if (text[k] === "+" || text[k] === "-") k++;
      if (isDigit(text.charCodeAt(k))) {
        while (isDigit(text.charCodeAt(k))) k++;
        j = k;
      }
    }
    // Every token takes at least one character: a loop that did not would never end.
    if (j === start) this.fail(`onverwacht teken '${text[start]}'`, start);
    const raw = text.slice(start, j);
    const value = Number(this.dutch ? raw.replace(",", ".") : raw);
    if (!Number.isFinite(value)) this.fail(`getal '${raw}' is te groot`, start);
    this.i = j;
    this.emit("num", start, j, raw, raw, { num: value });
  }

  private errorLiteral(): boolean {
    const { text } = this;
    const rest = text.slice(this.i, this.i + 14).toUpperCase();
    const table = this.dutchWords ? { ...ERROR_LITERALS, ...DUTCH_ERRORS } : ERROR_LITERALS;
    let best = "";
    for (const literal of Object.keys(table))
      if (rest.startsWith(literal) && literal.length > best.length) best = literal;
    if (!best) return false;
    const start = this.i;
    this.i += best.length;
    this.emit("err", start, this.i, table[best], table[best]);
    return true;
  }

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
  private scanRef(j: number): boolean {
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
  private spec(sheet: SheetSpec | undefined): RefSpec {
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
  private scanKey(sheet: SheetSpec | undefined): string {
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
  private scanSheet(j: number): { sheet: SheetSpec; end: number } | null {
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

  private referenceOrName(): boolean {
    const { text } = this;
    const start = this.i;
    let j = start;
    // Only a quote, a bracket or a name followed by "!" (or ":name!") makes a sheet prefix.
    const prefix = this.mayBeSheet(j) ? this.scanSheet(j) : null;
    let sheet: SheetSpec | undefined;
    if (prefix) {
      sheet = prefix.sheet;
      j = prefix.end;
      if (text.slice(j, j + 5).toUpperCase() === "#REF!") {
        this.i = j + 5;
        this.emit("err", start, this.i, "#REF!", "#REF!");
        return true;
      }
    } else if (text.charCodeAt(j) === 91) {
      return this.structured(null);
    }
    if (this.scanRef(j)) {
      this.emitRef(start, sheet);
      return true;
    }
    if (!isIdentStart(text.charCodeAt(j))) {
      if (sheet) this.fail("na de bladnaam hoort een celverwijzing of naam", j);
      return false;
    }
    let k = !prefix && this.identFrom === j ? this.identEnd : j;
    while (k < text.length && isIdentPart(text.charCodeAt(k))) k++;
    const ident = text.slice(j, k);
    this.i = k;
    if (text.charCodeAt(k) === 40 && (!sheet || (sheet.book !== undefined && sheet.name === ""))) {
      // A function of another workbook (`[1]!Functie(`) keeps its prefix: no engine here knows it.
      const name = sheet ? `[${sheet.book}]!${ident}` : ident;
      this.emit("func", start, k, name.toUpperCase(), name);
      return true;
    }
    if (!sheet && text.charCodeAt(k) === 91) {
      this.i = k;
      return this.structured(ident, start);
    }
    const upper = ident.toUpperCase();
    if (
      !sheet &&
      (upper === "TRUE" || upper === "FALSE" || (this.dutchWords && (upper === "WAAR" || upper === "ONWAAR")))
    ) {
      const value = upper === "TRUE" || upper === "WAAR";
      this.emit("bool", start, k, value ? "TRUE" : "FALSE", value ? "TRUE" : "FALSE", { bool: value });
      return true;
    }
    this.emit("name", start, k, `${sheet ? sheetKey(sheet) : ""}${upper}`, ident, sheet ? { sheet } : undefined);
    return true;
  }

  /** Whether a sheet prefix can start at `j`: a quote, a bracket, or a name that ends in "!". */
  private mayBeSheet(j: number): boolean {
    const { text } = this;
    const first = text.charCodeAt(j);
    if (first === 39 || first === 91) return true;
    let k = j;
    while (k < text.length && isIdentPart(text.charCodeAt(k))) k++;
    // Remembered: when there is no sheet prefix, the same name is read again from j.
    this.identFrom = j;
    this.identEnd = k;
    const after = text.charCodeAt(k);
    return after === 33 || after === 58;
  }

  /** The relative row numbers of the reference just scanned, into rowSpans (key-only lexing). */
  private noteRows(): void {
    const { scan, rowSpans } = this;
    if (!this.keyOnly || scan.kind === "cols") return;
    if (!scan.r1Abs) rowSpans.push(scan.r1From, scan.r1To, scan.r1);
    if (scan.kind !== "cell" && !scan.r2Abs) rowSpans.push(scan.r2From, scan.r2To, scan.r2);
  }

  /** The reference just scanned (from `start`, on `sheet`), as a token. */
  private emitRef(start: number, sheet: SheetSpec | undefined): void {
    const end = this.scan.end;
    this.i = end;
    this.noteRows();
    this.emit("ref", start, end, this.scanKey(sheet), undefined, this.keyOnly ? undefined : { ref: this.spec(sheet) });
  }

  private rowRange(): boolean {
    if (!this.scanRef(this.i) || this.scan.kind !== "rows") return false;
    this.emitRef(this.i, undefined);
    return true;
  }

  /** `Tabel[...]` or `[...]` with balanced brackets; `'` escapes a bracket, `#`, `@` or `'`. */
  private structured(table: string | null, start = this.i): boolean {
    const { text } = this;
    let depth = 0;
    let k = this.i;
    for (; k < text.length; k++) {
      const ch = text[k];
      if (ch === "'") {
        k++;
        continue;
      }
      if (ch === "[") depth++;
      else if (ch === "]") {
        depth--;
        if (depth === 0) break;
      }
    }
    if (depth !== 0) this.fail("gestructureerde verwijzing zonder afsluitend ']'", this.i);
    const body = text.slice(this.i + 1, k);
    this.i = k + 1;
    const spec = parseStructBody(table, body, start);
    this.emit("struct", start, this.i, text.slice(start, this.i).toUpperCase(), undefined, { struct: spec });
    return true;
  }
}

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

function sheetKey(sheet: SheetSpec): string {
  return `'${sheet.book ?? ""}|${sheet.name.toUpperCase()}|${sheet.last?.toUpperCase() ?? ""}'!`;
}

const SPECIAL_ITEMS: Record<string, string> = {
  "#ALL": "#All",
  "#DATA": "#Data",
  "#HEADERS": "#Headers",
  "#TOTALS": "#Totals",
  "#THIS ROW": "#This Row",
};

function unescapeColumn(text: string): string {
  return text.replace(/'(.)/g, "$1").trim();
}

const unreadableStruct = (at: number) => new FormulaSyntaxError("onleesbare gestructureerde verwijzing", at);

/**
 * The parts of a structured reference's brackets, split at the top level: `[#This Row],[Omzet]`,
 * `[#This Row],Omzet` (XlsxWriter leaves a plain column name bare), `[Activa 1]:[Activa 3]`. Each
 * part is its text without brackets and the separator before it; `'` escapes the next character.
 */
function structParts(body: string, at: number): Array<{ text: string; before: string }> {
  const parts: Array<{ text: string; before: string }> = [];
  let before = "";
  let k = 0;
  const fail = (): never => {
    throw unreadableStruct(at);
  };
  while (k < body.length) {
    const ch = body[k];
    if (ch === " ") {
      k++;
      continue;
    }
    if (ch === "," || ch === ":") {
      if (before || parts.length === 0) fail();
      before = ch;
      k++;
      continue;
    }
    if (parts.length > 0 && !before) fail();
    let j = k;
    let text: string;
    if (ch === "[") {
      for (j = k + 1; j < body.length && body[j] !== "]"; j++) if (body[j] === "'") j++;
      if (j >= body.length) fail();
      text = body.slice(k + 1, j);
      j++;
    } else {
      for (; j < body.length && body[j] !== "," && body[j] !== ":" && body[j] !== "["; j++) if (body[j] === "'") j++;
      text = body.slice(k, j);
    }
    parts.push({ text: text.trim(), before });
    before = "";
    k = j;
  }
  if (before) fail();
  return parts;
}

/**
 * What is inside a structured reference's brackets: special items (`#All`, `#Data`, `#Headers`,
 * `#Totals`, `#This Row`, `@` for the row of the formula) and one column or a span of them,
 * in every spelling files carry (ECMA-376 Part 1, 18.17.6 and Excel's `@`):
 * `Tabel[Omzet]`, `Tabel[[Omzet 2025]]`, `Tabel[[#This Row],[Omzet]]`, `[[#This Row],Omzet]`,
 * `[@Omzet]`, `[@[Omzet 2025]]`, `Tabel[@[Activa 1]:[Activa 3]]`, `Tabel[[#Headers],[#Data],[Omzet]]`,
 * `Tabel[#All]`, `Tabel[]`, and names with `'`-escaped brackets, `#` and `'`.
 */
function parseStructBody(table: string | null, body: string, at: number): StructSpec {
  const items: string[] = [];
  const columns: string[] = [];
  const fail = (): never => {
    throw unreadableStruct(at);
  };
  const special = (word: string) => {
    const item = SPECIAL_ITEMS[word.trim().toUpperCase()];
    if (!item) throw new FormulaSyntaxError(`onbekend onderdeel '${word}' in een gestructureerde verwijzing`, at);
    items.push(item);
  };
  // A column: the first one, or after `:` the last of a span.
  const column = (text: string, before: string) => {
    const name = unescapeColumn(text);
    if (name === "" || columns.length !== (before === ":" ? 1 : 0)) fail();
    columns.push(name);
  };
  let trimmed = body.trim();
  if (trimmed === "") return { table, items, columns };
  if (trimmed.startsWith("@")) {
    // `@Omzet`, `@[Omzet]`, `@[Activa 1]:[Activa 3]`, or `@` alone: the whole row.
    items.push("#This Row");
    trimmed = trimmed.slice(1).trim();
    if (trimmed === "") return { table, items, columns };
    if (!trimmed.startsWith("[")) {
      column(trimmed, "");
      return { table, items, columns };
    }
  } else if (!trimmed.startsWith("[")) {
    // One part without inner brackets: `Tabel[#All]`, `Tabel[Omzet 2025]`.
    if (!/^(?:[^'[\]]|'.)*$/.test(trimmed)) fail(); // an unescaped bracket: no single part
    if (trimmed.startsWith("#")) special(trimmed);
    else column(trimmed, "");
    return { table, items, columns };
  }
  for (const { text, before } of structParts(trimmed, at)) {
    if (text.startsWith("#")) {
      if (before === ":" || columns.length) fail();
      special(text);
    } else if (text.startsWith("@") && before !== ":") {
      // `[@Omzet]` inside a list
      items.push("#This Row");
      if (text.length > 1) column(text.slice(1), before);
    } else column(text, before);
  }
  return { table, items, columns };
}

/** Recursive descent over the tokens, with Excel's operator precedence. */
class Parser {
  private p = 0;
  /** How deeply the expression being read is nested (parentheses, arguments, prefix operators). */
  private nesting = 0;
  /** How many function calls the expression being read is inside. */
  private calls = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.p];
  }

  private next(): Tok {
    return this.toks[this.p++];
  }

  private fail(message: string, tok: Tok = this.peek()): never {
    throw new FormulaSyntaxError(message, tok.start);
  }

  parse(topLevelUnion = false): Node {
    if (this.peek().t === "end") this.fail("lege formule");
    let node = this.expression();
    if (topLevelUnion && this.peek().t === "sep") {
      const items = [node];
      while (this.peek().t === "sep") {
        this.next();
        items.push(this.expression());
      }
      node = { k: "union", items };
    }
    if (this.peek().t !== "end") {
      const tok = this.peek();
      this.fail(tok.t === ")" ? "haakje ')' te veel" : `onverwacht '${tok.s}'`);
    }
    return node;
  }

  private isOp(...ops: string[]): boolean {
    const tok = this.peek();
    return tok.t === "op" && ops.includes(tok.s);
  }

  /** One level of left-associative binary operators above `operand`. */
  private leftAssociative(ops: readonly string[], operand: () => Node): Node {
    let left = operand();
    while (this.isOp(...ops)) {
      const op = this.next().s;
      left = { k: "bin", op, a: left, b: operand() };
    }
    return left;
  }

  private expression(): Node {
    this.enter();
    const node = this.leftAssociative(["=", "<>", "<", ">", "<=", ">="], () => this.concat());
    this.nesting--;
    return node;
  }

  private enter(): void {
    if (++this.nesting > parserDepth) throw tooDeep(parserDepth);
  }

  private concat(): Node {
    return this.leftAssociative(["&"], () => this.additive());
  }

  private additive(): Node {
    return this.leftAssociative(["+", "-"], () => this.multiplicative());
  }

  private multiplicative(): Node {
    return this.leftAssociative(["*", "/"], () => this.power());
  }

  private power(): Node {
    return this.leftAssociative(["^"], () => this.percent());
  }

  private percent(): Node {
    let node = this.unary();
    while (this.isOp("%")) {
      this.next();
      node = { k: "postfix", op: "%", a: node };
    }
    return node;
  }

  private unary(): Node {
    if (this.isOp("-", "+", "@")) {
      const op = this.next().s as "-" | "+" | "@";
      this.enter();
      const node: Node = { k: "unary", op, a: this.unary() };
      this.nesting--;
      return node;
    }
    return this.range();
  }

  /** `:` between references, and a space between two references (their intersection). */
  private range(): Node {
    let left = this.primary();
    for (;;) {
      if (this.isOp(":")) {
        this.next();
        left = { k: "bin", op: ":", a: left, b: this.primary() };
        continue;
      }
      const tok = this.peek();
      if (tok.space && ["ref", "name", "struct", "("].includes(tok.t) && isReferenceLike(left)) {
        left = { k: "bin", op: " ", a: left, b: this.primary() };
        continue;
      }
      return left;
    }
  }

  private primary(): Node {
    const tok = this.next();
    let node: Node;
    switch (tok.t) {
      case "num":
        node = { k: "num", v: tok.num!, text: tok.s };
        break;
      case "str":
        node = { k: "str", v: tok.s };
        break;
      case "bool":
        node = { k: "bool", v: tok.bool! };
        break;
      case "err":
        node = { k: "err", v: tok.s };
        break;
      case "ref":
        node = { k: "ref", ref: tok.ref! };
        break;
      case "name":
        node = tok.sheet ? { k: "name", name: tok.s, sheet: tok.sheet } : { k: "name", name: tok.s };
        break;
      case "struct":
        node = { k: "struct", spec: tok.struct! };
        break;
      case "func":
        node = this.call(tok);
        break;
      case "(":
        node = this.group();
        break;
      case "{":
        node = this.array();
        break;
      case "end":
        this.fail("de formule houdt halverwege op", tok);
      // falls through (fail never returns)
      default:
        this.fail(tok.t === ")" ? "haakje ')' te veel" : `onverwacht '${tok.s}'`, tok);
    }
    if (this.isOp("#")) {
      this.next();
      node = { k: "postfix", op: "#", a: node };
    }
    return node;
  }

  private call(tok: Tok): Node {
    const fn = canonicalFunction(tok.s);
    if (++this.calls > FORMULA_LIMITS.functions)
      this.fail(
        `de formule nest meer dan ${FORMULA_LIMITS.functions} functies in elkaar; Excel staat ten hoogste ${FORMULA_LIMITS.functions} niveaus toe`,
        tok,
      );
    const node = this.callArguments(tok, fn);
    this.calls--;
    return node;
  }

  private callArguments(tok: Tok, fn: string): Node {
    this.next(); // (
    const args: Node[] = [];
    if (this.peek().t === ")") {
      this.next();
      return { k: "call", fn, raw: tok.s, args };
    }
    for (;;) {
      const t = this.peek();
      if (args.length === FORMULA_LIMITS.arguments)
        this.fail(
          `${tok.s} heeft meer dan ${FORMULA_LIMITS.arguments} argumenten; Excel staat er ten hoogste ${FORMULA_LIMITS.arguments} toe`,
          t,
        );
      if (t.t === "sep" || t.t === ")") args.push({ k: "missing" });
      else args.push(this.expression());
      const after = this.next();
      if (after.t === ")") break;
      if (after.t !== "sep") {
        if (after.t === "end") this.fail(`haakje ')' ontbreekt na de argumenten van ${tok.s}`, after);
        this.fail(`onverwacht '${after.s}' in de argumenten van ${tok.s}`, after);
      }
    }
    return { k: "call", fn, raw: tok.s, args };
  }

  private group(): Node {
    const first = this.expression();
    if (this.peek().t === ")") {
      this.next();
      return { k: "paren", a: first };
    }
    const items = [first];
    while (this.peek().t === "sep") {
      this.next();
      items.push(this.expression());
    }
    const close = this.next();
    if (close.t !== ")") this.fail("haakje ')' ontbreekt", close);
    return { k: "union", items };
  }

  private array(): Node {
    const rows: Node[][] = [[]];
    for (;;) {
      const tok = this.next();
      if (tok.t === "}") break;
      if (tok.t === "sep") continue;
      if (tok.t === "arow") {
        rows.push([]);
        continue;
      }
      let node: Node;
      if (tok.t === "op" && tok.s === "-" && this.peek().t === "num") {
        const n = this.next();
        node = { k: "num", v: -n.num!, text: `-${n.s}` };
      } else if (tok.t === "num") node = { k: "num", v: tok.num!, text: tok.s };
      else if (tok.t === "str") node = { k: "str", v: tok.s };
      else if (tok.t === "bool") node = { k: "bool", v: tok.bool! };
      else if (tok.t === "err") node = { k: "err", v: tok.s };
      else if (tok.t === "end") this.fail("accolade '}' ontbreekt", tok);
      else this.fail("een matrixconstante bevat alleen getallen, tekst, WAAR/ONWAAR of foutwaarden", tok);
      rows[rows.length - 1].push(node);
    }
    return { k: "array", rows };
  }
}

function isReferenceLike(node: Node): boolean {
  return node.k === "ref" || node.k === "name" || node.k === "struct" || node.k === "paren" || node.k === "bin";
}

const DYNAMIC = new Set(["INDIRECT", "OFFSET"]);

/**
 * Walks a tree once and records what it contains. With an explicit stack, not recursion: this is
 * where a tree too deep for the walkers after it (evaluators, printers, the audit, all recursive)
 * is refused on this thread, so it must not run out of stack itself.
 */
export function describe(node: Node): FormulaInfo {
  const refs: RefSpec[] = [];
  const names: { name: string; sheet?: SheetSpec }[] = [];
  const structs: StructSpec[] = [];
  const functions = new Set<string>();
  const spills: RefSpec[] = [];
  let unsupported: string | null = null;
  // The nodes still to visit, each with its level (children are one level deeper), in the order a
  // recursive walk takes them: the first child on top.
  const nodes: Node[] = [node];
  const levels: number[] = [1];
  const push = (n: Node, d: number) => {
    nodes.push(n);
    levels.push(d);
  };
  while (nodes.length) {
    const n = nodes.pop()!;
    const d = levels.pop()!;
    if (d > stackDepth) throw tooDeep(stackDepth);
    const next = d + 1;
    switch (n.k) {
      case "ref":
        refs.push(n.ref);
        if (n.ref.sheet?.book !== undefined) unsupported ??= "verwijzing naar een andere werkmap";
        else if (n.ref.sheet?.last) unsupported ??= "3D-verwijzing over meerdere bladen";
        break;
      case "name":
        names.push(n.sheet ? { name: n.name, sheet: n.sheet } : { name: n.name });
        if (n.sheet?.book !== undefined) unsupported ??= "naam in een andere werkmap";
        break;
      case "struct":
        structs.push(n.spec);
        break;
      case "call":
        functions.add(n.fn);
        for (let i = n.args.length - 1; i >= 0; i--) push(n.args[i], next);
        break;
      case "unary":
        if (n.op === "@") unsupported ??= "impliciete doorsnede (@)";
        push(n.a, next);
        break;
      case "postfix":
        if (n.op === "#" && n.a.k === "ref") spills.push(n.a.ref);
        else if (n.op === "#") unsupported ??= "overloopverwijzing (#) op iets anders dan een cel";
        push(n.a, next);
        break;
      case "bin":
        if (n.op === " ") unsupported ??= "doorsnede van bereiken";
        push(n.b, next);
        push(n.a, next);
        break;
      case "paren":
        push(n.a, next);
        break;
      case "union":
        unsupported ??= "vereniging van bereiken";
        for (let i = n.items.length - 1; i >= 0; i--) push(n.items[i], next);
        break;
      case "array":
        for (let r = n.rows.length - 1; r >= 0; r--)
          for (let c = n.rows[r].length - 1; c >= 0; c--) push(n.rows[r][c], next);
        break;
      default:
        break;
    }
  }
  const hasNl = [...functions].some((f) => f.startsWith("NL."));
  const dynamic = [...functions].some((f) => DYNAMIC.has(f));
  return { refs, names, structs, functions, hasNl, dynamic, spills, unsupported };
}

/** Parses one formula (with or without its leading `=`) for the cell at `host`. */
export function parseFormula(text: string, host: Host = { row: 1, col: 1 }, options: ParseOptions = {}): Formula {
  const body = text.startsWith("=") ? text.slice(1) : text;
  const lexer = new Lexer(body, host, options.dutch ?? false, options.dutchWords ?? false);
  const node = new Parser(lexer.run()).parse(options.topLevelUnion);
  return { node, info: describe(node) };
}

/** The formula last parsed in a column, with where its relative row numbers are. */
interface LastInColumn {
  text: string;
  row: number;
  /** (from, to, row) for each relative row number in the text. */
  rowSpans: number[];
  readonly formula: Formula;
}

/**
 * Whether `text` is the text of `last` with every relative row number moved `rows` rows down
 * (and none leaving the sheet): then it has last's shape, and the new spans are returned.
 * Compared character by character: no text is built for the many cells of a column filled down.
 */
function movedDownSpans(last: LastInColumn, text: string, rows: number): number[] | null {
  const spans = last.rowSpans;
  const old = last.text;
  const moved: number[] = new Array(spans.length);
  let at = 0; // in the old text
  let pos = 0; // in the new one
  for (let k = 0; k < spans.length; k += 3) {
    const from = spans[k];
    if (pos + (from - at) > text.length) return null;
    for (let i = at; i < from; i++) if (text.charCodeAt(pos++) !== old.charCodeAt(i)) return null;
    const row = spans[k + 2] + rows;
    if (row < 1 || row > MAX_ROWS) return null;
    // The row as String(row) writes it: the same value, no leading zero.
    const digits = pos;
    let value = 0;
    while (pos < text.length && isDigit(text.charCodeAt(pos))) value = value * 10 + (text.charCodeAt(pos++) - 48);
    if (value !== row || text.charCodeAt(digits) === 48) return null;
    moved[k] = digits;
    moved[k + 1] = pos;
    moved[k + 2] = row;
    at = spans[k + 1];
  }
  if (text.length - pos !== old.length - at) return null;
  for (let i = at; i < old.length; i++) if (text.charCodeAt(pos++) !== old.charCodeAt(i)) return null;
  return moved;
}

/**
 * Parsing with a cache of trees by shape: the cells of a column filled with the same formula
 * share one tree. The cache is per workbook (pass one to every call for that workbook).
 *
 * A column filled down is recognised without lexing: when a formula's text is the text of the
 * last formula parsed in its column with the relative row numbers moved by the rows between them,
 * it has that formula's shape (only row numbers differ, and they stay references).
 */
export class FormulaCache {
  private readonly byShape = new Map<string, Formula>();
  private readonly lastInColumn = new Map<number, LastInColumn>();

  parse(text: string, host: Host): Formula {
    const body = text.startsWith("=") ? text.slice(1) : text;
    const last = this.lastInColumn.get(host.col);
    if (last && last.row !== host.row && last.rowSpans.length > 0) {
      const spans = movedDownSpans(last, body, host.row - last.row);
      if (spans) {
        last.text = body;
        last.row = host.row;
        last.rowSpans = spans;
        return last.formula;
      }
    }
    const keyer = new Lexer(body, host, false, false, true);
    keyer.run();
    let formula = this.byShape.get(keyer.key);
    if (!formula) {
      const lexer = new Lexer(body, host, false);
      const node = new Parser(lexer.run()).parse();
      formula = { node, info: describe(node) };
      if (this.byShape.size < 200000) this.byShape.set(keyer.key, formula);
    }
    this.lastInColumn.set(host.col, { text: body, row: host.row, rowSpans: keyer.rowSpans, formula });
    return formula;
  }

  /** How many different shapes were parsed (for tests and the benchmark). */
  get shapes(): number {
    return this.byShape.size;
  }
}
