/**
 * Cells the CLI lists with the same text, one below the other in a column, as one line: a column of
 * 10.000 formulas that keep Excel's value (or give the same error) is one line, not 10.000. The
 * runs are the audit's (runsDown), so a filled-down column reads the same in both reports.
 */
import { Placed, runAddress, runsDown } from "../audit/runs";
import { parseA1 } from "../workbook/address";
import { dutchCount } from "../rules/dutch";

export interface CellLine {
  /** `Blad1!F2`, `'Mijn blad'!F2` */
  readonly cell: string;
  readonly text: string;
}

interface PlacedLine extends Placed {
  readonly text: string;
}

/** The lines, in the order of the sheets as first met, then by row and column. */
export function cellRuns(items: readonly CellLine[]): string[] {
  const sheetOrder = new Map<string, number>();
  const placed: PlacedLine[] = [];
  const elsewhere: string[] = []; // a cell named otherwise (a range) is listed as it is
  for (const { cell, text } of items) {
    const bang = cell.lastIndexOf("!");
    const sheet = cell.slice(0, bang);
    const address = cell.slice(bang + 1);
    const at = bang < 0 ? null : parseA1(address);
    if (!at) {
      elsewhere.push(`${cell}: ${text}`);
      continue;
    }
    if (!sheetOrder.has(sheet)) sheetOrder.set(sheet, sheetOrder.size);
    placed.push({ sheet, address, row: at.row, col: at.col, text });
  }
  placed.sort((a, b) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.row - b.row || a.col - b.col);
  const runs = runsDown(placed, (p) => `${p.sheet}\u0000${p.col}\u0000${p.text}`);
  const lines = runs.map((run) => {
    const { sheet, text } = run.items[0];
    const size = run.items.length > 1 ? ` (${dutchCount(run.items.length)} cellen)` : "";
    return `${sheet}!${runAddress(run)}${size}: ${text}`;
  });
  return [...lines, ...elsewhere];
}
