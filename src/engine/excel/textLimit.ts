/**
 * Excel's limit on a text's length: "Total number of characters that a cell can contain: 32,767
 * characters" (Microsoft, "Excel specifications and limits",
 * https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * A formula that makes a longer text gives #VALUE! in Excel; so it does here, from either evaluator.
 */
import { dutchCount } from "../../rules/dutch";
import { CellValue, errorValue } from "../../workbook/values";

/** The most characters a text may have in Excel. */
export const MAX_TEXT_LENGTH = 32767;

/** The message with the #VALUE! of a text over Excel's limit. */
export const TEXT_TOO_LONG = `De tekst is langer dan ${dutchCount(MAX_TEXT_LENGTH)} tekens, het meeste dat een cel in Excel kan bevatten.`;

/** A value as Excel holds it: a text longer than MAX_TEXT_LENGTH is #VALUE!. */
export function withinTextLimit(value: CellValue): CellValue {
  return typeof value === "string" && value.length > MAX_TEXT_LENGTH ? errorValue("#VALUE!", TEXT_TOO_LONG) : value;
}
