import { mkbWinstvrijstelling } from "../../src/rules/mkbWinstvrijstelling";
import { NotCoveredError } from "../../src/rules/errors";
import { cents, d } from "../helpers";

describe("MKB-winstvrijstelling (art. 3.79a)", () => {
  test.each([
    [2022, "14000.00"], // 14% x 100.000
    [2023, "14000.00"], // 14%
    [2024, "13310.00"], // 13,31%
    [2025, "12700.00"], // 12,7%
    [2026, "12700.00"], // 12,7%
    [2027, "12700.00"], // 12,7%: no change enacted
  ])("%i: over 100.000 -> %s", (year, expected) => {
    expect(cents(mkbWinstvrijstelling({ year, winst: d("100000") }).value)).toBe(expected);
  });

  test("2025 winst 40.000 after zelfstandigenaftrek 2.470 -> 4.766,31", () => {
    // 12,7% x (40.000 - 2.470) = 12,7% x 37.530 = 4.766,31
    expect(cents(mkbWinstvrijstelling({ year: 2025, winst: d("40000"), ondernemersaftrek: d("2470") }).value)).toBe(
      "4766.31",
    );
  });

  test("a loss gives a negative exemption that makes the loss smaller", () => {
    // 12,7% x -10.000 = -1.270
    expect(cents(mkbWinstvrijstelling({ year: 2025, winst: d("-10000") }).value)).toBe("-1270.00");
  });

  test("rounded half-up to cents: 2024, 46.250 -> 6.155,88", () => {
    // 13,31% x 46.250 = 6.155,875 -> 6.155,88
    expect(cents(mkbWinstvrijstelling({ year: 2024, winst: d("46250") }).value)).toBe("6155.88");
  });

  test("negative ondernemersaftrek is refused; 2021 is not covered", () => {
    expect(() => mkbWinstvrijstelling({ year: 2025, winst: d("1000"), ondernemersaftrek: d("-1") })).toThrow(
      /ondernemersaftrek/,
    );
    expect(() => mkbWinstvrijstelling({ year: 2021, winst: d("1000") })).toThrow(NotCoveredError);
  });
});
