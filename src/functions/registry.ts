/**
 * The custom functions by their Excel id (without the NL namespace), for hosts other than Excel
 * that need to look them up by name: the headless engine and the tests. Excel itself registers
 * them through the metadata generated from functions.ts.
 */
import * as f from "./functions";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NlFunction = (...args: any[]) => number | boolean;

export const NL_FUNCTIONS: Readonly<Record<string, NlFunction>> = {
  KIA: f.kiaFunction,
  MKBVRIJ: f.mkbvrijFunction,
  ZELFSTANDIGENAFTREK: f.zelfstandigenaftrekFunction,
  STARTERSAFTREK: f.startersaftrekFunction,
  URENCRITERIUM: f.urencriteriumFunction,
  BELASTBAREWINST: f.belastbarewinstFunction,
};
