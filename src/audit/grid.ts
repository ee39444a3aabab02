/**
 * A sheet as the Excel API reads it (a block of formulas and values from a top-left cell) in the
 * shape the scan takes. Formulas come in English syntax with "=", as Range.formulas gives them.
 */
import { FormulaSyntaxError, parseFormula } from "../workbook/formula/parse";
import { a1 } from "../workbook/address";
import { percentEntriesFor } from "./catalogue";
import type { AuditCell, AuditSheet } from "./scan";

export function sheetFromGrid(
  name: string,
  rowIndex: number,
  columnIndex: number,
  formulas: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[],
  /** A cell's number format (Range.numberFormat), where it was read (see percentCandidates). */
  format?: (row: number, col: number) => string | undefined,
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
  return { name, get: (row, col) => cells.get(key(row, col)), cells: () => cells.values(), format };
}

/**
 * The cells whose number format the audit may ask for: typed numbers that are a percentage written
 * as a whole number (35,75). Only these are read (Range.numberFormat for every cell would make each
 * read half as large again, and a request has a size limit).
 */
export function percentCandidates(
  name: string,
  rowIndex: number,
  columnIndex: number,
  formulas: readonly (readonly unknown[])[],
): Array<{ sheet: string; address: string; row: number; col: number }> {
  const out: Array<{ sheet: string; address: string; row: number; col: number }> = [];
  formulas.forEach((line, r) =>
    line.forEach((content, c) => {
      if (typeof content !== "number" || !percentEntriesFor(content).length) return;
      const row = rowIndex + r + 1;
      const col = columnIndex + c + 1;
      out.push({ sheet: name, address: a1(row, col), row, col });
    }),
  );
  return out;
}
