/**
 * Numbers across the Excel boundary. An argument becomes the amount Excel shows (15 significant
 * digits, so binary noise never enters); a result handed to Excel is the JS number nearest to the
 * exact amount. Amounts in whole cents take a shortcut both ways that must give the very same
 * Decimal and number as the general way, for every size and sign.
 */
import fc from "fast-check";
import { decimalFromNumber, toExcelNumber } from "../../src/functions/args";
import { Money } from "../../src/rules/money";
import { wholeCents } from "../helpers/cents";

test.each([
  ["14890.76", 14890.76],
  ["0.05", 0.05],
  ["-0.05", -0.05],
  ["2800", 2800],
  ["19769", 19769],
  ["100000000", 100000000], // 10^8: digits beyond the first word, no decimals
  ["0.1", 0.1],
  ["1234567.8", 1234567.8],
  ["90071992547409.91", Number("90071992547409.91")], // just under 2^53 cents: the nearest number
  ["90071992547409.93", Number("90071992547409.93")], // past 2^53 cents: the general way
  ["0.125", 0.125], // a third decimal: the general way
  ["-0", 0], // never -0
  ["0", 0],
])("%s goes to Excel as %p", (text, expected) => {
  expect(Object.is(toExcelNumber(new Money(text)), expected)).toBe(true);
});

test("every amount in cents, and every other decimal, gives the number toNumber gives", () => {
  const cents = wholeCents(1e9, 1e17);
  const amount = fc.oneof(
    cents.map((c) => new Money(c).dividedBy(100)),
    cents.map((c) => new Money(c).dividedBy(1000)),
    cents.map((c) => new Money(c).times(1e7)),
  );
  fc.assert(
    fc.property(amount, (value) => {
      const n = value.toNumber();
      expect(toExcelNumber(value)).toBe(n === 0 ? 0 : n);
    }),
    { numRuns: 20000 },
  );
});

test.each([
  [14890.76, "14890.76"],
  [-0.05, "-0.05"],
  [0.1 + 0.2, "0.3"], // 0.30000000000000004: binary noise, not an amount
  [12345.67 - 1000, "11345.67"], // 11345.669999999998 as a double
  [1 / 3, "0.333333333333333"], // 15 significant digits, as Excel shows it
  [2800, "2800"],
  [-0, "0"],
])("the argument %p is the amount %s", (value, text) => {
  expect(decimalFromNumber(value).toString()).toBe(text);
});

test("every amount in cents comes in as the decimal its text says", () => {
  const cents = wholeCents(1e9, 1e15);
  fc.assert(
    fc.property(cents, (c) => {
      const value = c / 100;
      const d = decimalFromNumber(value);
      expect(d.eq(new Money(String(value)))).toBe(true);
      expect(d.toString()).toBe(new Money(String(value)).toString());
    }),
    { numRuns: 20000 },
  );
});
