/** A test workbook written to a folder, recalculated beside it, and its cells read back. */
import { join } from "path";
import { recalcFile } from "../../src/engine/recalcFile";
import { parseA1 } from "../../src/workbook/address";
import { openWorkbook } from "../../src/workbook/package";
import { CellValue } from "../../src/workbook/values";
import { TestWorkbook, writeWorkbookFile } from "./xlsx";

/** Recalculates workbooks in `dir` (wb1.xlsx into wb1.uit.xlsx, ...); `value(sheet, "B2")` reads the result. */
export function recalculator(dir: string) {
  let counter = 0;
  return async (wb: TestWorkbook) => {
    const input = join(dir, `wb${++counter}.xlsx`);
    const output = join(dir, `wb${counter}.uit.xlsx`);
    writeWorkbookFile(input, wb);
    const report = await recalcFile(input, output);
    const pkg = await openWorkbook(output);
    const value = (sheet: number, ref: string): CellValue | undefined => {
      const at = parseA1(ref)!;
      return pkg.sheets[sheet].cells.get(at.row, at.col)?.value;
    };
    return { report, value, input, output };
  };
}
