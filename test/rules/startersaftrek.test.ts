import { startersaftrek } from "../../src/rules/startersaftrek";
import { InvalidInputError } from "../../src/rules/errors";
import { cents, d } from "../helpers";

describe("startersaftrek (art. 3.76 lid 3 and 4)", () => {
  test.each([2022, 2023, 2024, 2025, 2026, 2027])("%i: 2.123, at AOW-leeftijd 1.061,50", (year) => {
    // 2.123 unchanged since 2022; 50% x 2.123 = 1.061,50 (statute arithmetic, not the rounded 1.062)
    expect(cents(startersaftrek({ year, urencriterium: true, starter: true }).value)).toBe("2123.00");
    expect(cents(startersaftrek({ year, urencriterium: true, starter: true, aow: true }).value)).toBe("1061.50");
  });

  test("needs the urencriterium", () => {
    expect(cents(startersaftrek({ year: 2025, urencriterium: false, starter: true }).value)).toBe("0.00");
  });

  test("needs a starter", () => {
    expect(cents(startersaftrek({ year: 2025, urencriterium: true, starter: false }).value)).toBe("0.00");
  });

  test.each([
    ["0", "2123.00"],
    ["1", "2123.00"],
    ["2", "2123.00"], // at most twice: still entitled
    ["3", "0.00"], // a third earlier use ends it
    ["5", "0.00"],
  ])("zelfstandigenaftrek applied %s times before -> %s", (keren, expected) => {
    const result = startersaftrek({
      year: 2025,
      urencriterium: true,
      starter: true,
      kerenZelfstandigenaftrek: d(keren),
    });
    expect(cents(result.value)).toBe(expected);
  });

  test.each(["-1", "6", "1.5"])("keren %s is refused", (keren) => {
    expect(() =>
      startersaftrek({ year: 2025, urencriterium: true, starter: true, kerenZelfstandigenaftrek: d(keren) }),
    ).toThrow(InvalidInputError);
  });
});
