/**
 * The parsed form of a formula. Relative parts of a reference are offsets from the cell that holds
 * the formula, as in R1C1 notation, so one tree serves every cell of a shared formula (and every
 * row of a column filled with the same formula).
 */

import type { Area } from "../address";

/** Excel's own error codes: the only errors ever written to a workbook. */
export const EXCEL_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"] as const;
export type ExcelErrorCode = (typeof EXCEL_ERRORS)[number];
const EXCEL_ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);
/** Whether Excel has this error code (so it can be written to a workbook). */
export const isExcelError = (code: string): code is ExcelErrorCode => EXCEL_ERROR_SET.has(code);
/** Newer error values Excel may have stored (they are read, never written). */
export const OTHER_ERRORS = [
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#CONNECT!",
  "#BUSY!",
];
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

/** The cell that holds a formula: the relative parts of its references are offsets from it. */
export interface Host {
  readonly row: number;
  readonly col: number;
}

export interface SheetSpec {
  /** The sheet name as written (unquoted). */
  readonly name: string;
  /** The last sheet of a 3D reference (`Blad1:Blad3!A1`). */
  readonly last?: string;
  /** An external workbook (`[1]Blad1!A1`). */
  readonly book?: string;
}

export interface RefSpec {
  readonly kind: "cell" | "area" | "cols" | "rows";
  readonly sheet?: SheetSpec;
  /** Absolute row/column numbers, or offsets from the host cell where not absolute. */
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
  readonly r1Abs: boolean;
  readonly c1Abs: boolean;
  readonly r2Abs: boolean;
  readonly c2Abs: boolean;
}

/** An area as an absolute reference (`$A$1:$B$2`), on `sheet` when given. */
export function absoluteRef(area: Area, sheet?: SheetSpec): RefSpec {
  const { r1, c1, r2, c2 } = area;
  const kind = r1 === r2 && c1 === c2 ? "cell" : "area";
  return { kind, sheet, r1, c1, r2, c2, r1Abs: true, c1Abs: true, r2Abs: true, c2Abs: true };
}

/** A structured reference: `Tabel[Kolom]`, `Tabel[[#This Row],[Kolom]]`, `[@Kolom]`, `Tabel[#All]` ... */
export interface StructSpec {
  /** Null inside a table (`[@Kolom]`): the table that holds the cell. */
  readonly table: string | null;
  /** `#All`, `#Data`, `#Headers`, `#Totals`, `#This Row` (`@` is `#This Row`). */
  readonly items: readonly string[];
  /** One column, or the first and last of a span; none means all columns. */
  readonly columns: readonly string[];
}

export type Node =
  | { readonly k: "num"; readonly v: number; readonly text: string }
  | { readonly k: "str"; readonly v: string }
  | { readonly k: "bool"; readonly v: boolean }
  | { readonly k: "err"; readonly v: string }
  | { readonly k: "ref"; readonly ref: RefSpec }
  | { readonly k: "name"; readonly name: string; readonly sheet?: SheetSpec }
  | { readonly k: "struct"; readonly spec: StructSpec }
  | { readonly k: "call"; readonly fn: string; readonly raw: string; readonly args: readonly Node[] }
  | { readonly k: "unary"; readonly op: "-" | "+" | "@"; readonly a: Node }
  | { readonly k: "postfix"; readonly op: "%" | "#"; readonly a: Node }
  | { readonly k: "bin"; readonly op: string; readonly a: Node; readonly b: Node }
  | { readonly k: "paren"; readonly a: Node }
  | { readonly k: "union"; readonly items: readonly Node[] }
  | { readonly k: "array"; readonly rows: readonly (readonly Node[])[] }
  | { readonly k: "missing" };

/** A function call: `NL.KIA(…)`, `ROUND(…)`. */
export type CallNode = Extract<Node, { k: "call" }>;

/** A binary operation: `a + b`, `a & b`, `a < b`. */
export type BinNode = Extract<Node, { k: "bin" }>;

/** What a formula's tree contains, worked out once per tree. */
export interface FormulaInfo {
  readonly refs: readonly RefSpec[];
  readonly names: readonly { readonly name: string; readonly sheet?: SheetSpec }[];
  readonly structs: readonly StructSpec[];
  /** Canonical names of the functions called (`SUM`, `NL.KIA`). */
  readonly functions: ReadonlySet<string>;
  readonly hasNl: boolean;
  /** INDIRECT or OFFSET: the cells it reads are only known when it is evaluated. */
  readonly dynamic: boolean;
  /** Spill references (`A1#`). */
  readonly spills: readonly RefSpec[];
  /** A construct no engine here evaluates: 3D or external references, unions, `@`. */
  readonly unsupported: string | null;
}

export interface Formula {
  readonly node: Node;
  readonly info: FormulaInfo;
}
