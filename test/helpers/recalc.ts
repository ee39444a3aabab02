/** A test workbook written to a folder, recalculated beside it, and its cells read back. */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recalcFile } from "../../src/engine/recalcFile";
import { parseA1 } from "../../src/workbook/address";
import { openWorkbook } from "../../src/workbook/workbookReader";
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

/** One sheet written as a file in a temporary folder and recalculated by `nl-aftrek recalc`: its report and cells. */
export async function recalcOneSheet(name: string, data: string) {
  const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-sheet-"));
  try {
    const input = join(dir, "in.xlsx");
    const output = join(dir, "uit.xlsx");
    writeWorkbookFile(input, { sheets: [{ name, data }] });
    const report = await recalcFile(input, output);
    return { report, cells: (await openWorkbook(output)).sheets[0].cells };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
