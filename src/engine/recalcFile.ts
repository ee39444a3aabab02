/**
 * One workbook file recalculated: read, recalculate, write. The output is the input file itself
 * when nothing changes (byte for byte), else a package in which only the recalculated cells'
 * cached results (and, when needed, `fullCalcOnLoad`) differ.
 */
import { writeFileSafely } from "../workbook/files";
import { memoryLimit } from "../workbook/memoryGuard";
import { openWorkbook } from "../workbook/workbookReader";
import { editSheet, packageBytes, withFullCalcOnLoad } from "../workbook/writer";
import { deepStackAvailable, inDeepStack, NeedsDeepStack } from "./threads/deepStack";
import { recalculate } from "./recalc";
import { RecalcOptions, RecalcOutcome } from "./recalcInterface";

export interface RecalcReport extends Omit<RecalcOutcome, "edits"> {
  readonly input: string;
  readonly output: string;
  /** The output is byte for byte the input: there was nothing to change. */
  readonly unchanged: boolean;
}

export interface RecalcFileOptions extends RecalcOptions {
  /**
   * Set to 1 (at index 0) once the result is built and being written: from then on the file is
   * written whole or not at all, and whoever watches memory lets it finish (memoryBudget.ts).
   */
  readonly writing?: Int32Array;
}

/**
 * Recalculates `input` into `output`. With `output` the same path as `input` (--in-place) the input
 * is replaced, atomically, and only when something changed; any other output is a new file, and
 * never the input under another name. A workbook with a formula deeper than this thread's stack
 * walks is done again on a thread with a larger one (see deepStack.ts).
 */
export async function recalcFile(
  input: string,
  output: string,
  options: RecalcFileOptions = {},
): Promise<RecalcReport> {
  try {
    return await recalcOnce(input, output, options);
  } catch (error) {
    if (!(error instanceof NeedsDeepStack)) throw error;
    if (deepStackAvailable())
      return (await inDeepStack({
        kind: "recalc",
        input,
        output,
        writing: options.writing,
        memoryLimit: memoryLimit(),
      })) as RecalcReport;
    return recalcOnce(input, output, { ...options, listTooDeep: true });
  }
}

async function recalcOnce(input: string, output: string, options: RecalcFileOptions): Promise<RecalcReport> {
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
  const inPlace = output === input;
  if (!(unchanged && inPlace)) {
    const bytes = unchanged ? pkg.data : await packageBytes(pkg, sheetParts, workbookText);
    const read = pkg.identity;
    if (options.writing) Atomics.store(options.writing, 0, 1);
    await writeFileSafely(output, bytes, inPlace && read ? { replaces: read } : { keep: read ? [read] : [] });
  }
  const { edits: _edits, ...summary } = outcome;
  void _edits;
  return { input, output, unchanged, ...summary };
}
