/**
 * Numbers in the text a Dutch reader sees: the steps of an "Uitleg" and the messages of an error
 * spell them as the law and Dutch Excel do (decimal comma, a point between thousands), exactly.
 */
import Decimal from "decimal.js";
import { dutchCount, dutchNumber, nl } from "../../src/rules/dutch";
import { kia } from "../../src/rules/kia";
import { mkbWinstvrijstelling } from "../../src/rules/mkbWinstvrijstelling";

const d = (x: string | number) => new Decimal(x);

test("a decimal comma, a point between thousands, every digit and no exponent", () => {
  expect(dutchNumber(d("2470"))).toBe("2.470");
  expect(dutchNumber(d("12.7"))).toBe("12,7");
  expect(dutchNumber(d("1225"))).toBe("1.225");
  expect(dutchNumber(d("130744"))).toBe("130.744");
  expect(dutchNumber(d("-1000.5"))).toBe("-1.000,5");
  expect(dutchNumber(d("999"))).toBe("999");
  expect(dutchNumber(d("0"))).toBe("0");
  expect(dutchNumber(d("-0"))).toBe("0");
  expect(dutchNumber(d("0.00001"))).toBe("0,00001");
  expect(dutchNumber(d("1e-7"))).toBe("0,0000001"); // decimal.js's own toString gives 1e-7
  expect(dutchNumber(d("1e21"))).toBe("1.000.000.000.000.000.000.000");
  expect(dutchNumber(d("4766.691"))).toBe("4.766,691"); // never rounded
});

test("a count as the same Dutch text, without the locale data", () => {
  expect(dutchCount(32767)).toBe("32.767");
  expect(dutchCount(300000)).toBe("300.000");
  expect(dutchCount(999)).toBe("999");
  expect(dutchCount(1048576)).toBe("1.048.576");
  expect(dutchCount(2.5)).toBe("2,5");
  expect(dutchCount(-1000)).toBe("-1.000");
});

test("in a text only the Decimal values: years, counts and words stay as they are", () => {
  expect(nl`${d("12.7")}% van ${d("38441")} in ${2025}, ${3} keer, ${"ja"}`).toBe(
    "12,7% van 38.441 in 2025, 3 keer, ja",
  );
});

test("the steps of an Uitleg", () => {
  // KIA 2025 over 200.000: 19.769 - 7,56% x (200.000 - 130.744) = 19.769 - 5.235,7536 = 14.533,2464
  const k = kia({ year: 2025, investeringen: [d(200000)] });
  expect(k.trace.steps.map((s) => s.label)).toContain("19.769 verminderd met 7,56% van het deel boven 130.744");
  expect(k.value.toString()).toBe("14533.25");
  // MKB-winstvrijstelling 2025: 12,7% of 40.003 - 2.470 = 37.533
  const m = mkbWinstvrijstelling({ year: 2025, winst: d(40003), ondernemersaftrek: d(2470) });
  expect(m.trace.steps.map((s) => s.label)).toEqual(["Winst 40.003 min ondernemersaftrek 2.470", "12,7% daarvan"]);
});
