import { zelfstandigenaftrek } from "../../src/rules/zelfstandigenaftrek";
import { NotCoveredError } from "../../src/rules/errors";
import { cents, d } from "../helpers";

/** Amounts of art. 3.76 lid 2 per year; lid 4 halves them at the AOW-leeftijd on 1 January. */
const amounts: Array<[number, string, string]> = [
  [2022, "6310.00", "3155.00"], // 6.310 / 2
  [2023, "5030.00", "2515.00"], // 5.030 / 2
  [2024, "3750.00", "1875.00"], // 3.750 / 2
  [2025, "2470.00", "1235.00"], // 2.470 / 2
  [2026, "1200.00", "600.00"], // 1.200 / 2
  [2027, "900.00", "450.00"], // 900 / 2: end of the glide path enacted by the Belastingplan 2023
];

describe("zelfstandigenaftrek (art. 3.76)", () => {
  test.each(amounts)("%i: %s, at AOW-leeftijd %s", (year, full, halved) => {
    expect(cents(zelfstandigenaftrek({ year, urencriterium: true }).value)).toBe(full);
    expect(cents(zelfstandigenaftrek({ year, urencriterium: true, aow: true }).value)).toBe(halved);
  });

  test("without the urencriterium: 0", () => {
    expect(cents(zelfstandigenaftrek({ year: 2025, urencriterium: false, winst: d("50000") }).value)).toBe("0.00");
  });

  test("Belastingdienst example 2025: winst 1.500 -> 1.500, 970 niet-gerealiseerd", () => {
    // 2.470 capped at the winst of 1.500; 2.470 - 1.500 = 970 is carried forward
    const result = zelfstandigenaftrek({ year: 2025, urencriterium: true, winst: d("1500") });
    expect(cents(result.value)).toBe("1500.00");
    expect(cents(result.nietGerealiseerd)).toBe("970.00");
  });

  test("a loss caps the aftrek at 0", () => {
    // max(-4.000, 0) = 0; all 2.470 is niet-gerealiseerd
    const result = zelfstandigenaftrek({ year: 2025, urencriterium: true, winst: d("-4000") });
    expect(cents(result.value)).toBe("0.00");
    expect(cents(result.nietGerealiseerd)).toBe("2470.00");
  });

  test("winst 0 gives 0; a winst above the amount does not cap", () => {
    expect(cents(zelfstandigenaftrek({ year: 2025, urencriterium: true, winst: d("0") }).value)).toBe("0.00");
    expect(cents(zelfstandigenaftrek({ year: 2025, urencriterium: true, winst: d("2470") }).value)).toBe("2470.00");
    expect(cents(zelfstandigenaftrek({ year: 2025, urencriterium: true, winst: d("2469.99") }).value)).toBe("2469.99");
  });

  test("a starter is not capped at the winst (lid 5)", () => {
    const result = zelfstandigenaftrek({ year: 2025, urencriterium: true, winst: d("1500"), startersaftrek: true });
    expect(cents(result.value)).toBe("2470.00");
    expect(cents(result.nietGerealiseerd)).toBe("0.00");
  });

  test("AOW halving comes before the cap: 2025, AOW, winst 1.000 -> 1.000 of 1.235", () => {
    const result = zelfstandigenaftrek({ year: 2025, urencriterium: true, winst: d("1000"), aow: true });
    expect(cents(result.value)).toBe("1000.00");
    expect(cents(result.nietGerealiseerd)).toBe("235.00"); // 1.235 - 1.000
  });

  test("2021 is not covered", () => {
    expect(() => zelfstandigenaftrek({ year: 2021, urencriterium: true })).toThrow(NotCoveredError);
    expect(() => zelfstandigenaftrek({ year: 2028, urencriterium: true })).toThrow(/2022–2027/);
  });
});
