import Decimal from "decimal.js";
import { keten, KetenInput } from "../../src/rules/keten";
import { cents, d } from "../helpers";

/** =NL.BELASTBAREWINST reads this line of the one chain. */
const belastbareWinst = (input: KetenInput) => {
  const result = keten(input, { tot: "belastbareWinst" });
  return Object.assign(result, { value: result.line("belastbareWinst") as Decimal });
};
const line = (result: ReturnType<typeof keten>, key: string): string =>
  cents(result.lines.find((l) => l.key === key)!.value);

describe("belastbare winst: winst -> ondernemersaftrek -> MKB-winstvrijstelling", () => {
  test("2025 winst 40.000, urencriterium, no starter -> 32.763,69", () => {
    // zelfstandigenaftrek 2.470; MKB 12,7% x 37.530 = 4.766,31; 40.000 - 2.470 - 4.766,31 = 32.763,69
    const result = belastbareWinst({ year: 2025, winst: d("40000"), urencriterium: true });
    expect(line(result, "zelfstandigenaftrek")).toBe("2470.00");
    expect(line(result, "mkbWinstvrijstelling")).toBe("4766.31");
    expect(cents(result.value)).toBe("32763.69");
  });

  test("2025 winst -10.000 without urencriterium -> MKB -1.270, belastbare winst -8.730", () => {
    // no ondernemersaftrek; MKB 12,7% x -10.000 = -1.270; -10.000 - (-1.270) = -8.730
    const result = belastbareWinst({ year: 2025, winst: d("-10000"), urencriterium: false });
    expect(line(result, "mkbWinstvrijstelling")).toBe("-1270.00");
    expect(cents(result.value)).toBe("-8730.00");
  });

  test("2025 starter, winst 40.000 -> 30.910,31", () => {
    // 2.470 + 2.123 = 4.593; 40.000 - 4.593 = 35.407; 12,7% = 4.496,689 -> 4.496,69; 35.407 - 4.496,69
    const result = belastbareWinst({ year: 2025, winst: d("40000"), urencriterium: true, startersaftrek: true });
    expect(line(result, "ondernemersaftrek")).toBe("4593.00");
    expect(cents(result.value)).toBe("30910.31");
  });

  test("2025 starter with a loss: the aftrek is not capped and the loss grows", () => {
    // -5.000 - 4.593 = -9.593; 12,7% = -1.218,311 -> -1.218,31; -9.593 + 1.218,31 = -8.374,69
    const result = belastbareWinst({ year: 2025, winst: d("-5000"), urencriterium: true, startersaftrek: true });
    expect(cents(result.value)).toBe("-8374.69");
  });

  test("2025 at AOW-leeftijd, winst 40.000 -> 33.841,84", () => {
    // 2.470 / 2 = 1.235; 38.765 x 12,7% = 4.923,155 -> 4.923,16; 38.765 - 4.923,16 = 33.841,84
    const result = belastbareWinst({ year: 2025, winst: d("40000"), urencriterium: true, aow: true });
    expect(cents(result.value)).toBe("33841.84");
  });

  test("2025 winst 1.500: zelfstandigenaftrek capped at the winst", () => {
    // 1.500 - 1.500 = 0; MKB 0; belastbare winst 0 (970 is niet-gerealiseerd, see nietGerealiseerd.test)
    const result = belastbareWinst({ year: 2025, winst: d("1500"), urencriterium: true });
    expect(line(result, "zelfstandigenaftrek")).toBe("1500.00");
    expect(cents(result.value)).toBe("0.00");
  });

  test("overige ondernemersaftrek is part of the MKB base", () => {
    // 40.000 - 2.470 - 1.000 = 36.530; 12,7% = 4.639,31; 36.530 - 4.639,31 = 31.890,69
    const result = belastbareWinst({
      year: 2025,
      winst: d("40000"),
      urencriterium: true,
      overigeOndernemersaftrek: d("1000"),
    });
    expect(cents(result.value)).toBe("31890.69");
  });

  describe.each([
    // year, winst, zelfstandigenaftrek, MKB, belastbare winst (no starter, urencriterium)
    [2022, "50000", "6310.00", "6116.60", "37573.40"], // 43.690 x 14% = 6.116,60
    [2022, "100000", "6310.00", "13116.60", "80573.40"], // 93.690 x 14%
    [2023, "50000", "5030.00", "6295.80", "38674.20"], // 44.970 x 14%
    [2023, "100000", "5030.00", "13295.80", "81674.20"], // 94.970 x 14%
    [2024, "50000", "3750.00", "6155.88", "40094.12"], // 46.250 x 13,31% = 6.155,875
    [2024, "100000", "3750.00", "12810.88", "83439.12"], // 96.250 x 13,31% = 12.810,875
    [2025, "50000", "2470.00", "6036.31", "41493.69"], // 47.530 x 12,7%
    [2025, "100000", "2470.00", "12386.31", "85143.69"], // 97.530 x 12,7%
    [2026, "50000", "1200.00", "6197.60", "42602.40"], // 48.800 x 12,7%
    [2026, "100000", "1200.00", "12547.60", "86252.40"], // 98.800 x 12,7%
    [2027, "50000", "900.00", "6235.70", "42864.30"], // 49.100 x 12,7% = 6.235,70
  ])("%i, winst %s", (year, winst, za, mkb, taxable) => {
    const result = belastbareWinst({ year, winst: d(winst), urencriterium: true });
    test(`zelfstandigenaftrek ${za}, MKB ${mkb}, belastbare winst ${taxable}`, () => {
      expect(line(result, "zelfstandigenaftrek")).toBe(za);
      expect(line(result, "mkbWinstvrijstelling")).toBe(mkb);
      expect(cents(result.value)).toBe(taxable);
    });
  });

  test("the trace holds the parts it was built from", () => {
    const { trace } = belastbareWinst({ year: 2025, winst: d("40000"), urencriterium: true });
    expect(trace.parts.map((p: { rule: string }) => p.rule).slice(0, 3)).toEqual([
      "zelfstandigenaftrek",
      "startersaftrek",
      "mkbWinstvrijstelling",
    ]);
  });
});
