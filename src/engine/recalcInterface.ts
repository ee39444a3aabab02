/**
 * What a recalculation is asked (RecalcOptions) and what it answers (RecalcOutcome): the cells it
 * wrote, the cells that keep their cached value with the reason, the errors, and its progress.
 */
import { CellEdit } from "../workbook/writer";
import { CellAt } from "./plan/dependents";

export interface CellNote {
  /** `Blad!B5` */
  readonly cell: string;
  readonly reason: string;
}

export interface CellError {
  readonly cell: string;
  readonly code: string;
  readonly message: string;
}

export interface RecalcOutcome {
  /** Formulas in the workbook, and how many of them call an NL function (also those that cannot be read). */
  readonly formulas: number;
  readonly nlFormulas: number;
  /** Cells recalculated (NL formulas and their dependents), and how many of those changed. */
  readonly recalculated: number;
  readonly changedCells: number;
  /** Cells that keep their cached value, with the reason. */
  readonly notRecalculated: readonly CellNote[];
  /** How many of those are NL formulas: NL results this recalculation could not give. */
  readonly nlNotRecalculated: number;
  /**
   * Why the workbook's cached formula results are not Excel's (a generated file, LibreOffice), or
   * null: then the formulas the NL formulas read are computed too instead of read at their cache.
   */
  readonly cachesNotExcel: string | null;
  /** Formulas the NL formulas read that were computed because they had no cached result of Excel's. */
  readonly precedentsComputed: number;
  /** Recalculated cells whose result is an error (with the NL message where there is one). */
  readonly errors: readonly CellError[];
  /** Excel is asked to recalculate the whole workbook when it opens the file. */
  readonly fullCalcOnLoad: boolean;
  readonly edits: ReadonlyMap<number, readonly CellEdit[]>;
}

/** How far a recalculation of a file is: its phase and, while computing, the cells done of all. */
export interface RecalcProgress {
  readonly phase: "lezen" | "rekenen" | "schrijven";
  readonly done: number;
  readonly total: number;
}

export interface RecalcOptions {
  /** Threads the NL calls of a big workbook may be spread over (this one included); 1: only this one. */
  readonly threads?: number;
  /** Told now and then how far it is (a big workbook takes seconds): at each phase, and every few thousand cells. */
  readonly progress?: (progress: RecalcProgress) => void;
  /**
   * Cells to recalculate besides the NL formulas: a formula there, and the formulas that read the
   * cell (the audit's proof computes a template's old formulas as it computes the new ones).
   */
  readonly also?: readonly CellAt[];
  /**
   * A formula too deep for this thread's stack is listed as not recalculated; without this, a
   * NeedsDeepStack is thrown before anything is computed (the caller moves to a deeper stack).
   */
  readonly listTooDeep?: boolean;
}
