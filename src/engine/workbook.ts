/**
 * Recalculating .xlsx workbooks: read with exceljs, evaluate every formula with the engine, write
 * the values back as the formulas' cached results, keep everything else as it was.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import { basename, dirname, extname, join } from "path";
import { RawCellContent } from "hyperformula";
import { createEngine, EngineValue, toEngineValue } from "./engine";
import { toEngineFormula } from "./formulaText";

/** A problem with the file itself (not with a formula in it): shown to the user, exit code 2. */
export class WorkbookError extends Error {}

export interface FormulaError {
  readonly cell: string;
  readonly code: string;
  readonly message: string;
}

export interface RecalcSummary {
  readonly sheets: number;
  readonly formulas: number;
  readonly errors: readonly FormulaError[];
}

export type Progress = (message: string) => void;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  let head: Buffer;
  try {
    const handle = await fs.open(path, "r");
    try {
      head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch {
    throw new WorkbookError(`Bestand niet gevonden of niet leesbaar: ${path}`);
  }
  if (![".xlsx", ".xlsm"].includes(extname(path).toLowerCase())) {
    throw new WorkbookError(`Geen .xlsx-bestand: ${path}`);
  }
  if (head.equals(OLE)) {
    throw new WorkbookError(
      `${basename(path)} is met een wachtwoord beveiligd (versleuteld) of is een oud .xls-bestand; sla het op als .xlsx zonder wachtwoord.`,
    );
  }
  if (!head.equals(ZIP)) throw new WorkbookError(`${basename(path)} is geen geldig .xlsx-bestand (geen zip).`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new WorkbookError(
      `${basename(path)} is beschadigd en kan niet worden gelezen (${(error as Error).message}).`,
    );
  }
  return workbook;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A non-formula cell as engine content. */
function content(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.Boolean:
      return v as number | string | boolean;
    case ExcelJS.ValueType.Date:
      return ((v as Date).getTime() - EXCEL_EPOCH) / 86400000;
    case ExcelJS.ValueType.RichText:
      return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    case ExcelJS.ValueType.Hyperlink:
      return String((v as ExcelJS.CellHyperlinkValue).text ?? "");
    case ExcelJS.ValueType.Error:
      return (v as ExcelJS.CellErrorValue).error;
    default:
      return null;
  }
}

function cachedResult(value: EngineValue): ExcelJS.CellFormulaValue["result"] {
  if (value === null) return undefined;
  if (typeof value === "object") return { error: value.error as ExcelJS.CellErrorValue["error"] };
  return value;
}

export function recalcWorkbook(workbook: ExcelJS.Workbook, progress: Progress = () => undefined): RecalcSummary {
  const sheets: Record<string, RawCellContent[][]> = {};
  const formulaCells: Array<{ sheet: number; cell: ExcelJS.Cell }> = [];
  const worksheets = workbook.worksheets;
  progress("Werkmap inlezen…");
  worksheets.forEach((ws, sheet) => {
    const rows: RawCellContent[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: RawCellContent[] = (rows[r - 1] = []);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Formula && cell.formula) {
          cells[c - 1] = toEngineFormula(cell.formula);
          formulaCells.push({ sheet, cell });
        } else {
          cells[c - 1] = content(cell);
        }
      });
    });
    sheets[ws.name] = Array.from(rows, (row) => Array.from(row ?? [], (c) => c ?? null));
  });

  progress(`Rekenen: ${formulaCells.length} formules…`);
  let hf: ReturnType<typeof createEngine>;
  try {
    hf = createEngine(sheets);
  } catch (error) {
    throw new WorkbookError(`De werkmap kan niet worden doorgerekend (${(error as Error).message}).`);
  }
  const errors: FormulaError[] = [];
  try {
    const step = Math.max(1, Math.floor(formulaCells.length / 10));
    formulaCells.forEach(({ sheet, cell }, i) => {
      const value = toEngineValue(hf.getCellValue({ sheet, row: Number(cell.row) - 1, col: Number(cell.col) - 1 }));
      if (value !== null && typeof value === "object") {
        errors.push({ cell: `${worksheets[sheet].name}!${cell.address}`, code: value.error, message: value.message });
      }
      // Through the model: setting cell.value would drop a result of 0 or FALSE (exceljs copies truthy fields only).
      cell.model = { ...cell.model, result: cachedResult(value) } as ExcelJS.CellModel;
      if (formulaCells.length > 5000 && i % step === step - 1) {
        progress(`Resultaten terugschrijven: ${Math.round(((i + 1) / formulaCells.length) * 100)}%`);
      }
    });
  } finally {
    hf.destroy();
  }
  return { sheets: worksheets.length, formulas: formulaCells.length, errors };
}

/**
 * The .xlsx bytes with every zip entry dated the same: exceljs stamps entries with the current
 * time, so recalculating the same workbook twice would give different files.
 */
async function writeReproducibly(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const date =
    workbook.modified instanceof Date && !Number.isNaN(workbook.modified.getTime())
      ? workbook.modified
      : new Date(Date.UTC(1980, 0, 1));
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  await fs.writeFile(
    file,
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }),
  );
}

/** Writes to a temporary file beside the target and renames it, so a failure never leaves half a file. */
export async function writeWorkbook(
  workbook: ExcelJS.Workbook,
  target: string,
  write: (workbook: ExcelJS.Workbook, file: string) => Promise<void> = writeReproducibly,
): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.nl-aftrek.tmp`);
  try {
    await write(workbook, temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw new WorkbookError(
      `Schrijven naar ${target} is mislukt (${(error as Error).message}); het doelbestand is niet gewijzigd.`,
    );
  }
}

export function defaultOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.herberekend${ext}`);
}
