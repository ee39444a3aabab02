/**
 * The custom functions by their Excel id (without the NL namespace), for hosts other than Excel
 * that need to look them up by name: the headless engine and the tests. Both lists come from
 * functionList.ts, generated from the same JSDoc metadata that Excel registers.
 */
import { KETEN_LABELS } from "../rules/keten";
import { FUNCTION_LIST } from "./functionList";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NlFunction = (...args: any[]) => number | boolean | string | any[][];

export const NL_FUNCTIONS: Readonly<Record<string, NlFunction>> = Object.fromEntries(
  FUNCTION_LIST.map((f) => [f.id, f.implementation as NlFunction]),
);

/**
 * The arguments each function requires, by name (the ones without [brackets] in its metadata). Excel
 * does not accept a formula that leaves one out; the headless engine answers it with an error that
 * names the first one missing, rather than reading it as an empty cell (a silent 0).
 */
export const NL_REQUIRED: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  FUNCTION_LIST.map((f) => [f.id, f.required]),
);

/** Functions that return a spill, with its fixed size (the engine needs it before evaluating). */
export const NL_SPILLS: Readonly<Record<string, { rows: number; columns: number }>> = {
  OVERZICHT: { rows: Object.keys(KETEN_LABELS).length, columns: 2 },
};
