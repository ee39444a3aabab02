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

/**
 * The most characters a text may have in Excel: "Total number of characters that a cell can
 * contain: 32,767 characters" (Microsoft, "Excel specifications and limits",
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * A formula that makes a longer text gives #VALUE! in Excel.
 */
export const MAX_TEXT_LENGTH = 32767;

/** The message with the #VALUE! of a text over Excel's limit. */
export const TEXT_TOO_LONG = `De tekst is langer dan ${MAX_TEXT_LENGTH.toLocaleString("nl-NL")} tekens, het meeste dat een cel in Excel kan bevatten.`;

/** A value as Excel holds it: a text longer than MAX_TEXT_LENGTH is #VALUE!. */
export function withinTextLimit(value: CellValue): CellValue {
  return typeof value === "string" && value.length > MAX_TEXT_LENGTH ? errorValue("#VALUE!", TEXT_TOO_LONG) : value;
}
