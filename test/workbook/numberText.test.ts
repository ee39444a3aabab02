/**
 * How the writer spells a number in `<v>`: as JavaScript does (the shortest text that reads back
 * as the same number, what Excel reads), with a capital E. Amounts in cents take a shortcut that
 * must give the very same text.
 */
import fc from "fast-check";
import { numberText } from "../../src/workbook/writer";
import { wholeCents } from "../helpers/cents";

test.each([
  [14890.76, "14890.76"],
  [0.05, "0.05"],
  [0.5, "0.5"],
  [-0.05, "-0.05"],
  [-1234.5, "-1234.5"],
  [12.1, "12.1"],
  [0.1 + 0.2, "0.30000000000000004"], // not a whole number of cents: the general spelling
  [2800, "2800"],
  [-0, "0"],
  [1e21, "1E+21"],
  [1e-7, "1E-7"],
  [123456789012.34, "123456789012.34"],
  [9999999999999.99, "9999999999999.99"],
])("%p is written as %s", (value, text) => {
  expect(numberText(value)).toBe(text);
});

test("every amount in cents is spelled as JavaScript spells it", () => {
  const cents = wholeCents(1e6, 1e15);
  fc.assert(
    fc.property(cents, (c) => {
      const value = c / 100;
      expect(numberText(value)).toBe(String(Object.is(value, -0) ? 0 : value).replace("e", "E"));
    }),
    { numRuns: 20000 },
  );
});
