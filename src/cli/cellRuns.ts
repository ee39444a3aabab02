/**
 * Cells the CLI lists with the same text, one below the other in a column, as one line: a column of
 * 10.000 formulas that keep Excel's value (or give the same error) is one line, not 10.000.
 */
import { nl } from "./format";

export interface CellLine {
  /** `Blad1!F2`, `'Mijn blad'!F2` */
  readonly cell: string;
  readonly text: string;
}

interface Run {
  readonly sheet: string;
  readonly column: string;
  readonly text: string;
  readonly first: number;
  last: number;
}

const ADDRESS = /^([A-Z]{1,3})([0-9]+)$/;

/** The lines, in the order of the sheets as first met, then by row and column. */
export function cellRuns(items: readonly CellLine[]): string[] {
  const sheetOrder = new Map<string, number>();
  const groups = new Map<string, { sheet: string; column: string; text: string; rows: number[] }>();
  const single: Array<{ sheet: string; row: number; column: string; line: string }> = [];
  for (const { cell, text } of items) {
    const bang = cell.lastIndexOf("!");
    const sheet = cell.slice(0, bang);
    if (!sheetOrder.has(sheet)) sheetOrder.set(sheet, sheetOrder.size);
    const m = ADDRESS.exec(cell.slice(bang + 1));
    if (bang < 0 || !m) {
      single.push({ sheet, row: 0, column: "", line: `${cell}: ${text}` });
      continue;
    }
    const key = `${sheet}\u0000${m[1]}\u0000${text}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { sheet, column: m[1], text, rows: [] }));
    group.rows.push(Number(m[2]));
  }
  const runs: Run[] = [];
  for (const { sheet, column, text, rows } of groups.values()) {
    rows.sort((a, b) => a - b);
    let run: Run | null = null;
    for (const row of rows) {
      if (run && row <= run.last + 1) run.last = Math.max(run.last, row);
      else runs.push((run = { sheet, column, text, first: row, last: row }));
    }
  }
  const lines = [...runs.map((r) => ({ sheet: r.sheet, row: r.first, column: r.column, line: lineOf(r) })), ...single];
  // Columns in sheet order: B before AA (shorter first, then by letters).
  lines.sort(
    (a, b) =>
      sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! ||
      a.row - b.row ||
      a.column.length - b.column.length ||
      (a.column < b.column ? -1 : a.column > b.column ? 1 : 0),
  );
  return lines.map((l) => l.line);
}

function lineOf(run: Run): string {
  const first = `${run.sheet}!${run.column}${run.first}`;
  if (run.first === run.last) return `${first}: ${run.text}`;
  return `${first}:${run.column}${run.last} (${nl(run.last - run.first + 1)} cellen): ${run.text}`;
}
