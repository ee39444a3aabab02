/**
 * Whether a number in a cell is a percentage written as a whole number (35,75 for 35,75%): its
 * label or the header of its column says so (`%`, procent), its number format shows a `%` after
 * it without multiplying (`0,00" %"`), or every formula that reads it divides it by 100.
 */
import { MAX_COLUMNS, MAX_ROWS } from "../workbook/address";
import type { Node } from "../workbook/formula/ast";
import type { Host } from "../workbook/formula/parse";
import { over100 } from "./literals";
import type { AuditSheet } from "./scan";

const PERCENT_WORD = /%|procent|percentage|\bperc\b|\bpct\b/i;

/** A label or header that says its numbers are percentages. */
export const saysPercent = (text: string): boolean => PERCENT_WORD.test(text);

/**
 * A number format that shows a `%` as text (quoted or escaped: `0.00" %"`, `0.00\%`): the number
 * is a whole percentage. A plain `%` in a format multiplies by 100 and shows a fraction as a
 * percentage: that number is a fraction, found as such.
 */
export function formatSaysWholePercent(format: string | undefined): boolean {
  if (!format) return false;
  return /\\%|"[^"]*%[^"]*"/.test(format);
}

/** A cell on a sheet, as a key. */
export const cellKeyOf = (row: number, col: number) => row * 20000 + col;

/**
 * Of the candidate cells (per sheet, by key), those that at least one formula reads and that every
 * formula reading them divides by 100 (`x*C6/100`, `C6/100`, `x/100*C6`, `C6%`). A read through a
 * range, a function or a sum counts as a read that does not.
 */
export function dividedBy100(
  sheets: readonly AuditSheet[],
  candidates: ReadonlyMap<AuditSheet, ReadonlySet<number>>,
): Map<AuditSheet, Set<number>> {
  const byName = new Map(sheets.map((s) => [s.name.toUpperCase(), s]));
  const reads = new Map<AuditSheet, Map<number, { all: number; divided: number }>>();
  const count = (sheet: AuditSheet, k: number, divided: boolean) => {
    let m = reads.get(sheet);
    if (!m) reads.set(sheet, (m = new Map()));
    const c = m.get(k) ?? { all: 0, divided: 0 };
    c.all++;
    if (divided) c.divided++;
    m.set(k, c);
  };
  for (const sheet of sheets) {
    for (const cell of sheet.cells()) {
      if (!cell.formula) continue;
      const { node, host } = cell.formula;
      visit(node, false, (ref, divided) => {
        const target = ref.sheet
          ? ref.sheet.book === undefined && !ref.sheet.last
            ? byName.get(ref.sheet.name.toUpperCase())
            : undefined
          : sheet;
        const wanted = target && candidates.get(target);
        if (!wanted || wanted.size === 0) return;
        const area = resolve(ref, host);
        if (area.r1 === area.r2 && area.c1 === area.c2) {
          const k = cellKeyOf(area.r1, area.c1);
          if (wanted.has(k)) count(target, k, divided);
          return;
        }
        for (const k of wanted) {
          const row = Math.floor(k / 20000);
          const col = k % 20000;
          if (row >= area.r1 && row <= area.r2 && col >= area.c1 && col <= area.c2) count(target, k, false);
        }
      });
    }
  }
  const out = new Map<AuditSheet, Set<number>>();
  for (const [sheet, m] of reads) {
    const set = new Set<number>();
    for (const [k, c] of m) if (c.all > 0 && c.divided === c.all) set.add(k);
    out.set(sheet, set);
  }
  return out;
}

type Ref = Extract<Node, { k: "ref" }>["ref"];

function resolve(ref: Ref, host: Host): { r1: number; c1: number; r2: number; c2: number } {
  const at = (v: number, abs: boolean, base: number) => (abs ? v : base + v);
  if (ref.kind === "cols")
    return { r1: 1, r2: MAX_ROWS, c1: at(ref.c1, ref.c1Abs, host.col), c2: at(ref.c2, ref.c2Abs, host.col) };
  if (ref.kind === "rows")
    return { c1: 1, c2: MAX_COLUMNS, r1: at(ref.r1, ref.r1Abs, host.row), r2: at(ref.r2, ref.r2Abs, host.row) };
  return {
    r1: at(ref.r1, ref.r1Abs, host.row),
    c1: at(ref.c1, ref.c1Abs, host.col),
    r2: at(ref.r2, ref.r2Abs, host.row),
    c2: at(ref.c2, ref.c2Abs, host.col),
  };
}

const isPercentOf = (n: Node) => over100(n) !== null || (n.k === "postfix" && n.op === "%");

/**
 * Every reference of a formula, with whether it stands as a factor of something divided by 100:
 * the numerator of `/100` (through products and brackets), a factor beside `x/100` or `x%`, or
 * `ref%` itself.
 */
function visit(node: Node, divided: boolean, found: (ref: Ref, divided: boolean) => void): void {
  switch (node.k) {
    case "ref":
      return found(node.ref, divided);
    case "paren":
      return visit(node.a, divided, found);
    case "postfix":
      return visit(node.a, node.op === "%", found);
    case "bin":
      if (node.op === "/") {
        const byHundred = node.b.k === "num" && node.b.v === 100;
        visit(node.a, byHundred, found);
        return visit(node.b, false, found);
      }
      if (node.op === "*") {
        visit(node.a, divided || isPercentOf(node.b), found);
        return visit(node.b, divided || isPercentOf(node.a), found);
      }
      visit(node.a, false, found);
      return visit(node.b, false, found);
    case "call":
      return node.args.forEach((a) => visit(a, false, found));
    case "unary":
      return visit(node.a, divided, found);
    case "union":
      return node.items.forEach((i) => visit(i, false, found));
    default:
      return;
  }
}
