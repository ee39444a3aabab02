/**
 * The lexer: a formula's text into tokens, in the file's spelling (`,` between arguments, `.` as
 * the decimal point) or as a Dutch user types it (`;`, a decimal comma, WAAR/ONWAAR, #WAARDE!).
 * Besides the tokens it builds the formula's shape key, the same for every cell a formula filled
 * down or a shared formula fills: FormulaCache keeps one tree per key.
 */
import { DUTCH_ERRORS, EXCEL_ERRORS, Host, OTHER_ERRORS, RefSpec, SheetSpec, StructSpec } from "./ast";
import { FORMULA_LIMITS, FormulaSyntaxError } from "./limits";
import { isDigit, isIdentPart, isIdentStart, ReferenceScanner, sheetKey } from "./referenceScanner";
import { parseStructBody } from "./structuredReferences";

/** The kinds of token. */
export type T =
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

/** One token: its kind, its text or value (`s`), where it is, and whether white space came before it. */
export interface Tok {
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

/** The error values a formula may hold, each as itself. */
const ERROR_LITERALS: Record<string, string> = Object.fromEntries(
  [...EXCEL_ERRORS, ...OTHER_ERRORS].map((e) => [e, e]),
);

/**
 * The lexer. With `keyOnly` it only builds the shape key (no token objects): most formulas of a
 * big sheet are shapes already seen, and then the key is all that is needed.
 */
export class Lexer extends ReferenceScanner {
  private i = 0;
  private space = false;
  private last: T | null = null;
  readonly tokens: Tok[] = [];
  /** The formula with every relative reference written as an offset: equal keys, equal trees. */
  key = "";
  private readonly dutchWords: boolean;
  /**
   * Key-only lexing: where each relative row number is, as (from, to, row) triplets, so that the
   * same formula one row further down can be recognised without lexing it (FormulaCache).
   */
  readonly rowSpans: number[] = [];
  // The end of the name mayBeSheet read from identFrom.
  private identFrom = -1;
  private identEnd = -1;

  constructor(
    text: string,
    host: Host,
    private readonly dutch: boolean,
    dutchWords = false,
    private readonly keyOnly = false,
  ) {
    super(text, host);
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
