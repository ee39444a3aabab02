import { desinvesteringsbijtelling as desinvestering } from "../../src/rules/desinvesteringsbijtelling";
import { kiaNietInGebruik } from "../../src/rules/kiaNietInGebruik";
import { InvalidInputError, NotCoveredError } from "../../src/rules/errors";
import { cents, d } from "../helpers";

describe("KIA for assets not in use at year end (art. 3.44)", () => {
  test("2025: investment 80.000, 10.000 paid, not in use -> 10.000 now, 9.769 later", () => {
    // KIA 19.769 (fixed band); the deduction exceeds the 10.000 paid, so this year 10.000
    const result = kiaNietInGebruik({
      year: 2025,
      bedrijfsmiddelen: [{ bedrag: d("80000"), betaaldNietInGebruik: d("10000") }],
    });
    expect(cents(result.value)).toBe("10000.00");
    expect(cents(result.later)).toBe("9769.00");
  });

  test("paid more than the deduction: no cap", () => {
    const result = kiaNietInGebruik({
      year: 2025,
      bedrijfsmiddelen: [{ bedrag: d("80000"), betaaldNietInGebruik: d("50000") }],
    });
    expect(cents(result.value)).toBe("19769.00");
    expect(cents(result.later)).toBe("0.00");
  });

  test("the deduction is shared over the assets in proportion; only the one not in use is capped", () => {
    // 2025: 60.000 + 40.000 = 100.000 -> 19.769; the 40.000 asset carries 19.769 x 0,4 = 7.907,60;
    // paid 5.000 -> 5.000 now, 2.907,60 later; total now 19.769 - 2.907,60 = 16.861,40
    const result = kiaNietInGebruik({
      year: 2025,
      bedrijfsmiddelen: [{ bedrag: d("60000") }, { bedrag: d("40000"), betaaldNietInGebruik: d("5000") }],
    });
    expect(cents(result.value)).toBe("16861.40");
    expect(cents(result.later)).toBe("2907.60");
  });

  test("in a partnership the payment counts for the same share", () => {
    // 19.769 x 0,5 = 9.884,50; payment 10.000 x 0,5 = 5.000 -> 5.000 now, 4.884,50 later
    const result = kiaNietInGebruik({
      year: 2025,
      bedrijfsmiddelen: [{ bedrag: d("80000"), betaaldNietInGebruik: d("10000") }],
      aandeel: d("0.5"),
    });
    expect(cents(result.value)).toBe("5000.00");
    expect(cents(result.later)).toBe("4884.50");
  });
});

describe("desinvesteringsbijtelling (art. 3.47)", () => {
  const base = {
    year: 2025,
    investeringsjaar: 2023,
    kiaGenoten: d("17841"),
    investeringsbedrag: d("100000"),
    overdrachtsprijs: d("30000"),
    aanschafprijs: d("40000"),
  };

  test("2023 KIA 17.841 on 100.000 (17,841%), sold in 2025 for 30.000 -> 5.352,30", () => {
    // 17.841 / 100.000 x 30.000 = 5.352,30
    expect(cents(desinvestering(base).value)).toBe("5352.30");
  });

  test("the price counts up to the original cost", () => {
    // 17,841% x min(50.000, 40.000) = 7.136,40
    expect(cents(desinvestering({ ...base, overdrachtsprijs: d("50000") }).value)).toBe("7136.40");
  });

  test.each([
    [2021, "5352.30"], // sold in 2025, 4 years after 1 January 2021: within the 5 years
    [2020, "0.00"], // the 5 years from 1 January 2020 ended on 31 December 2024
  ])("investment year %i, sold in 2025 -> %s", (investeringsjaar, expected) => {
    expect(cents(desinvestering({ ...base, investeringsjaar }).value)).toBe(expected);
  });

  test.each([
    ["2600", "0.00"], // invested in 2023: not more than the 2023 threshold of 2.600, no bijtelling
    ["2600.01", "5352.30"],
  ])("sold in 2025, invested in 2023, total transfer prices %s -> %s", (totaal, expected) => {
    expect(cents(desinvestering({ ...base, totaalOverdrachtsprijzen: d(totaal) }).value)).toBe(expected);
  });

  // Art. 3.51: the threshold of the year of investment (art. 3.47 lid 1 of that year's text).
  test.each([
    [2020, "2400", "2400.01"],
    [2021, "2400", "2400.01"],
    [2022, "2400", "2400.01"],
    [2023, "2600", "2600.01"],
    [2024, "2800", "2800.01"],
    [2025, "2900", "2900.01"],
    [2026, "2900", "2900.01"],
  ])("invested in %i: threshold %s", (investeringsjaar, at, above) => {
    const c = { ...base, year: Math.max(investeringsjaar + 1, 2024), investeringsjaar };
    expect(cents(desinvestering({ ...c, totaalOverdrachtsprijzen: d(at) }).value)).toBe("0.00");
    expect(cents(desinvestering({ ...c, totaalOverdrachtsprijzen: d(above) }).value)).toBe("5352.30");
  });

  test("an investment before 2020 has no known threshold: an error, not a guess", () => {
    expect(() => desinvestering({ ...base, year: 2023, investeringsjaar: 2019 })).toThrow(NotCoveredError);
  });

  test("an investment year after the disposal year is refused", () => {
    expect(() => desinvestering({ ...base, investeringsjaar: 2026 })).toThrow(InvalidInputError);
  });
});
