/**
 * A sheet as the Excel API reads it (a block of formulas and values from a top-left cell) in the
 * shape the scan takes. Formulas come in English syntax with "=", as Range.formulas gives them.
 */
import { FormulaSyntaxError, parseFormula } from "../workbook/formula/parse";
import type { AuditCell, AuditSheet } from "./scan";

export function sheetFromGrid(
  name: string,
  rowIndex: number,
  columnIndex: number,
  formulas: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[],
  /** The number formats (Range.numberFormat), where they were read. */
  formats?: readonly (readonly unknown[])[],
): AuditSheet {
  const cells = new Map<number, AuditCell>();
  const key = (row: number, col: number) => row * 20000 + col;
  formulas.forEach((line, r) =>
    line.forEach((content, c) => {
      const row = rowIndex + r + 1;
      const col = columnIndex + c + 1;
      const raw = values[r]?.[c];
      const value =
        raw === "" || raw === undefined || raw === null
          ? null
          : typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean"
            ? raw
            : null;
      if (typeof content === "string" && content.startsWith("=")) {
        try {
          const { node } = parseFormula(content, { row, col });
          cells.set(key(row, col), { row, col, value, formula: { node, host: { row, col } } });
          return;
        } catch (error) {
          if (!(error instanceof FormulaSyntaxError)) throw error;
        }
      }
      if (value !== null) cells.set(key(row, col), { row, col, value });
    }),
  );
  const format = (row: number, col: number) => {
    const f = formats?.[row - rowIndex - 1]?.[col - columnIndex - 1];
    return typeof f === "string" ? f : undefined;
  };
  return { name, get: (row, col) => cells.get(key(row, col)), cells: () => cells.values(), format };
}
