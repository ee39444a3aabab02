/** The rules core: pure functions over decimal.js, each returning `{ value, trace }`. */
export * from "./chain";
export * from "./errors";
export * from "./kia";
export * from "./mkbWinstvrijstelling";
export * from "./money";
export * from "./startersaftrek";
export * from "./trace";
export * from "./urencriterium";
export * from "./version";
export * from "./zelfstandigenaftrek";
export { ALL_PARAMETERS, coveredYears, findParameter, valueFor } from "./parameters";
export type { Parameter, Source, DatedValue } from "./parameters";
