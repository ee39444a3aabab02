/**
 * One workbook converted with proof: the audit's findings (those chosen) replaced by their NL
 * formulas in a copy, recalculated surgically, with the values before and after each replaced
 * cell. The value before is the old formula's, computed by the same engine from the same inputs
 * (Excel's stored value is named where it differs), so that a difference comes from the formula
 * alone. The input is only read; the copy is written through the writer recalc uses.
 */
import { Finding } from "../audit/scan";
import { auditPackage } from "../audit/workbookAudit";
import { ConversionPlan, planConversion, SelectionItem, SkippedCell, CellConversion } from "../audit/conversion";
import { buildReport, CellValues, ConversionReport, sameToTheCent } from "../audit/conversionReport";
import { cellName } from "../audit/layout";
import { print, printForFile } from "../audit/suggest";
import { recalculate } from "../engine/recalc";
import { RecalcOutcome } from "../engine/recalcInterface";
import { FormulaSyntaxError, parseFormula } from "../workbook/formula/parse";
import { Unprintable } from "../workbook/formula/print";
import { FormulaEdit, withFormulas } from "../workbook/formulaWriter";
import { CellRecord, SheetInfo, WorkbookPackage } from "../workbook/package";
import { openWorkbook, readWorkbook } from "../workbook/workbookReader";
import { isSyntaxError, WorkbookReferences } from "../workbook/references";
import { CellValue } from "../workbook/values";
import { writeFileSafely } from "../workbook/files";
import { editSheet, packageBytes, withFullCalcOnLoad } from "../workbook/writer";
import type { PartText } from "../workbook/partText";
import { decodeXml } from "../workbook/xml";
import { inflateEntry } from "../workbook/zip";

export interface ConvertOptions {
  /** The cells or parameters to replace; null: every finding the plan takes by default. */
  readonly selection: readonly SelectionItem[] | null;
  /** This calendar year (for tests). */
  readonly today?: number;
}

export interface ConvertedWorkbook {
  readonly findings: readonly Finding[];
  readonly report: ConversionReport;
}

/** A sheet's part as the reader read it (a sheet without formulas is not kept: read again, the same way). */
function sheetPart(pkg: WorkbookPackage, sheet: SheetInfo): PartText {
  return sheet.part ?? decodeXml(inflateEntry(pkg.data, sheet.entry));
}

interface Edits {
  readonly bySheet: Map<number, FormulaEdit[]>;
  /** Cells of a shared formula written out as formulas of their own (the same formula). */
  readonly spelledOut: string[];
  /** Cells of the plan that cannot be written back. */
  readonly refused: SkippedCell[];
}

const skip = (c: CellConversion, reason: string): SkippedCell => ({
  cell: c.cell,
  sheet: c.sheet,
  address: c.address,
  findings: c.findings,
  reason: `niet te vervangen: ${reason}`,
});

/**
 * The formula edits of a plan. A shared formula whose every cell is replaced by the same formula
 * (shifted to its cell) stays one shared formula with a new text; otherwise each replaced cell gets
 * a formula of its own, and when the group's first cell (which holds the text) is among them, the
 * group's other cells get theirs written out, unchanged.
 */
function formulaEdits(pkg: WorkbookPackage, refs: WorkbookReferences, plan: ConversionPlan): Edits {
  const sheets = new Map(pkg.sheets.map((s) => [s.name, s]));
  const bySheet = new Map<number, FormulaEdit[]>();
  const spelledOut: string[] = [];
  const refused: SkippedCell[] = [];
  const add = (sheet: SheetInfo, edit: FormulaEdit) => {
    const list = bySheet.get(sheet.index);
    if (list) list.push(edit);
    else bySheet.set(sheet.index, [edit]);
  };
  const groups = new Map<string, { sheet: SheetInfo; si: string; cells: CellConversion[] }>();
  for (const c of plan.cells) {
    const sheet = sheets.get(c.sheet)!;
    const cell = sheet.cells.get(c.row, c.col)!;
    const f = cell.formula;
    if (f?.kind === "dataTable") refused.push(skip(c, "de cel hoort bij een gegevenstabel (wat-als-analyse)"));
    else if (f?.kind === "shared" && f.si !== undefined) {
      const key = `${sheet.index}:${f.si}`;
      const group = groups.get(key) ?? { sheet, si: f.si, cells: [] };
      group.cells.push(c);
      groups.set(key, group);
    } else
      add(sheet, { cell, text: c.file, ...(f?.kind === "array" ? { attributes: ` t="array" ref="${f.ref}"` } : {}) });
  }
  for (const { sheet, si, cells } of groups.values()) {
    const members = sheet.cells.values().filter((m) => m.formula?.kind === "shared" && m.formula.si === si);
    const replaced = new Map(cells.map((c) => [`${c.row}:${c.col}`, c]));
    const at = (m: CellRecord) => replaced.get(`${m.row}:${m.col}`);
    const master = members.find((m) => m.formula!.text.trim() !== "");
    if (master && at(master) && members.every(at) && sameShifted(at(master)!.file, master, members, at)) {
      add(sheet, {
        cell: master,
        text: at(master)!.file,
        attributes: ` t="shared" ref="${master.formula!.ref}" si="${si}"`,
      });
      continue;
    }
    const kept: FormulaEdit[] = [];
    if (master && at(master)) {
      for (const m of members) {
        if (at(m)) continue;
        const text = ownFormula(refs, sheet, m);
        if (text === null) break;
        kept.push({ cell: m, text });
      }
      if (kept.length !== members.filter((m) => !at(m)).length) {
        const why = `de gedeelde formule van ${cellName(sheet.name, master.row, master.col)} is voor de andere cellen niet uit te schrijven`;
        refused.push(...cells.map((c) => skip(c, why)));
        continue;
      }
    }
    for (const c of cells) add(sheet, { cell: sheet.cells.get(c.row, c.col)!, text: c.file });
    for (const k of kept) {
      add(sheet, k);
      spelledOut.push(cellName(sheet.name, k.cell.row, k.cell.col));
    }
  }
  return { bySheet, spelledOut, refused };
}

/** Whether the master's new formula, shifted to each cell of the group, is that cell's new formula. */
function sameShifted(
  text: string,
  master: CellRecord,
  members: readonly CellRecord[],
  at: (m: CellRecord) => CellConversion | undefined,
): boolean {
  try {
    const { node } = parseFormula(text, master);
    return members.every((m) => printForFile(node, m) === at(m)!.file);
  } catch (error) {
    if (error instanceof FormulaSyntaxError || error instanceof Unprintable) return false;
    throw error;
  }
}

/** A cell's formula printed by `printer`, or null when it has none that can be read and printed. */
function printedFormula(
  refs: WorkbookReferences,
  sheet: SheetInfo,
  cell: CellRecord,
  printer: typeof print,
): string | null {
  const formula = refs.formulaOf(sheet, cell);
  if (!formula || isSyntaxError(formula)) return null;
  try {
    return printer(formula.node, cell);
  } catch (error) {
    if (error instanceof Unprintable) return null;
    throw error;
  }
}

/** A cell's formula written out as a file stores it, or null when it cannot be. */
const ownFormula = (refs: WorkbookReferences, sheet: SheetInfo, cell: CellRecord): string | null =>
  printedFormula(refs, sheet, cell, printForFile);

/** A cell's formula as the report reads it (English, with "="), or undefined. */
const formulaText = (refs: WorkbookReferences, sheet: SheetInfo, cell: CellRecord): string | undefined =>
  printedFormula(refs, sheet, cell, print) ?? undefined;

/** The values a recalculation computed, by sheet index and position. */
function computed(outcome: RecalcOutcome): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  for (const [sheet, edits] of outcome.edits)
    for (const e of edits) values.set(`${sheet}:${e.cell.row}:${e.cell.col}`, e.value);
  return values;
}

/**
 * Converts `input` into `output` (never the same file: the caller sees to that). The report says
 * per replaced cell what it was and became; cells not replaced are listed with the reason.
 */
export async function convertWorkbook(
  input: string,
  output: string,
  options: ConvertOptions,
): Promise<ConvertedWorkbook> {
  const pkg = await openWorkbook(input);
  const findings = auditPackage(pkg, input, options.today === undefined ? {} : { today: options.today });
  const first = planConversion(findings, options.selection);
  const refs = new WorkbookReferences(pkg);
  const { bySheet, spelledOut, refused } = formulaEdits(pkg, refs, first);
  const out = new Set(refused.map((r) => r.cell));
  const plan: ConversionPlan = {
    ...first,
    cells: first.cells.filter((c) => !out.has(c.cell)),
    skipped: [...first.skipped, ...refused],
  };
  if (!plan.cells.length) {
    await writeFileSafely(output, pkg.data, { keep: keepInput(pkg) });
    return { findings, report: buildReport({ file: input, output, plan, values: () => null }) };
  }
  const sheetParts = new Map<number, Buffer>();
  for (const [index, edits] of bySheet)
    sheetParts.set(index, withFormulas(pkg.sheets[index], sheetPart(pkg, pkg.sheets[index]), edits));
  const copy = await readWorkbook(input, await packageBytes(pkg, sheetParts, null));
  const sheetIndex = new Map(pkg.sheets.map((s) => [s.name, s.index]));
  const place = (c: CellConversion) => ({ sheet: sheetIndex.get(c.sheet)!, row: c.row, col: c.col });
  // Before: the old formulas (and what reads the old constants) computed as the new ones will be.
  // A formula too deep for this thread's stack is listed as not computed, as recalc does without a deeper one.
  const before = await recalculate(pkg, { also: plan.cells.map(place), listTooDeep: true });
  const after = await recalculate(copy, { listTooDeep: true });
  const valuesBefore = computed(before);
  const valuesAfter = computed(after);
  const key = (p: { sheet: number; row: number; col: number }) => `${p.sheet}:${p.row}:${p.col}`;
  const notComputed = new Map(after.notRecalculated.map((n) => [n.cell, n.reason]));
  const values = (c: CellConversion): CellValues => {
    const cell = pkg.sheets[place(c).sheet].cells.get(c.row, c.col)!;
    const stored = cell.value;
    const mine = cell.formula ? valuesBefore.get(key(place(c))) : stored;
    const old = mine === undefined ? stored : mine;
    const shown = cell.formula && mine !== undefined && stored !== null && !sameToTheCent(stored, mine);
    return {
      before: old,
      ...(shown ? { stored } : {}),
      after: valuesAfter.get(key(place(c))) ?? null,
      ...(notComputed.has(c.cell) ? { notComputed: notComputed.get(c.cell)! } : {}),
    };
  };
  const replaced = new Set(plan.cells.map((c) => key(place(c))));
  const copyRefs = new WorkbookReferences(copy);
  const dependents: Array<{ cell: string; before: CellValue; after: CellValue; formula?: string }> = [];
  for (const [index, edits] of [...after.edits].sort((a, b) => a[0] - b[0])) {
    const sheet = copy.sheets[index];
    for (const { cell, value } of [...edits].sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col)) {
      const k = key({ sheet: index, row: cell.row, col: cell.col });
      if (replaced.has(k)) continue;
      const old = valuesBefore.has(k)
        ? valuesBefore.get(k)!
        : (pkg.sheets[index].cells.get(cell.row, cell.col)?.value ?? null);
      dependents.push({
        cell: cellName(sheet.name, cell.row, cell.col),
        before: old,
        after: value,
        formula: formulaText(copyRefs, sheet, cell),
      });
    }
  }
  const parts = new Map<number, Buffer>();
  for (const [index, edits] of after.edits) {
    const bytes = editSheet(copy.sheets[index], edits);
    if (bytes !== null) parts.set(index, bytes);
  }
  const workbookText = after.fullCalcOnLoad ? withFullCalcOnLoad(copy) : null;
  await writeFileSafely(output, await packageBytes(copy, parts, workbookText), { keep: keepInput(pkg) });
  const report = buildReport({
    file: input,
    output,
    plan,
    values,
    dependents,
    spelledOut,
    notRecalculated: after.notRecalculated.filter((n) => !plan.cells.some((c) => c.cell === n.cell)),
  });
  return { findings, report };
}

/** The input, which an output must never overwrite (also through a link or another name). */
const keepInput = (pkg: WorkbookPackage) => (pkg.identity ? [pkg.identity] : []);
