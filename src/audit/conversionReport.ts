/**
 * The proof of a conversion, in Dutch: per replaced cell what stood there and what stands there
 * now, the value before and after, and why they differ where they do (the number was stale for the
 * year the workbook means, or the cell reads one that changed). The same report for a file
 * converted by `nl-aftrek controleer --vervang` and for the workbook open in the task pane.
 */
import Decimal from "decimal.js";
import { reasonText, dependentText } from "./reportText";
import type { CellConversion, ConversionPlan, SkippedCell } from "./conversion";
import type { Finding } from "./scan";
import { parseA1 } from "../workbook/address";
import { FormulaSyntaxError, parseFormula } from "../workbook/formula/parse";
import type { Node } from "../workbook/formula/ast";

/** A cell's value as the report shows it: a number, text, a truth value, an error, or empty. */
export type ReportValue = number | string | boolean | { readonly error: string; readonly message?: string } | null;

/** The values of one replaced cell. */
export interface CellValues {
  /** Before: the old formula's value (computed as the new one is, where it could be) or the constant. */
  readonly before: ReportValue;
  /** The value Excel stored, where it is not `before` (a template saved without recalculating). */
  readonly stored?: ReportValue;
  readonly after: ReportValue;
  /** Why the new formula could not be computed here (Excel computes it on opening), when so. */
  readonly notComputed?: string;
}

/**
 * How a replaced cell came out: the same value, another because its number was stale, another
 * because it reads a cell that changed, another without either (the old formula computed otherwise
 * than the law), an error, or not computed here.
 */
export type Outcome = "gelijk" | "verouderd" | "gevolg" | "afwijking" | "fout" | "niet-berekend";

export interface ReportRow {
  readonly cell: string;
  readonly sheet: string;
  readonly address: string;
  /** What stood there and what stands there now (English, with "=", as the file means them). */
  readonly before: string;
  readonly after: string;
  readonly valueBefore: ReportValue;
  readonly storedBefore: ReportValue | undefined;
  readonly valueAfter: ReportValue;
  /** The values are the same, to the cent. */
  readonly equal: boolean;
  /** One of the cell's numbers was not the official value of its year. */
  readonly stale: boolean;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly findings: readonly Finding[];
}

/** A cell not replaced that got another value because it depends on one that was. */
export interface DependentRow {
  readonly cell: string;
  readonly valueBefore: ReportValue;
  readonly valueAfter: ReportValue;
  readonly reason: string;
}

export interface ConversionReport {
  readonly file: string;
  readonly output: string | null;
  readonly rows: readonly ReportRow[];
  readonly dependents: readonly DependentRow[];
  /** Recalculated cells that kept their value, to the cent (only counted). */
  readonly dependentsEqual: number;
  readonly skipped: readonly SkippedCell[];
  readonly unmatched: readonly string[];
  /** Cells of a shared formula that now hold their (unchanged) formula written out. */
  readonly spelledOut: readonly string[];
  /** Cells that could not be recalculated here (Excel recalculates them on opening), with the reason. */
  readonly notRecalculated: ReadonlyArray<{ readonly cell: string; readonly reason: string }>;
  readonly counts: {
    readonly replaced: number;
    readonly equal: number;
    readonly stale: number;
    readonly following: number;
    readonly unexplained: number;
    readonly errors: number;
    readonly notComputed: number;
    readonly skipped: number;
  };
}

export interface ReportInput {
  readonly file: string;
  readonly output: string | null;
  readonly plan: ConversionPlan;
  /** The values of each replaced cell; null for a cell of the plan that was not written after all. */
  readonly values: (cell: CellConversion) => CellValues | null;
  /** Cells of the plan not written, with the reason (the pane: changed since the check). */
  readonly notWritten?: readonly SkippedCell[];
  /** Cells recalculated because they depend on replaced ones: their values before and after. */
  readonly dependents?: ReadonlyArray<{
    readonly cell: string;
    readonly before: ReportValue;
    readonly after: ReportValue;
    /** Its formula (English, with "="), to name the changed cells it reads. */
    readonly formula?: string;
  }>;
  readonly notRecalculated?: ReadonlyArray<{ readonly cell: string; readonly reason: string }>;
  readonly spelledOut?: readonly string[];
}

const isError = (v: ReportValue): v is { error: string; message?: string } =>
  typeof v === "object" && v !== null && "error" in v;

/** Two values the same to the cent (numbers rounded half up to two decimals), or equal otherwise. */
export function sameToTheCent(a: ReportValue, b: ReportValue): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") {
    const cents = (v: number) => new Decimal(v.toPrecision(15)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return cents(a).eq(cents(b));
  }
  if (isError(a) || isError(b)) return isError(a) && isError(b) && a.error === b.error;
  return a === b;
}

/** A cell named `Blad1!B4` or `'Mijn blad'!B4`, as sheet and position. */
function place(cell: string): { sheet: string; row: number; col: number } | null {
  const bang = cell.lastIndexOf("!");
  const at = parseA1(cell.slice(bang + 1));
  if (bang < 0 || !at) return null;
  const sheet = cell
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet: sheet.toLowerCase(), ...at };
}

/** The areas a formula reads, by sheet (lower case): for the question whether it reads a changed cell. */
function areasRead(formula: string, sheet: string, host: { row: number; col: number }) {
  const out: Array<{ sheet: string; r1: number; c1: number; r2: number; c2: number }> = [];
  let node: Node;
  try {
    node = parseFormula(formula, host).node;
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return out;
    throw error;
  }
  const visit = (n: Node): void => {
    if (n.k === "ref") {
      const r = n.ref;
      const at = (v: number, abs: boolean, base: number) => (abs ? v : base + v);
      out.push({
        sheet: (r.sheet?.name ?? sheet).toLowerCase(),
        r1: at(r.r1, r.r1Abs, host.row),
        c1: at(r.c1, r.c1Abs, host.col),
        r2: r.kind === "cols" ? Infinity : at(r.r2, r.r2Abs, host.row),
        c2: r.kind === "rows" ? Infinity : at(r.c2, r.c2Abs, host.col),
      });
    } else if (n.k === "call") n.args.forEach(visit);
    else if (n.k === "bin") [n.a, n.b].forEach(visit);
    else if (n.k === "unary" || n.k === "postfix" || n.k === "paren") visit(n.a);
    else if (n.k === "union") n.items.forEach(visit);
  };
  visit(node);
  return out;
}

export function buildReport(input: ReportInput): ConversionReport {
  const { plan } = input;
  const measured = plan.cells
    .map((c) => ({ c, v: input.values(c) }))
    .filter((x): x is { c: CellConversion; v: CellValues } => x.v !== null);
  const dependents = (input.dependents ?? []).filter((d) => !sameToTheCent(d.before, d.after));
  // The changed cells by sheet and position (a filled-down column can change thousands).
  const changed = new Map<string, Map<number, { name: string; row: number; col: number }>>();
  for (const name of [
    ...measured.filter(({ v }) => !sameToTheCent(v.before, v.after)).map(({ c }) => c.cell),
    ...dependents.map((d) => d.cell),
  ]) {
    const at = place(name);
    if (!at) continue;
    let bySheet = changed.get(at.sheet);
    if (!bySheet) changed.set(at.sheet, (bySheet = new Map()));
    bySheet.set(at.row * 20000 + at.col, { name, row: at.row, col: at.col });
  }
  // The changed cells a formula reads (its own cell left out): its new value follows from theirs.
  const readsChanged = (formula: string, sheet: string, row: number, col: number): string[] => {
    const self = sheet.toLowerCase();
    const found = new Map<string, { sheet: string; row: number; col: number }>();
    for (const a of areasRead(formula, sheet, { row, col })) {
      const cells = changed.get(a.sheet);
      if (!cells) continue;
      const take = (p: { name: string; row: number; col: number }) => {
        if (!(a.sheet === self && p.row === row && p.col === col)) found.set(p.name, { sheet: a.sheet, ...p });
      };
      const size = (Math.min(a.r2, 1048576) - a.r1 + 1) * (Math.min(a.c2, 16384) - a.c1 + 1);
      if (size <= cells.size) {
        for (let r = a.r1; r <= a.r2; r++)
          for (let c = a.c1; c <= a.c2; c++) {
            const p = cells.get(r * 20000 + c);
            if (p) take(p);
          }
      } else {
        for (const p of cells.values()) if (p.row >= a.r1 && p.row <= a.r2 && p.col >= a.c1 && p.col <= a.c2) take(p);
      }
    }
    return [...found]
      .sort(([, a], [, b]) => (a.sheet === b.sheet ? a.row - b.row || a.col - b.col : a.sheet < b.sheet ? -1 : 1))
      .map(([name]) => name);
  };
  const rows: ReportRow[] = measured.map(({ c, v }) => {
    const equal = sameToTheCent(v.before, v.after);
    const stale = c.findings.some((f) => f.stale === true);
    const upstream = equal ? [] : readsChanged(c.after, c.sheet, c.row, c.col);
    const outcome: Outcome = v.notComputed
      ? "niet-berekend"
      : equal
        ? "gelijk"
        : isError(v.after)
          ? "fout"
          : stale
            ? "verouderd"
            : upstream.length
              ? "gevolg"
              : "afwijking";
    return {
      cell: c.cell,
      sheet: c.sheet,
      address: c.address,
      before: c.before,
      after: c.after,
      valueBefore: v.before,
      storedBefore: v.stored,
      valueAfter: v.after,
      equal,
      stale,
      outcome,
      reason: reasonText(outcome, c.findings, v.after, upstream, v.notComputed),
      findings: c.findings,
    };
  });
  const replaced = new Set(rows.map((r) => r.cell));
  const dependentRows: DependentRow[] = dependents
    .filter((d) => !replaced.has(d.cell))
    .map((d) => {
      const at = place(d.cell);
      const sheet = d.cell
        .slice(0, d.cell.lastIndexOf("!"))
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      const upstream = at && d.formula ? readsChanged(d.formula, sheet, at.row, at.col) : [];
      return { cell: d.cell, valueBefore: d.before, valueAfter: d.after, reason: dependentText(upstream, rows) };
    });
  const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
  const skipped = [...plan.skipped, ...(input.notWritten ?? [])];
  return {
    file: input.file,
    output: input.output,
    rows,
    dependents: dependentRows,
    dependentsEqual: (input.dependents ?? []).length - dependents.length,
    skipped,
    unmatched: plan.unmatched,
    spelledOut: input.spelledOut ?? [],
    notRecalculated: input.notRecalculated ?? [],
    counts: {
      replaced: rows.length,
      equal: count("gelijk"),
      stale: count("verouderd"),
      following: count("gevolg"),
      unexplained: count("afwijking"),
      errors: count("fout"),
      notComputed: count("niet-berekend"),
      skipped: skipped.length,
    },
  };
}
