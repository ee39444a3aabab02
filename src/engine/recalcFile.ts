/**
 * One workbook file recalculated: read, recalculate, write. The output is the input file itself
 * when nothing changes (byte for byte), else a package in which only the recalculated cells'
 * cached results (and, when needed, `fullCalcOnLoad`) differ.
 */
import { promises as fs } from "fs";
import { basename, dirname, extname, join } from "path";
import { openWorkbook } from "../workbook/package";
import { editSheet, packageBytes, withFullCalcOnLoad, writeAtomically } from "../workbook/writer";
import { recalculate, RecalcOptions, RecalcOutcome } from "./recalc";

export interface RecalcReport extends Omit<RecalcOutcome, "edits"> {
  readonly input: string;
  readonly output: string;
  /** The output is byte for byte the input: there was nothing to change. */
  readonly unchanged: boolean;
}

export function defaultOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.herberekend${ext}`);
}

/** Recalculates `input` into `output` (which may be `input` itself: written atomically). */
export async function recalcFile(input: string, output: string, options: RecalcOptions = {}): Promise<RecalcReport> {
  options.progress?.({ phase: "lezen", done: 0, total: 0 });
  const pkg = await openWorkbook(input);
  const outcome = await recalculate(pkg, options);
  options.progress?.({ phase: "schrijven", done: outcome.recalculated, total: outcome.recalculated });
  const sheetParts = new Map<number, Buffer>();
  for (const [index, edits] of outcome.edits) {
    const bytes = editSheet(pkg.sheets[index], edits);
    if (bytes !== null) sheetParts.set(index, bytes);
  }
  const workbookText = outcome.fullCalcOnLoad ? withFullCalcOnLoad(pkg) : null;
  const unchanged = sheetParts.size === 0 && workbookText === null;
  const bytes = unchanged ? pkg.data : await packageBytes(pkg, sheetParts, workbookText);
  await writeAtomically(output, bytes);
  const { edits: _edits, ...summary } = outcome;
  void _edits;
  return { input, output, unchanged, ...summary };
}

export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fs.realpath(a), fs.realpath(b)]);
    return x === y;
  } catch {
    return false;
  }
}
