/**
 * Argument coercion at the Excel boundary. Excel passes numbers, strings, booleans, `null` (an
 * omitted argument, or an empty cell on the web and in current Microsoft 365) and `0` (an empty
 * cell in older desktop builds, inside ranges too); ranges arrive as arrays of rows; a cell with a
 * data type (Stocks, Geography, a formatted number) arrives as its JSON object, because the
 * generated metadata sets allowCustomDataForDataTypeAny. Everything becomes an exact `Decimal` or
 * a boolean here, or a #VALUE! error with a Dutch message that names the argument.
 *
 * The formula contract: an empty cell, an omitted argument and 0 mean the same for every argument,
 * so that a workbook gives one answer in every Excel. Each reader here keeps to that.
 */
import Decimal from "decimal.js";
import { dutchNumber, nl } from "../rules/dutch";
import { Money } from "../rules/money";
import { invalidValue } from "./excelError";

export type ExcelScalar = number | string | boolean | null | undefined;
export type ExcelArg = ExcelScalar | ExcelScalar[][] | unknown;

export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** Empty as a custom function can see it: no value, or the 0 that older desktop Excel passes for an empty cell. */
export function isEmptyOrZero(value: unknown): boolean {
  return isBlank(value) || value === 0;
}

const clip = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

function describe(value: unknown): string {
  if (typeof value === "string") return `tekst "${clip(value)}"`;
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  if (typeof value === "number") return Number.isFinite(value) ? dutchNumber(decimalFromNumber(value)) : String(value);
  if (Array.isArray(value)) return "een bereik";
  return "een foutwaarde";
}

/** A cell value of a data type, as Excel passes it (Excel.CellValue: `type`, `basicValue`, …). */
interface DataTypeValue {
  readonly type?: unknown;
  readonly basicValue?: unknown;
  readonly text?: unknown;
}

/**
 * The plain value of a cell. A data type that carries a number, text or yes/no (a formatted
 * number, a string or boolean value) counts as that value; an entity (a Stocks or Geography cell,
 * a card), an image or an array is refused with a message that says what it is.
 */
function plain(value: unknown, name: string): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const v = value as DataTypeValue;
  switch (v.type) {
    case "Double":
    case "FormattedNumber":
    case "String":
    case "Boolean":
      return v.basicValue;
    case "Empty":
      return null;
    case "Error":
      throw invalidValue(`Argument '${name}' bevat een foutwaarde (${String(v.basicValue ?? "#WAARDE!")}).`);
  }
  const shown = typeof v.text === "string" && v.text ? ` ("${clip(v.text)}")` : "";
  throw invalidValue(
    `Argument '${name}' bevat een gegevenstype${shown}, zoals Aandelen of Aardrijkskunde: geen getal. Verwijs naar één veld ervan, bijvoorbeeld A2.Prijs.`,
  );
}

/** A single value: a 1×1 range counts as its cell. */
export function single(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return plain(value, name);
  const cells = value.flat();
  if (cells.length === 1 && !Array.isArray(cells[0])) return plain(cells[0], name);
  throw invalidValue(`Argument '${name}' verwacht één waarde, geen bereik van ${cells.length} cellen.`);
}

/**
 * A JS number as Excel shows it: 15 significant digits, so that binary noise such as
 * 0.1 + 0.2 = 0.30000000000000004 does not leak into exact money.
 */
export function decimalFromNumber(value: number): Money {
  // Whole numbers and numbers of at most 15 significant digits are exact as they are (the fast path).
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return new Money(value === 0 ? 0 : value);
  // So are amounts in whole cents (the number nearest to cents / 100, spelled as such): most amounts.
  const cents = Math.round(value * 100);
  if (cents / 100 === value && Math.abs(cents) < 1e15) return new Money(value);
  const text = String(value);
  if (!/e/i.test(text) && text.replace(/^-?0*\.?0*/, "").replace(".", "").length <= 15) return new Money(text);
  return new Money(value.toPrecision(15));
}

/**
 * The largest amount an argument may have: 10^15 euro, far beyond any ondernemer's winst, and
 * still an exact number in Excel (15 digits). Larger is a slip (a serial number, a pasted ID).
 */
export const MAX_AMOUNT = 1e15;

/** The hours of a (leap) year: no one works more in a calendar year. */
export const MAX_HOURS = 366 * 24;

function numberOrFail(value: unknown, name: string): Money {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalidValue(`Argument '${name}' is geen eindig getal (${String(value)}).`);
    if (Math.abs(value) > MAX_AMOUNT) {
      throw invalidValue(
        `Argument '${name}' is te groot (${value.toExponential(2)}): NL Aftrek rekent met bedragen tot 10^15.`,
      );
    }
    return decimalFromNumber(value);
  }
  throw invalidValue(`Argument '${name}' moet een getal zijn, niet ${describe(value)}.`);
}

/** A required amount. An empty cell counts as 0, as everywhere in Excel. */
export function amount(value: ExcelArg, name: string): Money {
  const v = single(value, name);
  return isBlank(v) ? new Money(0) : numberOrFail(v, name);
}

/**
 * An optional amount: `undefined` when omitted, empty or 0 (the same in every Excel), so the rule
 * applies its default. For most arguments that default is 0; where it is not (an aandeel of 1, the
 * general btw rate), 0 means that default too, and the argument's description says so.
 */
export function optionalAmount(value: ExcelArg, name: string): Money | undefined {
  const v = single(value, name);
  if (isEmptyOrZero(v)) return undefined;
  const n = numberOrFail(v, name);
  return n.isZero() ? undefined : n;
}

/** The tax year: required, a whole number. Whether the year is covered is the rules' business (#N/A). */
export function year(value: ExcelArg, name = "jaar"): number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1900 && value <= 9999) return value;
  const v = single(value, name);
  if (isBlank(v) || v === 0) {
    throw invalidValue(`Argument '${name}' ontbreekt: geef een belastingjaar, bijvoorbeeld 2025.`);
  }
  const n = numberOrFail(v, name);
  if (!n.isInteger() || n.lt(1900) || n.gt(9999)) {
    throw invalidValue(nl`Argument '${name}' moet een jaartal zijn, zoals 2025 (gekregen: ${n}).`);
  }
  return n.toNumber();
}

const TRUE_WORDS = new Set(["WAAR", "TRUE", "1"]);
const FALSE_WORDS = new Set(["ONWAAR", "FALSE", "0"]);

/** A yes/no value of one cell, or null when it is none. */
function flagValue(v: unknown): boolean | null {
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string") {
    const word = v.trim().toUpperCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return null;
}

/** WAAR/ONWAAR, 1/0 or the words themselves; empty counts as ONWAAR. */
export function flag(value: ExcelArg, name: string): boolean {
  const v = single(value, name);
  const yes = flagValue(v);
  if (yes !== null) return yes;
  throw invalidValue(`Argument '${name}' moet WAAR of ONWAAR zijn (of 1/0), niet ${describe(v)}.`);
}

/** The shape of a number (1×1) or range (rows × columns). */
export function shape(value: ExcelArg): { rows: number; columns: number } {
  if (!Array.isArray(value)) return { rows: 1, columns: 1 };
  const rows = value as unknown[];
  const first = rows[0];
  return { rows: rows.length, columns: Array.isArray(first) ? first.length : 1 };
}

/**
 * Calls `fn` for every cell of a number or range, row by row, with its index. Blank cells are
 * passed too, so callers can keep places; a whole column of a million empty cells takes a few ms.
 */
export function forEachCell(value: ExcelArg, fn: (cell: unknown, index: number) => void): number {
  if (!Array.isArray(value)) {
    fn(value, 0);
    return 1;
  }
  let index = 0;
  for (const row of value as unknown[]) {
    if (Array.isArray(row)) for (let c = 0; c < row.length; c++) fn(row[c], index++);
    else fn(row, index++);
  }
  return index;
}

/** The amount in one cell of a list (`index` counts from 0), or null for an empty cell or 0. */
function amountInList(raw: unknown, name: string, index: number, multi: boolean): Money | null {
  const cell = typeof raw === "object" && raw !== null ? plain(raw, name) : raw;
  if (isEmptyOrZero(cell)) return null;
  if (typeof cell !== "number") {
    const where = multi ? ` in cel ${index + 1} van het bereik` : "";
    throw invalidValue(`Argument '${name}' moet bedragen bevatten, niet ${describe(cell)}${where}.`);
  }
  return numberOrFail(cell, name);
}

/**
 * A list of amounts from a number or a range; empty cells (and cells of 0, which is what older
 * desktop Excel passes for them) are skipped: an amount of 0 adds nothing to any list here.
 */
export function amountList(value: ExcelArg, name: string): Money[] {
  const result: Money[] = [];
  const multi = Array.isArray(value);
  forEachCell(value, (cell, index) => {
    const n = amountInList(cell, name, index, multi);
    if (n) result.push(n);
  });
  return result;
}

/** A list of amounts from a number or a range, empty cells counted as 0 so that every cell keeps its place. */
export function amountListInPlace(value: ExcelArg, name: string): Money[] {
  const result: Money[] = [];
  const multi = Array.isArray(value);
  forEachCell(value, (cell, index) => void result.push(amountInList(cell, name, index, multi) ?? new Money(0)));
  return result;
}

/**
 * An amount in whole cents (below 2^53 cents) as the nearest JS number, read from its digits:
 * decimal.js documents them as base-10^7 words `d` (the first of 1 to 7 digits), the exponent `e`
 * of the first digit and the sign `s`. The cents divided by 100 is rounded to the nearest number,
 * as toNumber() rounds the decimal text, so it is the same number without building that text.
 * Null for any other value.
 */
function centsToNumber(value: Decimal): number | null {
  const words = value.d;
  if (!words || words.length > 3) return null;
  let whole = 0;
  for (let i = 0; i < words.length; i++) whole = whole * 1e7 + words[i];
  let firstDigits = 1;
  for (let w = words[0]; w >= 10; w = Math.floor(w / 10)) firstDigits++;
  // value = whole × 10^shift; the last word's trailing zeros are not decimals
  let shift = value.e + 1 - firstDigits - 7 * (words.length - 1);
  if (!Number.isSafeInteger(whole)) return null;
  while (shift < -2 && whole % 10 === 0) {
    whole /= 10;
    shift++;
  }
  if (shift < -2 || shift > 0) return null;
  const cents = whole * 10 ** (shift + 2);
  if (!Number.isSafeInteger(cents)) return null;
  return (value.s * cents) / 100;
}

/** The numeric value of a Decimal for Excel: never -0, never a number Excel cannot show. */
export function toExcelNumber(value: Decimal): number {
  const n = centsToNumber(value) ?? value.toNumber();
  if (!Number.isFinite(n))
    throw invalidValue(`De uitkomst is te groot om in Excel te tonen (${value.toExponential(3)}).`);
  return n === 0 ? 0 : n;
}

/** The cells of a number or range, row by row, blanks kept in place. */
export function cells(value: ExcelArg): unknown[] {
  const out: unknown[] = [];
  forEachCell(value, (cell) => out.push(cell));
  return out;
}

/**
 * One value per cell of a range that lies beside another (`reference`, named `referenceName`):
 * both must have the same shape, cell for cell. A single empty cell (or 0, or an omitted argument)
 * stands for a range of empty cells; `read` turns each cell into its value.
 */
function perCell<T>(
  value: ExcelArg,
  name: string,
  reference: ExcelArg,
  referenceName: string,
  read: (cell: unknown, index: number) => T,
): T[] {
  const expected = shape(reference);
  // Counted cell by cell, not as rows × columns: a list whose rows differ in length (never from
  // Excel, but from a caller's bug) then still gives one entry for every cell of the reference.
  const count = forEachCell(reference, () => {});
  const got = shape(value);
  if (got.rows * got.columns === 1 && count > 1) {
    const only = Array.isArray(value) ? (value as unknown[][]).flat()[0] : value;
    if (isEmptyOrZero(only) || only === false) return Array.from({ length: count }, (_, i) => read(null, i));
  }
  if (got.rows !== expected.rows || got.columns !== expected.columns || forEachCell(value, () => {}) !== count) {
    throw invalidValue(
      `Argument '${name}' moet even groot zijn als '${referenceName}' (${expected.rows}×${expected.columns} cellen), niet ${got.rows}×${got.columns}: elke cel hoort naast haar bedrijfsmiddel.`,
    );
  }
  const out: T[] = new Array(count);
  forEachCell(value, (cell, i) => (out[i] = read(cell, i)));
  return out;
}

/** An amount per cell of a range beside `reference`; an empty cell is 0. */
export function amountPerCell(value: ExcelArg, name: string, reference: ExcelArg, referenceName: string): Money[] {
  const multi = Array.isArray(value);
  return perCell(
    value,
    name,
    reference,
    referenceName,
    (cell, i) => amountInList(cell, name, i, multi) ?? new Money(0),
  );
}

/**
 * WAAR/ONWAAR per cell of a range beside `reference`; an empty cell is ONWAAR. `hint` is added
 * to the message for a number that is no 1/0 (an amount where a yes/no belongs).
 */
export function flagPerCell(
  value: ExcelArg,
  name: string,
  reference: ExcelArg,
  referenceName: string,
  hint = "",
): boolean[] {
  return perCell(value, name, reference, referenceName, (raw, i) => {
    const cell = typeof raw === "object" && raw !== null ? plain(raw, name) : raw;
    const yes = flagValue(cell);
    if (yes !== null) return yes;
    const amount = typeof cell === "number" && cell > 1 ? hint : "";
    throw invalidValue(
      `Argument '${name}' moet per cel WAAR of ONWAAR zijn (of 1/0), niet ${describe(cell)} in cel ${i + 1}.${amount}`,
    );
  });
}

/** Hours in a calendar year: an amount of 0 up to the hours the year has. */
export function hours(value: ExcelArg, name: string): Money {
  const h = amount(value, name);
  if (h.gt(MAX_HOURS)) {
    throw invalidValue(
      nl`Argument '${name}' is meer uren (${h}) dan een jaar heeft (${new Money(MAX_HOURS)}); staat hier een bedrag?`,
    );
  }
  return h;
}

/** Optional hours: `undefined` when omitted, empty or 0. */
export function optionalHours(value: ExcelArg, name: string): Money | undefined {
  return isEmptyOrZero(single(value, name)) ? undefined : hours(value, name);
}

/**
 * A range of two columns, year and amount. A row whose cells are all empty or 0 is passed over
 * (older desktop Excel passes 0 for every empty cell, so the empty rows at the end of a range
 * arrive as rows of 0).
 */
export function yearAmountRows(value: ExcelArg, name: string): Array<{ jaar: number; bedrag: Money }> {
  if (isEmptyOrZero(value)) return [];
  const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  const result: Array<{ jaar: number; bedrag: Money }> = [];
  rows.forEach((row, index) => {
    const cellsOfRow = Array.isArray(row) ? row : [row];
    if (cellsOfRow.every(isEmptyOrZero)) return;
    if (cellsOfRow.length !== 2) {
      throw invalidValue(`Argument '${name}' moet twee kolommen hebben: jaar en bedrag.`);
    }
    const [jaar, bedrag] = cellsOfRow;
    result.push({
      jaar: year(jaar as ExcelArg, `${name}, rij ${index + 1}`),
      bedrag: amount(bedrag as ExcelArg, `${name}, rij ${index + 1}`),
    });
  });
  return result;
}
