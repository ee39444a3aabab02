/**
 * Findings of a formula filled down a column, seen as one: the same finding in each cell of a
 * column, one row below the other, is one run. The CLI report and the task pane list a run once
 * (by its first cell and its range); each cell still gets the suggestion for its own row.
 */
import type { Finding } from "./scan";

export interface Run<T> {
  /** The items of the run, top to bottom (at least one). */
  readonly items: readonly T[];
}

/** Where an item is: its sheet, its A1 address, its row and column (from 1). */
export interface Placed {
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly col: number;
}

/**
 * The runs of `items`, in the order their first items come: an item joins the open run of its
 * `key` (which must tell sheet and column apart) when it lies in the row below that run's last
 * item; any other item starts a run of its own. A second item of the same key in the same row (the
 * same number twice in one formula) is a run of its own and leaves the open run as it was.
 */
export function runsDown<T extends Placed>(items: readonly T[], key: (item: T) => string): Run<T>[] {
  const runs: Array<{ items: T[] }> = [];
  const open = new Map<string, { items: T[] }>();
  for (const item of items) {
    const k = key(item);
    const run = open.get(k);
    const last = run?.items[run.items.length - 1];
    if (run && last!.row === item.row - 1) run.items.push(item);
    else if (run && last!.row === item.row) runs.push({ items: [item] });
    else {
      const started = { items: [item] };
      runs.push(started);
      open.set(k, started);
    }
  }
  return runs;
}

/** The key under which findings of a filled-down formula are one run: all but the cell itself. */
export function findingRunKey(f: Finding): string {
  return [f.sheet, f.col, f.written, f.parameter, f.years.join(" "), f.confidence, f.stale].join("\u0000");
}

/** The run's cells as an A1 range on their sheet (`D2:D501`), or the one cell's address. */
export function runAddress<T extends Placed>(run: Run<T>): string {
  const first = run.items[0];
  const last = run.items[run.items.length - 1];
  return last.row === first.row ? first.address : `${first.address}:${first.address.replace(/\d+$/, String(last.row))}`;
}
