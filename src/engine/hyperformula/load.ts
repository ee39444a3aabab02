/** HyperFormula with the NL functions, loaded only when a formula needs it (it is most of what the CLI would load). */
export function loadHyperFormula(): typeof import("./hyperformula") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./hyperformula");
}
