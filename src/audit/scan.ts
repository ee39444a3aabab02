/**
 * The audit: hard-coded tax numbers in a workbook's formulas and labelled cells, each with the
 * parameter it is, the years it was the official value, and the NL formula that replaces it.
 *
 * Precision comes before recall: a number is only reported when it is one only a tax rule writes
 * (three or more significant digits: 2470, 0,127, 1.225), when several constants of one rule stand
 * together (the KIA bounds of a year), or when a label next to the cell names the rule. VAT at 21%,
 * growth percentages, round amounts and years are never findings.
 *
 * The scan works on parsed formulas (the one formula parser of src/workbook) and knows nothing of
 * files or of Excel: the CLI feeds it a workbook package, the task pane what the Excel API reads.
 */
import { a1 } from "../workbook/address";
import type { BinNode, Node } from "../workbook/formula/ast";
import type { Host } from "../workbook/formula/parse";
import { printNode, quoteSheet, Unprintable } from "../workbook/formula/print";
import { CatalogueEntry, entriesFor } from "./catalogue";

export type Confidence = "hoog" | "laag";

export interface Finding {
  /** Where: `Blad1!B5` (the sheet quoted when it needs to be). */
  readonly cell: string;
  readonly sheet: string;
  /** The cell's A1 address on its sheet, and its row and column (from 1). */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  /** The number as it counts (a percentage as its fraction). */
  readonly value: number;
  /** The number as written in the formula or cell ("12.7%", "2470"). */
  readonly written: string;
  /** The name NL.PARAMETER takes. */
  readonly parameter: string;
  /** The parameter's Dutch description. */
  readonly label: string;
  /** The years in which this was the official value. */
  readonly years: readonly number[];
  /** The workbook's year, when one is evident (a "Jaar" cell), else null. */
  readonly year: number | null;
  /** True when the workbook's year is known and the value is not that year's. */
  readonly stale: boolean | null;
  readonly confidence: Confidence;
  /** The formula that replaces the cell's content (English syntax, as Excel's Formula property). */
  readonly suggestion: string;
  /** What the cell holds now (formula with "=", or the constant). */
  readonly current: string;
  /** Why it was reported, in Dutch. */
  readonly reason: string;
}

/** One cell as the audit sees it. Rows and columns count from 1. */
export interface AuditCell {
  readonly row: number;
  readonly col: number;
  /** The constant, or the formula's cached result. */
  readonly value: number | string | boolean | null | { readonly error: string };
  /** The parsed formula, with the cell its relative references count from. */
  readonly formula?: { readonly node: Node; readonly host: Host };
}

export interface AuditSheet {
  readonly name: string;
  get(row: number, col: number): AuditCell | undefined;
  cells(): Iterable<AuditCell>;
}

interface Literal {
  /** The node that holds the number as written: a number, `n%`, or `n/100`. */
  readonly node: Node;
  readonly value: number;
  readonly written: string;
  /** The comparison (`C2>=1225`) the number stands in, with the other side. */
  readonly comparison?: { readonly node: BinNode; readonly other: Node };
  /** The product (`x*0.127`) the number is a factor of, with the other factor. */
  readonly product?: { readonly node: Node; readonly other: Node };
  /** `x*13.31/100`: the node stands for the other factor times the value, not the value alone. */
  readonly scaled?: boolean;
}

const COMPARISONS = new Set([">=", "<="]);

/** The numbers written in a formula, outside NL functions (whose arguments are their business). */
function literals(root: Node): Literal[] {
  const out: Literal[] = [];
  const visit = (node: Node, parent: Node | null): void => {
    switch (node.k) {
      case "call":
        if (node.fn.startsWith("NL.")) return;
        node.args.forEach((a) => visit(a, node));
        return;
      case "postfix":
        if (node.op === "%" && node.a.k === "num") return add(node, node.a.v / 100, `${node.a.text}%`, parent);
        return visit(node.a, node);
      case "bin":
        if (node.op === "/" && node.a.k === "num" && node.b.k === "num" && node.b.v === 100) {
          return add(node, node.a.v / 100, `${node.a.text}/100`, parent);
        }
        // x*13.31/100 reads as (x*13.31)/100: the 13.31 is a percentage of x.
        if (node.op === "/" && node.b.k === "num" && node.b.v === 100 && node.a.k === "bin" && node.a.op === "*") {
          const product = node.a;
          const [n, other] = product.b.k === "num" ? [product.b, product.a] : [product.a, product.b];
          if (n.k === "num") {
            visit(other, product);
            out.push({
              node,
              value: Number((n.v / 100).toPrecision(12)),
              written: `${n.text}/100`,
              product: { node, other },
              scaled: true,
            });
            return;
          }
        }
        visit(node.a, node);
        visit(node.b, node);
        return;
      case "num":
        return add(node, node.v, node.text, parent);
      case "unary":
      case "paren":
        return visit(node.a, node);
      case "union":
        node.items.forEach((i) => visit(i, node));
        return;
      case "array":
        node.rows.forEach((r) => r.forEach((i) => visit(i, node)));
        return;
      default:
        return;
    }
  };
  const add = (node: Node, value: number, written: string, parent: Node | null) => {
    const lit: Literal = { node, value: Number(value.toPrecision(12)), written };
    if (parent?.k === "bin") {
      const other = parent.a === node ? parent.b : parent.a;
      if (COMPARISONS.has(parent.op)) Object.assign(lit, { comparison: { node: parent, other } });
      if (parent.op === "*") Object.assign(lit, { product: { node: parent, other } });
    }
    out.push(lit);
  };
  visit(root, null);
  return out;
}

/** The text of the labels next to a cell: up to three cells to the left and the cell above. */
function labelNear(sheet: AuditSheet, row: number, col: number): string {
  const parts: string[] = [];
  for (let c = col - 1; c >= Math.max(1, col - 3); c--) {
    const v = sheet.get(row, c)?.value;
    if (typeof v === "string" && v.trim()) {
      parts.push(v);
      break;
    }
  }
  const above = sheet.get(row - 1, col)?.value;
  if (typeof above === "string") parts.push(above);
  return parts.join(" ").toLowerCase();
}

const mentions = (label: string, entry: CatalogueEntry) => entry.keywords.some((k) => label.includes(k));

/** The year of the workbook, where a "Jaar"/"Belastingjaar" label stands next to a year. */
export interface YearCell {
  readonly year: number;
  /** The cell that holds it (for the suggestion to refer to), or null when only a title names it. */
  readonly ref: { readonly sheet: string; readonly row: number; readonly col: number } | null;
}

const YEAR_LABEL = /^\s*(belasting)?jaar\s*:?\s*$/i;
const YEAR_IN_TITLE = /\b(?:belastingjaar|aangifte|jaar)\s+(20[2-9]\d)\b/i;

export function findYear(sheets: readonly AuditSheet[]): YearCell | null {
  let titled: YearCell | null = null;
  for (const sheet of sheets) {
    for (const cell of sheet.cells()) {
      if (typeof cell.value !== "string") continue;
      if (YEAR_LABEL.test(cell.value)) {
        const next = sheet.get(cell.row, cell.col + 1) ?? sheet.get(cell.row + 1, cell.col);
        const v = next?.value;
        if (typeof v === "number" && Number.isInteger(v) && v >= 2000 && v <= 2100) {
          return { year: v, ref: { sheet: sheet.name, row: next!.row, col: next!.col } };
        }
      }
      const m: RegExpExecArray | null = titled ? null : YEAR_IN_TITLE.exec(cell.value);
      if (m) titled = { year: Number(m[1]), ref: null };
    }
  }
  return titled;
}

const call = (fn: string, args: Node[]): Node => ({ k: "call", fn, raw: fn, args });
const num = (v: number): Node => ({ k: "num", v, text: String(v) });
const str = (v: string): Node => ({ k: "str", v });

interface Context {
  readonly sheet: AuditSheet;
  readonly year: YearCell | null;
  /**
   * Without a year cell: the year the workbook's tax numbers point to (see evidentYear), or null
   * before that is known.
   */
  readonly evident: number | null;
  /** This calendar year: a suggestion without a workbook year takes the value's latest year up to it. */
  readonly today: number;
}

/** The latest of `years` up to `today` (not a year still to come), else the first. */
function latestOf(years: readonly number[], today: number): number {
  const past = years.filter((y) => y <= today);
  return past.length ? past[past.length - 1] : years[0];
}

/**
 * The year of a suggestion without a year cell, for the numbers it replaces (one formula's, taken
 * together so that a KIA table of 2025 does not become NL.KIA of 2026): the workbook's evident year
 * when they were all official then, else the latest year they all were, else the first one's.
 */
function suggestionYear(ctx: Context, entries: readonly CatalogueEntry[]): number {
  const common = commonYears(entries);
  if (ctx.evident !== null && common.includes(ctx.evident)) return ctx.evident;
  return latestOf(common.length ? common : entries[0].years, ctx.today);
}

/** The years in which every one of `entries` was the official value. */
function commonYears(entries: readonly CatalogueEntry[]): readonly number[] {
  return entries.reduce<readonly number[]>((ys, e) => ys.filter((y) => e.years.includes(y)), entries[0].years);
}

/**
 * The year the findings point to: the year in which the numbers of the most cells were official
 * (a cell's numbers together, so that a KIA table of seven numbers is one piece of evidence, not
 * seven); sure findings only, when there are any. A tie goes to the latest year up to today.
 */
function evidentYear(findings: readonly Finding[], today: number): number | null {
  const sure = findings.filter((f) => f.confidence === "hoog");
  const byCell = new Map<string, readonly number[]>();
  for (const f of sure.length ? sure : findings) {
    const years = byCell.get(f.cell);
    byCell.set(f.cell, years ? years.filter((y) => f.years.includes(y)) : f.years);
  }
  const votes = new Map<number, number>();
  for (const years of byCell.values()) for (const y of years) votes.set(y, (votes.get(y) ?? 0) + 1);
  const most = Math.max(0, ...votes.values());
  if (most === 0) return null;
  return latestOf(
    [...votes.keys()].filter((y) => votes.get(y) === most).sort((a, b) => a - b),
    today,
  );
}

/** The year argument of a suggestion: the workbook's year cell, else the year the numbers belong to. */
function yearNode(ctx: Context, entries: readonly CatalogueEntry[]): Node {
  const y = ctx.year;
  if (y?.ref) {
    const ref = {
      kind: "cell" as const,
      r1: y.ref.row,
      c1: y.ref.col,
      r2: y.ref.row,
      c2: y.ref.col,
      r1Abs: true,
      c1Abs: true,
      r2Abs: true,
      c2Abs: true,
      ...(y.ref.sheet !== ctx.sheet.name ? { sheet: { name: y.ref.sheet } } : {}),
    };
    return { k: "ref", ref };
  }
  return num(y?.year ?? suggestionYear(ctx, entries));
}

function print(node: Node, host: Host): string {
  return `=${printNode(node, {
    host,
    functionName: (canonical) => canonical,
    struct: (n) => {
      const items = n.spec.items.map((i) => `[${i}]`);
      const cols = n.spec.columns.map((c) => `[${c}]`);
      const inner = [...items, ...(cols.length === 2 ? [`${cols[0]}:${cols[1]}`] : cols)];
      return `${n.spec.table ?? ""}[${inner.join(",")}]`;
    },
  })}`;
}

/** Replaces nodes of a tree (by identity) and rebuilds the nodes above them. */
function replaceNodes(node: Node, replacements: Map<Node, Node>): Node {
  const hit = replacements.get(node);
  if (hit) return hit;
  const r = (n: Node) => replaceNodes(n, replacements);
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

const unparen = (n: Node): Node => (n.k === "paren" ? unparen(n.a) : n);
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

/** The suggestion for a formula with the chosen literals: the NL formula for the whole where the pattern is known. */
function suggest(
  root: Node,
  host: Host,
  chosen: ReadonlyArray<{ lit: Literal; entry: CatalogueEntry }>,
  ctx: Context,
): string {
  const groups = new Set(chosen.map((c) => c.entry.group));
  const first = chosen[0].entry;
  const entries = chosen.map((c) => c.entry);
  // The numbers of one formula get one year when there is a year they were all official in.
  const together = commonYears(entries).length > 0;
  try {
    // A KIA table written out as an IF chain: the whole is NL.KIA over the amount it tests.
    if (groups.size === 1 && first.group === "kia" && new Set(chosen.map((c) => c.entry.parameter)).size >= 2) {
      const ref = mainReference(root);
      if (ref) return print(call("NL.KIA", [yearNode(ctx, entries), ref]), host);
    }
    const replacements = new Map<Node, Node>();
    for (const { lit, entry } of chosen) {
      const y = yearNode(ctx, together ? entries : [entry]);
      const name = entry.parameter.name;
      if (name === "urencriterium_uren" && lit.comparison) {
        const hoursFirst = lit.comparison.node.b === lit.node; // C2>=1225, not 1225<=C2
        const rightWay = hoursFirst ? lit.comparison.node.op === ">=" : lit.comparison.node.op === "<=";
        if (rightWay) {
          replacements.set(lit.comparison.node, call("NL.URENCRITERIUM", [lit.comparison.other]));
          continue;
        }
      }
      if (name === "mkb_winstvrijstelling_percentage" && lit.product) {
        const other = unparen(lit.product.other);
        const args = other.k === "bin" && other.op === "-" ? [other.a, other.b] : [lit.product.other];
        replacements.set(lit.product.node, call("NL.MKBVRIJ", [y, ...args]));
        continue;
      }
      const parameter = call("NL.PARAMETER", [y, str(name)]);
      replacements.set(
        lit.node,
        lit.scaled && lit.product ? { k: "bin", op: "*", a: lit.product.other, b: parameter } : parameter,
      );
    }
    let result = replaceNodes(root, replacements);
    // IF(NL.URENCRITERIUM(x), MIN(winst, <zelfstandigenaftrek>), 0) is the zelfstandigenaftrek
    // capped at the winst (which, unlike MIN, gives 0 and not a negative aftrek on a loss: art. 3.76
    // lid 5). Without a winst it stays an IF around NL.PARAMETER: NL.ZELFSTANDIGENAFTREK needs the
    // winst, and an empty one is a winst of 0.
    if (result.k === "call" && result.fn === "IF" && result.args.length === 3) {
      const [cond, then, other] = result.args;
      const za = chosen.find((c) => c.entry.parameter.name === "zelfstandigenaftrek");
      if (za && cond.k === "call" && cond.fn === "NL.URENCRITERIUM" && isZero(other)) {
        const year = yearNode(ctx, together ? entries : [za.entry]);
        const winst = cappedAt(then);
        if (winst) result = call("NL.ZELFSTANDIGENAFTREK", [year, cond, winst]);
      }
    }
    return print(result, host);
  } catch (error) {
    if (!(error instanceof Unprintable)) throw error;
    return `=NL.PARAMETER(${ctx.year?.year ?? suggestionYear(ctx, [first])},"${first.parameter.name}")`;
  }
}

function cellName(sheet: string, row: number, col: number): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : quoteSheet(sheet)}!${a1(row, col)}`;
}

function finding(
  sheet: AuditSheet,
  cell: AuditCell,
  entry: CatalogueEntry,
  written: string,
  value: number,
  confidence: Confidence,
  suggestion: string,
  current: string,
  reason: string,
  year: YearCell | null,
): Finding {
  const y = year?.year ?? null;
  return {
    cell: cellName(sheet.name, cell.row, cell.col),
    sheet: sheet.name,
    address: a1(cell.row, cell.col),
    row: cell.row,
    col: cell.col,
    value,
    written,
    parameter: entry.parameter.name,
    label: entry.parameter.label,
    years: entry.years,
    year: y,
    stale: y === null ? null : !entry.years.includes(y),
    confidence,
    suggestion,
    current,
    reason,
  };
}

/** Which parameter a number is, given its label and the other numbers of the formula. */
function choose(
  candidates: readonly CatalogueEntry[],
  label: string,
  groupCounts: ReadonlyMap<string, number>,
  lit?: Literal,
): { entry: CatalogueEntry; named: boolean } {
  let best = candidates[0];
  let bestScore = -1;
  for (const e of candidates) {
    const score =
      (mentions(label, e) ? 4 : 0) +
      ((groupCounts.get(e.group) ?? 0) >= 2 ? 2 : 0) +
      (lit?.comparison && e.parameter.unit === "uren" ? 1 : 0);
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return { entry: best, named: mentions(label, best) };
}

function currentText(cell: AuditCell): string {
  if (cell.formula) {
    try {
      return print(cell.formula.node, cell.formula.host);
    } catch {
      return "";
    }
  }
  return cell.value === null ? "" : String(cell.value);
}

function auditFormula(sheet: AuditSheet, cell: AuditCell, ctx: Context): Finding[] {
  const { node, host } = cell.formula!;
  const lits = literals(node).map((lit) => ({ lit, candidates: entriesFor(lit.value) }));
  const withCandidates = lits.filter((l) => l.candidates.length > 0);
  if (!withCandidates.length) return [];
  // How many different parameters of each rule the formula writes (the KIA bounds of one year together).
  // Round numbers together are no sign (0,02 and 0,03 in a time sheet): a rule counts when one of
  // its numbers in the formula is a distinctive one.
  const groupParams = new Map<string, Set<string>>();
  const groupDistinctive = new Set<string>();
  for (const { candidates } of withCandidates) {
    for (const e of candidates) {
      const set = groupParams.get(e.group) ?? new Set<string>();
      set.add(e.parameter.name);
      groupParams.set(e.group, set);
      if (e.distinctive) groupDistinctive.add(e.group);
    }
  }
  const groupCounts = new Map(
    [...groupParams].map(([g, set]) => [g, groupDistinctive.has(g) ? set.size : Math.min(set.size, 1)]),
  );
  const label = labelNear(sheet, cell.row, cell.col);
  const chosen: Array<{ lit: Literal; entry: CatalogueEntry; confidence: Confidence; reason: string }> = [];
  for (const { lit, candidates } of withCandidates) {
    const { entry, named } = choose(candidates, label, groupCounts, lit);
    const together = (groupCounts.get(entry.group) ?? 0) >= 2;
    if (entry.distinctive || together) {
      const reason = together
        ? "meer getallen van dezelfde regel in één formule"
        : "een bedrag of percentage dat alleen deze regel gebruikt";
      chosen.push({ lit, entry, confidence: "hoog", reason });
    } else if (named) {
      chosen.push({ lit, entry, confidence: "laag", reason: "het label bij de cel noemt de regel" });
    }
  }
  if (!chosen.length) return [];
  const suggestion = suggest(node, host, chosen, ctx);
  const current = currentText(cell);
  // A number written twice (the KIA's fixed amount in two branches) is one finding.
  const seen = new Set<string>();
  const unique = chosen.filter((c) => {
    const key = `${c.entry.parameter.name}|${c.lit.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.map((c) =>
    finding(sheet, cell, c.entry, c.lit.written, c.lit.value, c.confidence, suggestion, current, c.reason, ctx.year),
  );
}

function auditConstant(sheet: AuditSheet, cell: AuditCell, ctx: Context): Finding[] {
  if (typeof cell.value !== "number") return [];
  const candidates = entriesFor(cell.value);
  if (!candidates.length) return [];
  const label = labelNear(sheet, cell.row, cell.col);
  const named = candidates.filter((e) => mentions(label, e));
  if (!named.length) return []; // a bare number in a cell means nothing without its label
  const entry = named[0];
  const host = { row: cell.row, col: cell.col };
  const suggestion = print(call("NL.PARAMETER", [yearNode(ctx, [entry]), str(entry.parameter.name)]), host);
  return [
    finding(
      sheet,
      cell,
      entry,
      String(cell.value),
      cell.value,
      entry.distinctive ? "hoog" : "laag",
      suggestion,
      String(cell.value),
      "een vaste waarde met een label dat de regel noemt",
      ctx.year,
    ),
  ];
}

/** Every finding in the sheets, sheet by sheet, row by row. */
export interface AuditOptions {
  /** The workbook's year, when the caller knows it better than the "Jaar" cell. */
  readonly year?: YearCell | null;
  /** This calendar year (for tests); the clock's by default. */
  readonly today?: number;
}

export function auditSheets(sheets: readonly AuditSheet[], options: AuditOptions = {}): Finding[] {
  const year = options.year !== undefined ? options.year : findYear(sheets);
  const today = options.today ?? new Date().getFullYear();
  const found = scanSheets(sheets, year, null, today);
  if (year !== null || found.length === 0) return found;
  // No year cell: the suggestions take the year the numbers themselves point to (a template full of
  // 2025 amounts gets formulas for 2025), so a second pass with that year.
  const evident = evidentYear(found, today);
  return evident === null ? found : scanSheets(sheets, null, evident, today);
}

function scanSheets(
  sheets: readonly AuditSheet[],
  year: YearCell | null,
  evident: number | null,
  today: number,
): Finding[] {
  const out: Finding[] = [];
  for (const sheet of sheets) {
    const ctx: Context = { sheet, year, evident, today };
    const found: Finding[] = [];
    for (const cell of sheet.cells()) {
      // The year cell itself is not a tax number.
      if (year?.ref && year.ref.sheet === sheet.name && year.ref.row === cell.row && year.ref.col === cell.col)
        continue;
      found.push(...(cell.formula ? auditFormula(sheet, cell, ctx) : auditConstant(sheet, cell, ctx)));
    }
    found.sort((a, b) => a.row - b.row || a.col - b.col);
    // One by one: a sheet may have more findings than a call can take arguments.
    for (const finding of found) out.push(finding);
  }
  return out;
}
