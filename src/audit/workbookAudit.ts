/**
 * The audit of a workbook file: the one package reader (src/workbook) gives the sheets, the shared
 * formulas and their hosts; the scan does the rest. Nothing is written.
 */
import { basename } from "path";
import { CellRecord, openWorkbook, SheetInfo, WorkbookPackage } from "../workbook/package";
import { isSyntaxError, WorkbookReferences } from "../workbook/references";
import { numberFormats } from "./numberFormats";
import { AuditCell, AuditOptions, auditSheets, AuditSheet, Finding } from "./scan";

function sheetView(sheet: SheetInfo, refs: WorkbookReferences, format: ReturnType<typeof numberFormats>): AuditSheet {
  // The cells of an array formula's area other than its first hold its results, not typed numbers
  // (by the cells the file holds: an area may be a whole column).
  const arrayResults = new Set<CellRecord>();
  for (const a of sheet.arrays) sheet.cells.forEachIn(a.area, (cell) => cell !== a.master && arrayResults.add(cell));
  const view = (cell: ReturnType<SheetInfo["cells"]["get"]>): AuditCell | undefined => {
    if (!cell) return undefined;
    const parsed = refs.formulaOf(sheet, cell);
    const value = cell.value;
    if (!parsed || isSyntaxError(parsed)) {
      // A formula's result (one that cannot be read, or a cell of an array) is no constant: only its text may label.
      const result = cell.formula !== undefined || arrayResults.has(cell);
      return { row: cell.row, col: cell.col, value: result && typeof value !== "string" ? null : value };
    }
    // Relative references are offsets in the tree, so a shared formula's tree prints right for each of its cells.
    return { row: cell.row, col: cell.col, value, formula: { node: parsed.node, host: cell } };
  };
  return {
    name: sheet.name,
    get: (row, col) => view(sheet.cells.get(row, col)),
    format: (row, col) => format(sheet, row, col),
    *cells() {
      for (const cell of sheet.cells.values()) yield view(cell)!;
    },
  };
}

export interface WorkbookAudit {
  readonly file: string;
  readonly findings: readonly Finding[];
}

/** The findings of a package read from `file` (its name may say the year). */
export function auditPackage(pkg: WorkbookPackage, file: string, options: AuditOptions = {}): Finding[] {
  const refs = new WorkbookReferences(pkg);
  const format = numberFormats(pkg);
  return auditSheets(
    pkg.sheets.map((s) => sheetView(s, refs, format)),
    { fileName: basename(file), ...options },
  );
}

/** Reads the file (a WorkbookError for a file it cannot read) and lists its findings. */
export async function auditWorkbook(file: string, options: AuditOptions = {}): Promise<WorkbookAudit> {
  return { file, findings: auditPackage(await openWorkbook(file), file, options) };
}
