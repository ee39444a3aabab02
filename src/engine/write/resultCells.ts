/**
 * What a recalculated result writes into the sheet: the cells it goes into (an array formula's
 * whole area), whether Excel has a code for each error in it, and whether a cell already holds it.
 */
import { a1, Area } from "../../workbook/address";
import { isExcelError } from "../../workbook/formula/ast";
import { SheetCells, WorkbookPackage } from "../../workbook/package";
import { CellValue, ErrorValue, errorValue, isErrorValue } from "../../workbook/values";
import { CellEdit } from "../../workbook/writer";
import { FormulaCell } from "../plan/dependents";

/** The first error among the values that Excel has no code for (it cannot be written), or null. */
export function unwritable(cells: readonly CellEdit[]): ErrorValue | null {
  for (let k = 0; k < cells.length; k++) {
    const value = cells[k].value;
    if (isErrorValue(value) && !isExcelError(value.error)) return value;
  }
  return null;
}

/** Whether the cell already holds the value (then writing it changes nothing). */
export function holdsValue(edit: CellEdit): boolean {
  const current = edit.cell.value;
  const value = edit.value;
  if (isErrorValue(value)) return isErrorValue(current) && current.error === value.error;
  return current === value;
}

/** The cells a result goes into; a string when it cannot be written without changing the sheet's layout. */
export function targetCells(
  pkg: WorkbookPackage,
  f: FormulaCell,
  result: CellValue | CellValue[][],
): CellEdit[] | string {
  const cells = pkg.sheets[f.sheet].cells;
  if (!f.arrayArea) {
    const value = Array.isArray(result) ? (result[0]?.[0] ?? null) : result;
    return [{ cell: f.cell, value: value === null ? 0 : value }];
  }
  const area = f.arrayArea;
  const rows = Array.isArray(result) ? result : [[result]];
  const height = area.r2 - area.r1 + 1;
  const width = area.c2 - area.c1 + 1;
  if (f.cell.formula?.dynamic && (rows.length !== height || (rows[0]?.length ?? 0) !== width)) {
    return `de uitkomst heeft een andere grootte (${rows.length}×${rows[0]?.length ?? 0}) dan het overloopbereik (${height}×${width})`;
  }
  const missing = missingArrayCell(cells, area);
  if (missing) return missing;
  // A result of one row fills every row of the area, one of one column every column, one value
  // every cell; beyond a larger result's size, #N/A (ECMA-376 part 1, "Single- and Multi-Cell Formulas"; Excel does the same).
  const oneRow = rows.length === 1;
  const oneColumn = (rows[0]?.length ?? 0) === 1;
  const out: CellEdit[] = [];
  for (let r = area.r1; r <= area.r2; r++) {
    for (let c = area.c1; c <= area.c2; c++) {
      const row = rows[oneRow ? 0 : r - area.r1];
      let value: CellValue = row?.[oneColumn ? 0 : c - area.c1] ?? errorValue("#N/A");
      if (value === null) value = f.cell.formula?.dynamic ? "" : 0;
      out.push({ cell: cells.get(r, c)!, value });
    }
  }
  return out;
}

/**
 * Why a result cannot be written into an array formula's area: the first cell of it the file does
 * not hold (or holds as inline text, whose element would change); null when every cell is there.
 * Stops at the first such cell, so a huge area costs no more than the cells the file holds.
 */
export function missingArrayCell(cells: SheetCells, area: Area): string | null {
  for (let r = area.r1; r <= area.r2; r++) {
    for (let c = area.c1; c <= area.c2; c++) {
      const cell = cells.get(r, c);
      if (!cell || cell.type === "inlineStr") return `cel ${a1(r, c)} van het matrixbereik ontbreekt in het bestand`;
    }
  }
  return null;
}
