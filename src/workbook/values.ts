/** The values a cell can hold, as read from a workbook and as the engine computes them. */
export interface ErrorValue {
  /** An Excel error code, such as `#VALUE!`. */
  readonly error: string;
  /** The NL function's Dutch explanation, when it gave one (never stored in the file). */
  readonly message?: string;
}

export type CellValue = number | string | boolean | ErrorValue | null;

export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === "object" && value !== null && typeof (value as ErrorValue).error === "string";
}

export function errorValue(error: string, message?: string): ErrorValue {
  return message ? { error, message } : { error };
}
