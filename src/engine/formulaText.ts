/**
 * Formula spellings. Excel stores add-in functions as `_xldudf_NL_KIA(` and newer functions with
 * an `_xlfn.` (or `_xlws.`) prefix; HyperFormula knows neither.
 */
const XLDUDF = /_xldudf_NL_([A-Z0-9]+)\(/gi;
const PREFIXES = /_xl(?:fn|ws)\./gi;

/** The formula as the engine parses it: with a leading `=`, NL functions as `NL.NAME(`. */
export function toEngineFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return `=${body.replace(XLDUDF, (_, name: string) => `NL.${name.toUpperCase()}(`).replace(PREFIXES, "")}`;
}

/** The formula as Excel stores it in a file: no leading `=`, NL functions as `_xldudf_NL_NAME(`. */
export function toFileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return body.replace(/\bNL\.([A-Z0-9]+)\(/gi, (_, name: string) => `_xldudf_NL_${name.toUpperCase()}(`);
}
