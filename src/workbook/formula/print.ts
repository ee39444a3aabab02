/**
 * A formula tree back to text, for the cell at `host`: in file syntax (what a workbook stores)
 * or for HyperFormula, with names, structured and spill references replaced by what they mean.
 */
import { columnLetters, MAX_COLUMNS, MAX_ROWS } from "../address";
import { DUTCH_ERRORS, Node, RefSpec, SheetSpec } from "./ast";
import { Host, parseFormula } from "./parse";

/** A construct the target cannot take; the caller keeps the cell as it was. */
export class Unprintable extends Error {}

export interface PrintContext {
  readonly host: Host;
  /** How a function is written, from its canonical name and the name as it was written. */
  readonly functionName: (canonical: string, raw: string) => string;
  readonly name?: (node: Extract<Node, { k: "name" }>) => string;
  readonly struct?: (node: Extract<Node, { k: "struct" }>) => string;
  readonly spill?: (node: Extract<Node, { k: "postfix" }>) => string;
  /** Bare TRUE/FALSE as `TRUE()` (HyperFormula knows them only as functions). */
  readonly booleanCalls?: boolean;
  /**
   * As a user of Dutch Excel types it: `;` between arguments, a decimal comma, WAAR/ONWAAR and the
   * Dutch error codes (function names come from `functionName`). An array constant cannot be
   * printed so (its separators depend on more of Windows' settings than the language).
   */
  readonly dutch?: boolean;
}

/** English error codes to those of Dutch Excel. */
const DUTCH_ERROR_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(DUTCH_ERRORS).map(([dutch, english]) => [english, dutch]),
);

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function sheetPrefix(sheet: SheetSpec | undefined): string {
  if (!sheet) return "";
  if (sheet.book !== undefined || sheet.last) throw new Unprintable("externe of 3D-verwijzing");
  return `${quoteSheet(sheet.name)}!`;
}

export function printRef(ref: RefSpec, host: Host): string {
  const row = (v: number, abs: boolean) => (abs ? v : host.row + v);
  const col = (v: number, abs: boolean) => (abs ? v : host.col + v);
  const r1 = row(ref.r1, ref.r1Abs);
  const c1 = col(ref.c1, ref.c1Abs);
  const r2 = row(ref.r2, ref.r2Abs);
  const c2 = col(ref.c2, ref.c2Abs);
  if ([r1, r2].some((r) => r < 1 || r > MAX_ROWS) || [c1, c2].some((c) => c < 1 || c > MAX_COLUMNS)) return "#REF!";
  const d = (abs: boolean) => (abs ? "$" : "");
  const cell = (r: number, c: number, rAbs: boolean, cAbs: boolean) => `${d(cAbs)}${columnLetters(c)}${d(rAbs)}${r}`;
  const prefix = sheetPrefix(ref.sheet);
  switch (ref.kind) {
    case "cell":
      return prefix + cell(r1, c1, ref.r1Abs, ref.c1Abs);
    case "area":
      return `${prefix}${cell(r1, c1, ref.r1Abs, ref.c1Abs)}:${cell(r2, c2, ref.r2Abs, ref.c2Abs)}`;
    case "cols":
      return `${prefix}${d(ref.c1Abs)}${columnLetters(c1)}:${d(ref.c2Abs)}${columnLetters(c2)}`;
    case "rows":
      return `${prefix}${d(ref.r1Abs)}${r1}:${d(ref.r2Abs)}${r2}`;
  }
}

/** A number as written in a formula (`0.127`, `12.7%`) with the decimal comma of Dutch Excel. */
export function dutchDecimals(written: string): string {
  return written.replace(".", ",");
}

export function printNumber(v: number): string {
  return String(v).replace("e+", "E+").replace("e-", "E-");
}

export function printNode(node: Node, ctx: PrintContext): string {
  const p = (n: Node) => printNode(n, ctx);
  const list = ctx.dutch ? ";" : ",";
  switch (node.k) {
    case "num":
      return ctx.dutch ? dutchDecimals(printNumber(node.v)) : printNumber(node.v);
    case "str":
      return `"${node.v.replace(/"/g, '""')}"`;
    case "bool":
      if (ctx.dutch) return node.v ? "WAAR" : "ONWAAR";
      return ctx.booleanCalls ? (node.v ? "TRUE()" : "FALSE()") : node.v ? "TRUE" : "FALSE";
    case "err":
      return ctx.dutch ? (DUTCH_ERROR_OF[node.v] ?? node.v) : node.v;
    case "ref":
      return printRef(node.ref, ctx.host);
    case "name":
      if (ctx.name) return ctx.name(node);
      return `${node.sheet ? sheetPrefix(node.sheet) : ""}${node.name}`;
    case "struct":
      if (ctx.struct) return ctx.struct(node);
      throw new Unprintable("gestructureerde verwijzing");
    case "call":
      return `${ctx.functionName(node.fn, node.raw)}(${node.args.map(p).join(list)})`;
    case "unary":
      return `${node.op}${p(node.a)}`;
    case "postfix":
      if (node.op === "#") {
        if (ctx.spill) return ctx.spill(node);
        return `${p(node.a)}#`;
      }
      return `${p(node.a)}%`;
    case "bin":
      return `${p(node.a)}${node.op}${p(node.b)}`;
    case "paren":
      return `(${p(node.a)})`;
    case "union":
      return `(${node.items.map(p).join(list)})`;
    case "array":
      if (ctx.dutch) throw new Unprintable("matrixconstante");
      return `{${node.rows.map((row) => row.map(p).join(",")).join(";")}}`;
    case "missing":
      return "";
  }
}

/** How Excel writes a function into a file: add-in functions as `_xldudf_NL_NAAM`, others as written. */
export function fileFunctionName(canonical: string, raw: string): string {
  return canonical.startsWith("NL.") ? `_xldudf_NL_${canonical.slice(3)}` : raw;
}

/**
 * A formula as Excel stores it in a file (no `=`, add-in functions as `_xldudf_NL_NAAM`), from
 * what a user types (`=NL.KIA(2025; B2:B20)` in Dutch or `=NL.KIA(2025, B2:B20)`).
 */
export function toFileFormula(formula: string, options: { dutch?: boolean } = {}): string {
  const host = { row: 1, col: 1 };
  const { node } = parseFormula(formula, host, options);
  return printNode(node, { host, functionName: fileFunctionName });
}
