/**
 * Argument coercion at the Excel boundary. Excel passes numbers, strings, booleans, `null` (an
 * omitted argument, or an empty cell on the web) and `0` (an empty cell on desktop); ranges arrive
 * as arrays of rows. Everything becomes an exact `Decimal` or a boolean here, or a #VALUE! error
 * with a Dutch message that names the argument.
 */
import Decimal from "decimal.js";
import { Money } from "../rules/money";
import { invalidValue } from "./excelError";

export type ExcelScalar = number | string | boolean | null | undefined;
export type ExcelArg = ExcelScalar | ExcelScalar[][] | unknown;

export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

function describe(value: unknown): string {
  if (typeof value === "string") return `tekst "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return "een bereik";
  return "een foutwaarde";
}

/** A single value: a 1×1 range counts as its cell. */
function single(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return value;
  const cells = value.flat();
  if (cells.length === 1 && !Array.isArray(cells[0])) return cells[0];
  throw invalidValue(`Argument '${name}' verwacht één waarde, geen bereik van ${cells.length} cellen.`);
}

/**
 * A JS number as Excel shows it: 15 significant digits, so that binary noise such as
 * 0.1 + 0.2 = 0.30000000000000004 does not leak into exact money.
 */
export function decimalFromNumber(value: number): Money {
  // Whole numbers and numbers of at most 15 significant digits are exact as they are (the fast path).
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return new Money(value === 0 ? 0 : value);
  const text = String(value);
  if (!/e/i.test(text) && text.replace(/^-?0*\.?0*/, "").replace(".", "").length <= 15) return new Money(text);
  return new Money(value.toPrecision(15));
}

function numberOrFail(value: unknown, name: string): Money {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalidValue(`Argument '${name}' is geen eindig getal (${String(value)}).`);
    return decimalFromNumber(value);
  }
  throw invalidValue(`Argument '${name}' moet een getal zijn, niet ${describe(value)}.`);
}

/** A required amount. An empty cell counts as 0, as everywhere in Excel. */
export function amount(value: ExcelArg, name: string): Money {
  const v = single(value, name);
  return isBlank(v) ? new Money(0) : numberOrFail(v, name);
}

/** An optional amount: `undefined` when omitted or empty, so the rule applies its default. */
export function optionalAmount(value: ExcelArg, name: string): Money | undefined {
  const v = single(value, name);
  return isBlank(v) ? undefined : numberOrFail(v, name);
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
    throw invalidValue(`Argument '${name}' moet een jaartal zijn, zoals 2025 (gekregen: ${n.toString()}).`);
  }
  return n.toNumber();
}

const TRUE_WORDS = new Set(["WAAR", "TRUE", "1"]);
const FALSE_WORDS = new Set(["ONWAAR", "FALSE", "0"]);

/** WAAR/ONWAAR, 1/0 or the words themselves; empty counts as ONWAAR. */
export function flag(value: ExcelArg, name: string): boolean {
  const v = single(value, name);
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string") {
    const word = v.trim().toUpperCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw invalidValue(`Argument '${name}' moet WAAR of ONWAAR zijn (of 1/0), niet ${describe(v)}.`);
}

/** A list of amounts from a number or a range; empty cells are skipped. */
export function amountList(value: ExcelArg, name: string): Money[] {
  const cells: unknown[] = Array.isArray(value) ? (value as unknown[]).flat(2) : [value];
  const result: Money[] = [];
  cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    if (typeof cell !== "number") {
      const where = cells.length > 1 ? ` in cel ${index + 1} van het bereik` : "";
      throw invalidValue(`Argument '${name}' moet bedragen bevatten, niet ${describe(cell)}${where}.`);
    }
    result.push(numberOrFail(cell, name));
  });
  return result;
}

/** The numeric value of a Decimal for Excel. */
export function toExcelNumber(value: Decimal): number {
  return value.toNumber();
}

/** The cells of a number or range, row by row, blanks kept in place. */
export function cells(value: ExcelArg): unknown[] {
  return Array.isArray(value) ? (value as unknown[]).flat(2) : [value];
}

/** An optional amount per cell of a range, aligned with another range: blank stays undefined. */
export function optionalAmountPerCell(value: ExcelArg, name: string, count: number): Array<Money | undefined> {
  const list = isBlank(value) ? [] : cells(value);
  if (list.length > count) {
    throw invalidValue(`Argument '${name}' heeft meer cellen (${list.length}) dan de investeringen (${count}).`);
  }
  return Array.from({ length: count }, (_, i) => optionalAmount(list[i] as ExcelArg, name));
}

/** A range of two columns, year and amount; empty rows are skipped. */
export function yearAmountRows(value: ExcelArg, name: string): Array<{ jaar: number; bedrag: Money }> {
  if (isBlank(value)) return [];
  const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  const result: Array<{ jaar: number; bedrag: Money }> = [];
  rows.forEach((row, index) => {
    const cellsOfRow = Array.isArray(row) ? row : [row];
    if (cellsOfRow.every(isBlank)) return;
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

/** An optional whole year; undefined when blank. */
export function optionalYear(value: ExcelArg, name: string): number | undefined {
  const v = Array.isArray(value) ? (value as unknown[]).flat(2)[0] : value;
  return isBlank(v) ? undefined : year(value, name);
}
