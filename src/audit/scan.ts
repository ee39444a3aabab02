/**
 * The audit: hard-coded tax numbers in a workbook's formulas and labelled cells, each with the
 * parameter it is, the years it was the official value, the year it is checked against (and where
 * that year comes from), and the NL formula that replaces it.
 *
 * Precision comes before recall: a number is only reported when it is one only a tax rule writes
 * (three or more significant digits: 2470, 0,127, 1.225), when several constants of one rule stand
 * together (the KIA bounds of a year), or when a label next to the cell names the rule. VAT at 21%,
 * growth percentages, round amounts and years are never findings. A percentage may be written as a
 * whole number (35,75 for 35,75%) where its label, column header or number format says percent, or
 * where every formula that reads it divides it by 100; in a formula as `x*35,75/100`.
 *
 * The scan works on parsed formulas (the one formula parser of src/workbook) and knows nothing of
 * files or of Excel: the CLI feeds it a workbook package, the task pane what the Excel API reads.
 */
import { a1 } from "../workbook/address";
import type { Node } from "../workbook/formula/ast";
import type { Host } from "../workbook/formula/parse";
import { CatalogueEntry, entriesFor, labelOverlap, mentions, officialValue, percentEntriesFor } from "./catalogue";
import { cellName, SheetLayout } from "./layout";
import { Literal, literals } from "./literals";
import { cellKeyOf, dividedBy100, formatSaysWholePercent, saysPercent } from "./percent";
import { latestOf, print, suggestConstant, SuggestContext, suggestFormula, Suggestion } from "./suggest";
import { YearCell, YearOrigin, YearResolver, YearSource } from "./years";

export type { YearCell } from "./years";

export type Confidence = "hoog" | "laag";

/**
 * How a number stands against the year it is checked against: the official value then, another
 * year's, a year the rules do not know yet (2027 for most parameters), or no year in the workbook.
 */
export type CheckStatus = "actueel" | "verouderd" | "nog-niet-bekend" | "geen-jaar";

export interface Finding {
  /** Where: `Blad1!B5` (the sheet quoted when it needs to be). */
  readonly cell: string;
  readonly sheet: string;
  /** The cell's A1 address on its sheet, and its row and column (from 1). */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  /** The number as it counts (a percentage as its fraction, also when written as 35,75). */
  readonly value: number;
  /** The number as written in the formula or cell ("12.7%", "2470", "35.75"). */
  readonly written: string;
  /** Written as a whole percentage (35,75 for 35,75%). */
  readonly wholePercent: boolean;
  /** The name NL.PARAMETER takes. */
  readonly parameter: string;
  /** The parameter's unit (`EUR`, `procent`, `uren`). */
  readonly unit: string;
  /** The parameter's Dutch description. */
  readonly label: string;
  /** The years in which this was the official value. */
  readonly years: readonly number[];
  /** The year the number is checked against, or null when nothing in the workbook says. */
  readonly year: number | null;
  /** Where that year comes from, in Dutch (`kolomkop Prognose!C3`, `bestandsnaam klant 2026.xlsx`). */
  readonly yearSource: string | null;
  readonly yearOrigin: YearOrigin | null;
  /** True when the number is not the official value of `year`; null when that cannot be said. */
  readonly stale: boolean | null;
  readonly status: CheckStatus;
  /** The official value in `year` (counted as `value` is), or null. */
  readonly official: number | null;
  readonly confidence: Confidence;
  /** The formula that replaces the cell's content (English syntax, as Excel's Formula property). */
  readonly suggestion: string;
  /** The same as a file stores it (no "=", `_xldudf_NL_…`); null when the cell cannot be converted. */
  readonly replacement: string | null;
  /** Why the cell cannot be converted as it is, when `replacement` is null. */
  readonly notConvertible: string | null;
  /** What the suggestion computes otherwise than the old formula besides the numbers, or null. */
  readonly caveat: string | null;
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
  /** The cell's number format (`0.00" %"`), where the reader knows it. */
  format?(row: number, col: number): string | undefined;
}

/** The text of the labels of a cell: its row's label and the text right above it. */
function labelOf(layout: SheetLayout, row: number, col: number): string {
  return `${layout.rowLabel(row, col)} ${layout.textAbove(row, col)}`.toLowerCase();
}

/** What is known of a sheet while its cells are scanned. */
interface SheetScan {
  readonly sheet: AuditSheet;
  readonly layout: SheetLayout;
  readonly years: YearResolver;
  /** Whole numbers every reader divides by 100 (candidates for whole percentages), by cell key. */
  readonly divided: ReadonlySet<number>;
}

/** A number of a cell the audit reports: which parameter, how sure, and why. */
interface Chosen {
  readonly lit: Literal;
  readonly entry: CatalogueEntry;
  readonly confidence: Confidence;
  readonly reason: string;
}

/**
 * A cell's tax numbers as detected, before they are described: a suggestion for a cell without a
 * year needs the year all the findings point to, so every cell is detected first.
 */
interface Detected {
  readonly cell: AuditCell;
  readonly scan: SheetScan;
  readonly chosen: readonly Chosen[];
  /** A constant: whether it is a whole percentage; null for a formula. */
  readonly constant: { readonly whole: boolean } | null;
  readonly year: YearSource | null;
}

/** What a finding and its suggestion need of a cell: its sheet's scan and its year (looked up only for a finding). */
interface Context extends SuggestContext {
  readonly sheet: AuditSheet;
  readonly yearOrigin: YearOrigin | null;
  readonly yearSource: string | null;
}

function contextOf(d: Detected, evident: number | null, today: number): Context {
  return {
    sheet: d.scan.sheet,
    sheetName: d.scan.sheet.name,
    year: d.year,
    yearOrigin: d.year?.origin ?? null,
    yearSource: d.year?.where ?? null,
    evident,
    today,
  };
}

/**
 * The year the findings point to: the year in which the numbers of the most cells were official
 * (a cell's numbers together, so that a KIA table of seven numbers is one piece of evidence, not
 * seven); sure findings only, when there are any. A tie goes to the latest year up to today.
 */
function evidentYear(detected: readonly Detected[], today: number): number | null {
  const sure = detected.filter((d) => d.chosen.some((c) => c.confidence === "hoog"));
  const votes = new Map<number, number>();
  for (const d of sure.length ? sure : detected) {
    const chosen = sure.length ? d.chosen.filter((c) => c.confidence === "hoog") : d.chosen;
    const years = chosen.reduce<readonly number[]>(
      (ys, c) => ys.filter((y) => c.entry.years.includes(y)),
      chosen[0].entry.years,
    );
    for (const y of years) votes.set(y, (votes.get(y) ?? 0) + 1);
  }
  const most = Math.max(0, ...votes.values());
  if (most === 0) return null;
  return latestOf(
    [...votes.keys()].filter((y) => votes.get(y) === most).sort((a, b) => a - b),
    today,
  );
}

function finding(
  ctx: Context,
  cell: AuditCell,
  entry: CatalogueEntry,
  lit: { written: string; value: number; wholePercent: boolean },
  confidence: Confidence,
  suggestion: Suggestion,
  current: string,
  reason: string,
): Finding {
  const y = ctx.year?.year ?? null;
  const official = y === null ? null : officialValue(entry, y);
  const status: CheckStatus =
    y === null
      ? "geen-jaar"
      : official === null
        ? "nog-niet-bekend"
        : entry.years.includes(y)
          ? "actueel"
          : "verouderd";
  return {
    cell: cellName(ctx.sheet.name, cell.row, cell.col),
    sheet: ctx.sheet.name,
    address: a1(cell.row, cell.col),
    row: cell.row,
    col: cell.col,
    value: lit.value,
    written: lit.written,
    wholePercent: lit.wholePercent,
    parameter: entry.parameter.name,
    unit: entry.parameter.unit,
    label: entry.parameter.label,
    years: entry.years,
    year: y,
    yearSource: ctx.yearSource,
    yearOrigin: ctx.yearOrigin,
    stale: status === "verouderd" ? true : status === "actueel" ? false : null,
    status,
    official,
    confidence,
    suggestion: suggestion.formula,
    replacement: suggestion.file,
    notConvertible: suggestion.notConvertible,
    caveat: suggestion.caveat,
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
      (lit?.comparison && e.parameter.unit === "uren" ? 1 : 0) +
      (label ? labelOverlap(label, e) / 100 : 0);
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

/** The catalogue entries a literal may be: a percentage written as one (`%`, `/100`) only a percentage. */
function candidatesOf(lit: Literal): readonly CatalogueEntry[] {
  const found = entriesFor(lit.value);
  const asPercent = lit.wholePercent || lit.written.endsWith("%");
  return asPercent ? found.filter((e) => e.parameter.unit === "procent") : found;
}

function detectFormula(cell: AuditCell, scan: SheetScan): Detected | null {
  const { node } = cell.formula!;
  const lits = literals(node).map((lit) => ({ lit, candidates: candidatesOf(lit) }));
  const withCandidates = lits.filter((l) => l.candidates.length > 0);
  if (!withCandidates.length) return null;
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
  const label = labelOf(scan.layout, cell.row, cell.col);
  const chosen: Chosen[] = [];
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
  if (!chosen.length) return null;
  return { cell, scan, chosen, constant: null, year: scan.years.yearOf(scan.sheet, cell.row, cell.col) };
}

function describeFormula(d: Detected, ctx: Context): Finding[] {
  const { cell, chosen } = d;
  const { node, host } = cell.formula!;
  const suggestion = suggestFormula(node, host, chosen, ctx);
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
    finding(
      ctx,
      cell,
      c.entry,
      { written: c.lit.written, value: c.lit.value, wholePercent: !!c.lit.wholePercent },
      c.confidence,
      suggestion,
      current,
      c.lit.wholePercent ? `${c.reason}; een percentage als heel getal, gedeeld door 100` : c.reason,
    ),
  );
}

/** Why a whole number in a cell is a percentage (35,75 for 35,75%), or null when nothing says so. */
function percentEvidence(scan: SheetScan, cell: AuditCell): string | null {
  const { layout, sheet } = scan;
  if (saysPercent(layout.rowLabel(cell.row, cell.col))) return "het label noemt procenten";
  if (saysPercent(layout.columnHeader(cell.row, cell.col))) return "de kolomkop noemt procenten";
  if (formatSaysWholePercent(sheet.format?.(cell.row, cell.col))) return "de getalnotatie toont een %";
  if (scan.divided.has(cellKeyOf(cell.row, cell.col))) return "elke formule die de cel leest deelt haar door 100";
  return null;
}

function detectConstant(cell: AuditCell, scan: SheetScan): Detected | null {
  if (typeof cell.value !== "number") return null;
  const value = cell.value;
  const label = labelOf(scan.layout, cell.row, cell.col);
  // A bare number in a cell means nothing without a label that names the rule.
  let named = entriesFor(value).filter((e) => mentions(label, e, true));
  let whole: string | null = null;
  if (!named.length) {
    const percents = percentEntriesFor(value);
    whole = percents.length ? percentEvidence(scan, cell) : null;
    named = whole ? percents.filter((e) => mentions(label, e, true)) : [];
  }
  if (!named.length) return null;
  const entry = named.reduce((best, e) => (labelOverlap(label, e) > labelOverlap(label, best) ? e : best));
  const lit: Literal = {
    node: { k: "num", v: value, text: String(value) },
    value: whole ? Number((value / 100).toPrecision(12)) : value,
    written: String(value),
    ...(whole ? { wholePercent: true } : {}),
  };
  const reason = whole
    ? `een percentage als heel getal (${whole}) met een label dat de regel noemt`
    : "een vaste waarde met een label dat de regel noemt";
  return {
    cell,
    scan,
    chosen: [{ lit, entry, confidence: entry.distinctive ? "hoog" : "laag", reason }],
    constant: { whole: whole !== null },
    year: scan.years.yearOf(scan.sheet, cell.row, cell.col),
  };
}

function describeConstant(d: Detected, ctx: Context): Finding[] {
  const [{ lit, entry, confidence, reason }] = d.chosen;
  const host = { row: d.cell.row, col: d.cell.col };
  const suggestion = suggestConstant(entry, d.constant!.whole, host, ctx);
  const written = { written: lit.written, value: lit.value, wholePercent: d.constant!.whole };
  return [finding(ctx, d.cell, entry, written, confidence, suggestion, lit.written, reason)];
}

export interface AuditOptions {
  /** The year every number is checked against, when the caller knows it better than the workbook. */
  readonly year?: YearCell | null;
  /** The file's name (a year in it is the workbook's year when nothing inside says otherwise). */
  readonly fileName?: string | null;
  /** This calendar year (for tests); the clock's by default. */
  readonly today?: number;
}

/** Every finding in the sheets, sheet by sheet, row by row. */
export function auditSheets(sheets: readonly AuditSheet[], options: AuditOptions = {}): Finding[] {
  const years = new YearResolver(sheets, options.fileName ?? null, options.year);
  const today = options.today ?? new Date().getFullYear();
  const divided = wholePercentReaders(sheets);
  const detected = detectSheets(sheets, years, divided);
  // Cells without a year: their suggestions take the year the numbers themselves point to (a
  // template full of 2025 amounts gets formulas for 2025).
  const evident = detected.some((d) => d.year === null) ? evidentYear(detected, today) : null;
  const out: Finding[] = [];
  for (const d of detected) {
    const ctx = contextOf(d, evident, today);
    // One by one: a sheet may have more findings than a call can take arguments.
    for (const f of d.constant ? describeConstant(d, ctx) : describeFormula(d, ctx)) out.push(f);
  }
  return out;
}

/**
 * The cells holding a whole number that may be a percentage (35,75) that every formula reading
 * them divides by 100. Only such numbers are looked up, so a workbook without them costs nothing.
 */
function wholePercentReaders(sheets: readonly AuditSheet[]): Map<AuditSheet, Set<number>> {
  const candidates = new Map<AuditSheet, Set<number>>();
  for (const sheet of sheets) {
    const keys = new Set<number>();
    for (const cell of sheet.cells()) {
      if (!cell.formula && typeof cell.value === "number" && percentEntriesFor(cell.value).length) {
        keys.add(cellKeyOf(cell.row, cell.col));
      }
    }
    if (keys.size) candidates.set(sheet, keys);
  }
  return candidates.size ? dividedBy100(sheets, candidates) : new Map();
}

const NONE = new Set<number>();

/** The cells with tax numbers, sheet by sheet, row by row. */
function detectSheets(
  sheets: readonly AuditSheet[],
  years: YearResolver,
  divided: ReadonlyMap<AuditSheet, ReadonlySet<number>>,
): Detected[] {
  const out: Detected[] = [];
  for (const sheet of sheets) {
    const scan: SheetScan = { sheet, layout: years.layout(sheet), years, divided: divided.get(sheet) ?? NONE };
    const found: Detected[] = [];
    for (const cell of sheet.cells()) {
      if (!cell.formula && typeof cell.value !== "number") continue;
      // The year cell itself is not a tax number.
      if (years.isYearCell(sheet, cell.row, cell.col)) continue;
      const d = cell.formula ? detectFormula(cell, scan) : detectConstant(cell, scan);
      if (d) found.push(d);
    }
    found.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
    for (const d of found) out.push(d);
  }
  return out;
}
