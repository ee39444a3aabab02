/**
 * Typed numbers are read the way the user meant, in the pane's language, or refused with both
 * readings: never "60,000" read as 60 in English or "6.0000" as 6 in Dutch.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { formatDate, formatEuroDifference, formatNumber, parseAmount, readNumber } from "../../src/taskpane/format";
import type { Lang } from "../../src/taskpane/i18n";

/** What was read, as plain strings: "60000", ["60", "60000"], "empty" or "invalid". */
function read(text: string, lang: Lang): string | string[] {
  const r = readNumber(text, lang);
  if (r.status === "ok") return r.value.toString();
  if (r.status === "ambiguous") return r.readings.map((d) => d.toString());
  return r.status;
}

test.each([
  // the language's own notation
  ["40.000", "40000"],
  ["40000", "40000"],
  ["-2.500,50", "-2500.5"],
  ["1.234.567,89", "1234567.89"],
  ["12,5", "12.5"],
  ["0,125", "0.125"], // a leading 0 is never a group
  // euro sign, EUR, whole euros (",-"), spaces as groups, other minus signs
  ["€ 60.000,-", "60000"],
  ["60.000,-", "60000"],
  ["60.000,--", "60000"],
  ["€60.000", "60000"],
  ["60.000 EUR", "60000"],
  ["-€ 2.500", "-2500"],
  ["€ -2.500", "-2500"],
  ["\u2212 2.500", "-2500"],
  ["+500", "500"],
  ["60 000", "60000"],
  ["1\u00a0234,50", "1234.5"],
  // the other notation where it is the only reading
  ["12.50", "12.5"],
  ["1.5", "1.5"],
  ["0.500", "0.5"],
  ["1,234.56", "1234.56"],
  ["1,234,567", "1234567"],
])("Dutch: %s is read as %s", (text, expected) => {
  expect(read(text, "nl")).toBe(expected);
});

test.each([
  // a decimal comma followed by three digits: the English group or the Dutch decimals?
  ["60,000", ["60", "60000"]],
  ["1,400", ["1.4", "1400"]],
  ["-60,000", ["-60", "-60000"]],
  // a group of four digits: a decimal point or a mistyped group?
  ["6.0000", ["6", "60000"]],
  ["1.2345", ["1.2345", "12345"]],
])("Dutch: %s is ambiguous, read both ways as %j", (text, expected) => {
  expect(read(text, "nl")).toEqual(expected);
});

test.each([
  ["", "empty"],
  ["   ", "empty"],
  ["veertig", "invalid"],
  ["€", "invalid"],
  ["1..5", "invalid"],
  ["1.23.456", "invalid"],
  ["60,000,50", "invalid"],
  ["1.000,00.5", "invalid"],
  ["1e5", "invalid"],
  ["--5", "invalid"],
  ["-€ -5", "invalid"],
  ["5-", "invalid"],
  ["12,50,-", "invalid"], // whole euros with cents
  ["1 234.567.8", "invalid"],
  ["1 ".repeat(5000) + "x", "invalid"], // a pasted text, refused at once
])("Dutch: %j is %s", (text, expected) => {
  expect(read(text, "nl")).toBe(expected);
});

test.each([
  ["60,000", "60000"], // was read as 60 before
  ["40,000.50", "40000.5"],
  ["-2,500.50", "-2500.5"],
  ["1.5", "1.5"],
  ["€60,000", "60000"],
  ["1,5", "1.5"],
  ["1.234,56", "1234.56"],
  ["1,400", "1400"],
])("English: %s is read as %s", (text, expected) => {
  expect(read(text, "en")).toBe(expected);
});

test.each([
  ["60.000", ["60", "60000"]],
  ["1.400", ["1.4", "1400"]],
  ["6,0000", ["6", "60000"]],
])("English: %s is ambiguous, read both ways as %j", (text, expected) => {
  expect(read(text, "en")).toEqual(expected);
});

test("what the pane writes it reads back as the same number, in both languages", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -99_999_999_999_999, max: 99_999_999_999_999 }),
      fc.constantFrom(0, 1, 2),
      fc.constantFrom<Lang>("nl", "en"),
      (cents, places, lang) => {
        const value = new Decimal(cents).div(100).toDecimalPlaces(places);
        const written = formatNumber(value, lang, places);
        const back = readNumber(written, lang);
        return back.status === "ok" && back.value.eq(value);
      },
    ),
    { numRuns: 2000 },
  );
});

test("the pane writes numbers grouped, with the language's separators", () => {
  expect(formatNumber(new Decimal("1234567.5"), "nl", 2)).toBe("1.234.567,50");
  expect(formatNumber(new Decimal("1234567.5"), "en", 2)).toBe("1,234,567.50");
  expect(formatNumber(new Decimal("-1400"), "nl", 0)).toBe("-1.400");
  expect(formatNumber(new Decimal("999"), "nl", 0)).toBe("999");
});

test("a stored amount (Dutch notation) is read back for the workbook block; unreadable is null", () => {
  expect(parseAmount("40.000")).toBe(40000);
  expect(parseAmount("1.234,56")).toBe(1234.56);
  expect(parseAmount("60,000")).toBeNull();
  expect(parseAmount("")).toBeNull();
});

test("differences carry their sign, also +; dates are written out", () => {
  expect(formatEuroDifference(3180, "nl")).toBe("€ +3.180,00");
  expect(formatEuroDifference(-2470, "nl")).toBe("€ -2.470,00");
  expect(formatEuroDifference(0, "nl")).toBe("€ 0,00");
  expect(formatDate("2026-11-22", "nl")).toBe("22 november 2026");
  expect(formatDate("2026-11-22", "en")).toBe("22 November 2026");
});
