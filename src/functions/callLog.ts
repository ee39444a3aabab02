/**
 * The recent NL calls of this runtime, for "Uitleg cel": per cell address the function and a
 * compact copy of its arguments, so the task pane can re-run the call with tracing on. Bounded:
 * at most 500 cells and about a million argument cells (numbers in typed arrays), the oldest go
 * first; a workbook of any size keeps the shared runtime's memory flat.
 *
 * The pane reads the log through the global scope of the shared runtime (by the symbol below) and
 * never imports this layer.
 */
import { captureTrace, Trace } from "../rules/trace";

export const CALLS_KEY = Symbol.for("nl-aftrek.calls");
export const MAX_CALLS = 500;
export const MAX_CELLS = 1_000_000;

/** What the task pane can ask about a cell. */
export interface RecordedCall {
  readonly functionName: string;
  /** Re-runs the call with tracing on; null when the arguments were too big to keep. */
  explain(): Trace | null;
}

/** A range as kept: its shape, and its cells up to the last non-empty row. */
interface CompactRange {
  readonly rows: number;
  readonly columns: number;
  /** Numbers, NaN for an empty cell (Excel never passes NaN); or the cells as they were. */
  readonly cells: Float64Array | unknown[];
  readonly kept: number;
}

type CompactArg = unknown | CompactRange;

const isBlankCell = (v: unknown) => v === null || v === undefined || v === "";
/** The end of a range's content: older desktop Excel passes an empty cell as 0, and 0 means empty to every NL function. */
const isEmptyCell = (v: unknown) => isBlankCell(v) || v === 0;

function compactRange(range: unknown[][]): CompactRange {
  const rows = range.length;
  const columns = Array.isArray(range[0]) ? range[0].length : 1;
  let lastRow = -1;
  let numeric = true;
  for (let r = 0; r < rows; r++) {
    const row = range[r];
    for (let c = 0; c < columns; c++) {
      const v = Array.isArray(row) ? row[c] : row;
      if (isEmptyCell(v)) continue;
      lastRow = r;
      if (typeof v !== "number") numeric = false;
    }
  }
  const kept = (lastRow + 1) * columns;
  const cells: Float64Array | unknown[] = numeric ? new Float64Array(kept) : new Array(kept);
  for (let r = 0; r <= lastRow; r++) {
    const row = range[r];
    for (let c = 0; c < columns; c++) {
      const v = Array.isArray(row) ? row[c] : row;
      if (numeric) (cells as Float64Array)[r * columns + c] = isBlankCell(v) ? NaN : (v as number);
      else (cells as unknown[])[r * columns + c] = v ?? null;
    }
  }
  return { rows, columns, cells, kept };
}

function isCompactRange(arg: CompactArg): arg is CompactRange {
  return typeof arg === "object" && arg !== null && "kept" in arg && "columns" in arg;
}

function rebuild(arg: CompactArg): unknown {
  if (!isCompactRange(arg)) return arg;
  const out: unknown[][] = [];
  for (let r = 0; r < arg.rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < arg.columns; c++) {
      const i = r * arg.columns + c;
      if (i >= arg.kept) row.push(null);
      else if (arg.cells instanceof Float64Array) row.push(Number.isNaN(arg.cells[i]) ? null : arg.cells[i]);
      else row.push(arg.cells[i]);
    }
    out.push(row);
  }
  return out;
}

interface Entry extends RecordedCall {
  readonly cells: number;
}

type Runner = (...args: unknown[]) => unknown;

export class CallLog {
  private readonly entries = new Map<string, Entry>();
  private cells = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Argument cells kept, all entries together. */
  get keptCells(): number {
    return this.cells;
  }

  get(address: string): RecordedCall | undefined {
    return this.entries.get(address);
  }

  record(address: string, functionName: string, args: ArrayLike<unknown>, run: Runner): void {
    const compact: CompactArg[] = [];
    let cells = 0;
    // The last argument is Excel's invocation; everything before it is the function's own.
    for (let i = 0; i < args.length - 1; i++) {
      const arg = args[i];
      if (Array.isArray(arg)) {
        const range = compactRange(arg as unknown[][]);
        cells += range.kept;
        compact.push(range);
      } else {
        cells += 1;
        compact.push(arg);
      }
    }
    const tooBig = cells > MAX_CELLS / 4;
    const entry: Entry = {
      functionName,
      cells: tooBig ? 1 : cells,
      explain: tooBig ? () => null : () => captureTrace(() => run(...compact.map(rebuild))),
    };
    const old = this.entries.get(address);
    if (old) {
      this.cells -= old.cells;
      this.entries.delete(address);
    }
    this.entries.set(address, entry);
    this.cells += entry.cells;
    for (const [key, oldest] of this.entries) {
      if (this.entries.size <= MAX_CALLS && this.cells <= MAX_CELLS) break;
      this.entries.delete(key);
      this.cells -= oldest.cells;
    }
  }
}

/** The one log of this runtime, shared with the task pane through the global scope. */
export function callLog(): CallLog {
  const g = globalThis as unknown as Record<symbol, CallLog | undefined>;
  return (g[CALLS_KEY] ??= new CallLog());
}
