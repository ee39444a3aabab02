/**
 * The NL formula that replaces a cell's hard-coded tax numbers: the formula for the whole where
 * the pattern is known (a KIA table as NL.KIA, a test on 1.225 hours as NL.URENCRITERIUM, the IF
 * around it as NL.ZELFSTANDIGENAFTREK, a product with the MKB percentage as NL.MKBVRIJ), else each
 * number as NL.PARAMETER(jaar; "naam"). The year argument refers to the cell the year comes from
 * where that holds it as a number (a column header as C$3, so the formula can be filled right).
 */
import type { Node, RefSpec } from "../workbook/formula/ast";
import type { Host } from "../workbook/formula/parse";
import { fileFunctionName, printNode, Unprintable } from "../workbook/formula/print";
import type { CatalogueEntry } from "./catalogue";
import { Literal, unparen } from "./literals";
import type { YearSource } from "./years";

export interface SuggestContext {
  readonly sheetName: string;
  /** The year of the cell's numbers, or null when nothing in the workbook says. */
  readonly year: YearSource | null;
  /** Without a year: the year the workbook's tax numbers point to (see evidentYear), or null. */
  readonly evident: number | null;
  /** This calendar year: a suggestion without a year takes the value's latest year up to it. */
  readonly today: number;
}

/** What replaces a cell: as Excel's Formula property takes it, and as a file stores it. */
export interface Suggestion {
  /** English syntax with "=" (`=NL.KIA($B$1,B2)`). */
  readonly formula: string;
  /** As stored in a file: no "=", add-in functions as `_xldudf_NL_…`, other names as they were written. */
  readonly file: string | null;
  /** Why the cell cannot be converted as it is, when `file` is null. */
  readonly notConvertible: string | null;
  /** What the NL formula computes otherwise than the old one, besides the numbers themselves. */
  readonly caveat: string | null;
}

export const call = (fn: string, args: Node[]): Node => ({ k: "call", fn, raw: fn, args });
const num = (v: number): Node => ({ k: "num", v, text: String(v) });
const str = (v: string): Node => ({ k: "str", v });

/** The latest of `years` up to `today` (not a year still to come), else the first. */
export function latestOf(years: readonly number[], today: number): number {
  const past = years.filter((y) => y <= today);
  return past.length ? past[past.length - 1] : years[0];
}

/** The years in which every one of `entries` was the official value. */
function commonYears(entries: readonly CatalogueEntry[]): readonly number[] {
  return entries.reduce<readonly number[]>((ys, e) => ys.filter((y) => e.years.includes(y)), entries[0].years);
}

/**
 * The year of a suggestion without a year in the workbook, for the numbers it replaces (one
 * formula's, taken together so that a KIA table of 2025 does not become NL.KIA of 2026): the
 * workbook's evident year when they were all official then, else the latest year they all were,
 * else the first one's.
 */
function suggestionYear(ctx: SuggestContext, entries: readonly CatalogueEntry[]): number {
  const common = commonYears(entries);
  if (ctx.evident !== null && common.includes(ctx.evident)) return ctx.evident;
  return latestOf(common.length ? common : entries[0].years, ctx.today);
}

/** The year argument: the cell the year comes from, else the year itself. */
function yearNode(ctx: SuggestContext, entries: readonly CatalogueEntry[], host: Host): Node {
  const y = ctx.year;
  if (y?.ref) {
    const follow = y.ref.followColumn;
    const ref: RefSpec = {
      kind: "cell",
      r1: y.ref.row,
      c1: follow ? y.ref.col - host.col : y.ref.col,
      r2: y.ref.row,
      c2: follow ? y.ref.col - host.col : y.ref.col,
      r1Abs: true,
      c1Abs: !follow,
      r2Abs: true,
      c2Abs: !follow,
      ...(y.ref.sheet !== ctx.sheetName ? { sheet: { name: y.ref.sheet } } : {}),
    };
    return { k: "ref", ref };
  }
  return num(y?.year ?? suggestionYear(ctx, entries));
}

const structText = (n: Extract<Node, { k: "struct" }>, file: boolean) => {
  if (file && n.spec.table === null) throw new Unprintable("verwijzing binnen een tabel zonder tabelnaam");
  const items = n.spec.items.map((i) => `[${i}]`);
  const cols = n.spec.columns.map((c) => `[${c}]`);
  const inner = [...items, ...(cols.length === 2 ? [`${cols[0]}:${cols[1]}`] : cols)];
  return `${n.spec.table ?? ""}[${inner.join(",")}]`;
};

/** A tree as Excel's Formula property takes it (canonical English names, "="). */
export function print(node: Node, host: Host): string {
  return `=${printNode(node, { host, functionName: (canonical) => canonical, struct: (n) => structText(n, false) })}`;
}

/** A tree as a file stores it (no "=", `_xldudf_NL_…`, `_xlfn.` kept as written). */
export function printForFile(node: Node, host: Host): string {
  return printNode(node, { host, functionName: fileFunctionName, struct: (n) => structText(n, true) });
}

/**
 * Replaces nodes of a tree (by identity) and rebuilds the nodes above them. A replacement is made
 * from the replaced node's parts, themselves with their replacements (`MIN(B10;79409)*4,85/100`
 * gets both numbers replaced).
 */
type Replacement = (inner: (n: Node) => Node) => Node;
function replaceNodes(node: Node, replacements: ReadonlyMap<Node, Replacement>): Node {
  const r = (n: Node) => replaceNodes(n, replacements);
  const hit = replacements.get(node);
  if (hit) return hit(r);
  switch (node.k) {
    case "call":
      return { ...node, args: node.args.map(r) };
    case "unary":
    case "postfix":
    case "paren":
      return { ...node, a: r(node.a) } as Node;
    case "bin":
      return { ...node, a: r(node.a), b: r(node.b) };
    case "union":
      return { ...node, items: node.items.map(r) };
    case "array":
      return { ...node, rows: node.rows.map((row) => row.map(r)) };
    default:
      return node;
  }
}

/** The cell reference a formula uses most (the investment total of a KIA chain, the hours of an IF). */
function mainReference(node: Node): Node | null {
  const counts = new Map<string, { node: Node; n: number }>();
  const visit = (n: Node) => {
    if (n.k === "ref" || n.k === "name" || n.k === "struct") {
      const key = JSON.stringify(n.k === "ref" ? n.ref : n);
      const seen = counts.get(key);
      counts.set(key, { node: n, n: (seen?.n ?? 0) + 1 });
      return;
    }
    if (n.k === "call") n.args.forEach(visit);
    else if (n.k === "bin") [n.a, n.b].forEach(visit);
    else if (n.k === "unary" || n.k === "postfix" || n.k === "paren") visit(n.a);
  };
  visit(node);
  let best: { node: Node; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.node ?? null;
}

const isZero = (n: Node) => n.k === "num" && n.v === 0;

/** Whether a node is NL.PARAMETER(…, "name"). */
function isParameter(node: Node, name: string): boolean {
  return node.k === "call" && node.fn === "NL.PARAMETER" && node.args[1]?.k === "str" && node.args[1].v === name;
}

/** The other argument of MIN(x, <zelfstandigenaftrek>) or MIN(<zelfstandigenaftrek>, x), else null. */
function cappedAt(node: Node): Node | null {
  const n = unparen(node);
  if (n.k !== "call" || n.fn !== "MIN" || n.args.length !== 2) return null;
  const [a, b] = n.args;
  if (isParameter(b, "zelfstandigenaftrek") && !isParameter(a, "zelfstandigenaftrek")) return a;
  if (isParameter(a, "zelfstandigenaftrek") && !isParameter(b, "zelfstandigenaftrek")) return b;
  return null;
}

export interface Chosen {
  readonly lit: Literal;
  readonly entry: CatalogueEntry;
}

/** The new tree of a formula with the chosen literals, and what it computes otherwise. */
function rewrite(
  root: Node,
  host: Host,
  chosen: readonly Chosen[],
  ctx: SuggestContext,
): { node: Node; caveat: string | null } {
  const groups = new Set(chosen.map((c) => c.entry.group));
  const first = chosen[0].entry;
  const entries = chosen.map((c) => c.entry);
  // The numbers of one formula get one year when there is a year they were all official in.
  const together = commonYears(entries).length > 0;
  // A KIA table written out as an IF chain: the whole is NL.KIA over the amount it tests.
  if (groups.size === 1 && first.group === "kia" && new Set(chosen.map((c) => c.entry.parameter)).size >= 2) {
    const ref = mainReference(root);
    if (ref) return { node: call("NL.KIA", [yearNode(ctx, entries, host), ref]), caveat: null };
  }
  const replacements = new Map<Node, Replacement>();
  for (const { lit, entry } of chosen) {
    const y = yearNode(ctx, together ? entries : [entry], host);
    const name = entry.parameter.name;
    if (name === "urencriterium_uren" && lit.comparison) {
      const hoursFirst = lit.comparison.node.b === lit.node; // C2>=1225, not 1225<=C2
      const rightWay = hoursFirst ? lit.comparison.node.op === ">=" : lit.comparison.node.op === "<=";
      if (rightWay) {
        const hours = lit.comparison.other;
        replacements.set(lit.comparison.node, (r) => call("NL.URENCRITERIUM", [r(hours)]));
        continue;
      }
    }
    if (name === "mkb_winstvrijstelling_percentage" && lit.product) {
      const other = unparen(lit.product.other);
      const args = other.k === "bin" && other.op === "-" ? [other.a, other.b] : [lit.product.other];
      replacements.set(lit.product.node, (r) => call("NL.MKBVRIJ", [y, ...args.map(r)]));
      continue;
    }
    const parameter = call("NL.PARAMETER", [y, str(name)]);
    const product = lit.scaled ? lit.product : undefined;
    replacements.set(lit.node, (r) => (product ? { k: "bin", op: "*", a: r(product.other), b: parameter } : parameter));
  }
  let result = replaceNodes(root, replacements);
  let caveat: string | null = null;
  // IF(NL.URENCRITERIUM(x), MIN(winst, <zelfstandigenaftrek>), 0) is the zelfstandigenaftrek
  // capped at the winst (which, unlike MIN, gives 0 and not a negative aftrek on a loss: art. 3.76
  // lid 5). Without a winst it stays an IF around NL.PARAMETER: NL.ZELFSTANDIGENAFTREK needs the
  // winst, and an empty one is a winst of 0.
  if (result.k === "call" && result.fn === "IF" && result.args.length === 3) {
    const [cond, then, other] = result.args;
    const za = chosen.find((c) => c.entry.parameter.name === "zelfstandigenaftrek");
    if (za && cond.k === "call" && cond.fn === "NL.URENCRITERIUM" && isZero(other)) {
      const year = yearNode(ctx, together ? entries : [za.entry], host);
      const winst = cappedAt(then);
      if (winst) {
        result = call("NL.ZELFSTANDIGENAFTREK", [year, cond, winst]);
        caveat =
          "bij verlies geeft NL.ZELFSTANDIGENAFTREK 0, waar MIN(winst; bedrag) een negatieve aftrek gaf (art. 3.76 lid 5 Wet IB 2001)";
      }
    }
  }
  return { node: result, caveat };
}

/** The suggestion for a formula with the chosen literals. */
export function suggestFormula(root: Node, host: Host, chosen: readonly Chosen[], ctx: SuggestContext): Suggestion {
  let rewritten: { node: Node; caveat: string | null };
  let formula: string;
  try {
    rewritten = rewrite(root, host, chosen, ctx);
    formula = print(rewritten.node, host);
  } catch (error) {
    if (!(error instanceof Unprintable)) throw error;
    const first = chosen[0].entry;
    return {
      formula: `=NL.PARAMETER(${ctx.year?.year ?? suggestionYear(ctx, [first])},"${first.parameter.name}")`,
      file: null,
      notConvertible: `de formule bevat een ${error.message}; vervang alleen het getal, met de hand`,
      caveat: null,
    };
  }
  try {
    return { formula, file: printForFile(rewritten.node, host), notConvertible: null, caveat: rewritten.caveat };
  } catch (error) {
    if (!(error instanceof Unprintable)) throw error;
    return { formula, file: null, notConvertible: `de formule bevat een ${error.message}`, caveat: rewritten.caveat };
  }
}

/**
 * The suggestion for a constant: NL.PARAMETER for its year; a whole percentage (35,75) times 100,
 * so that the formulas that divide it by 100 still get the same number.
 */
export function suggestConstant(
  entry: CatalogueEntry,
  wholePercent: boolean,
  host: Host,
  ctx: SuggestContext,
): Suggestion {
  const parameter = call("NL.PARAMETER", [yearNode(ctx, [entry], host), str(entry.parameter.name)]);
  const node: Node = wholePercent ? { k: "bin", op: "*", a: parameter, b: num(100) } : parameter;
  return { formula: print(node, host), file: printForFile(node, host), notConvertible: null, caveat: null };
}
