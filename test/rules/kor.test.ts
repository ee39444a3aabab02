import { euKorToegestaan, korHerziening, korResultaat, korToegestaan, korEinde } from "../../src/rules/kor";
import { officialValue } from "../../src/rules/officialValue";
import { InvalidInputError, NotCoveredError } from "../../src/rules/errors";
import { cents, d } from "../helpers";

describe("KOR (art. 25 Wet OB 1968)", () => {
  test.each([
    [2025, "20000", "20000", true], // at the limit in both years
    [2025, "20000.01", "0", false],
    [2025, "15000", "20000.01", false], // since 2025 the previous year counts too
    [2024, "15000", "25000", true], // before 2025 only the year itself
    [2024, "20000.01", "0", false],
    [2022, "20000", "0", true],
  ])("%i omzet %s, vorig jaar %s -> %s", (year, omzet, vorig, expected) => {
    expect(korToegestaan({ year, omzet: d(omzet), omzetVorigJaar: d(vorig) }).value).toBe(expected);
  });

  test("EU-KOR: 100.000 in both years, only from 2025", () => {
    expect(euKorToegestaan({ year: 2025, omzet: d("100000"), omzetVorigJaar: d("100000") }).value).toBe(true);
    expect(euKorToegestaan({ year: 2025, omzet: d("100000.01"), omzetVorigJaar: d("0") }).value).toBe(false);
    expect(euKorToegestaan({ year: 2026, omzet: d("1"), omzetVorigJaar: d("100000.01") }).value).toBe(false);
    expect(() => euKorToegestaan({ year: 2024, omzet: d("1") })).toThrow(NotCoveredError);
  });

  test("the classic example: invoice 100 + 21 btw, costs 10 + 2,10 btw", () => {
    const example = { year: 2025, omzet: d("100"), kosten: d("10"), btwKosten: d("2.10") };
    expect(cents(korResultaat({ ...example, kor: false }).value)).toBe("90.00"); // 100 - 10
    expect(cents(korResultaat({ ...example, kor: true }).value)).toBe("87.90"); // business client: 100 - 12,10
    // private client keeps paying 121: 121 - 12,10
    expect(cents(korResultaat({ ...example, kor: true, particulierZelfdePrijs: true }).value)).toBe("108.90");
    // at the 9% rate a private client's 109 stays: 109 - 12,10
    expect(
      cents(korResultaat({ ...example, kor: true, particulierZelfdePrijs: true, btwTarief: d("0.09") }).value),
    ).toBe("96.90");
  });

  test.each([
    [2025, "2100", 2023, false, "1260.00"], // movable, period 2023-2027: 3 of 5 years left, 2.100 x 3/5
    [2025, "2100", 2021, false, "420.00"], // 2021-2025: 1 year left
    [2025, "2100", 2020, false, "0.00"], // period over
    [2025, "21000", 2020, true, "10500.00"], // real estate 2020-2029: 5 of 10 years
    [2025, "2100", 2025, false, "2100.00"], // in use this year: all 5 years
  ])("herziening on joining in %i: btw %s, in use %i, onroerend %s -> %s", (year, btw, inUse, onroerend, expected) => {
    expect(cents(korHerziening({ year, btwAfgetrokken: d(btw), jaarIngebruikname: inUse, onroerend }).value)).toBe(
      expected,
    );
  });

  test("an asset taken into use after joining is refused", () => {
    expect(() => korHerziening({ year: 2025, btwAfgetrokken: d("1"), jaarIngebruikname: 2026 })).toThrow(
      InvalidInputError,
    );
  });
});

describe("official values (=NL.PARAMETER)", () => {
  test("by name and year, with its source", () => {
    const za = officialValue(2025, "zelfstandigenaftrek");
    expect(za.value.toString()).toBe("2470");
    expect(za.source.url).toBe("https://wetten.overheid.nl/BWBR0011353/2025-01-01#Artikel3.76");
    expect(officialValue(2024, "MKB_WINSTVRIJSTELLING_PERCENTAGE").value.toString()).toBe("13.31");
  });

  test("an unknown name names the one meant and the help page with all names; an uncovered year is not covered", () => {
    expect(() => officialValue(2025, "zelfstandigeaftrek")).toThrow(
      /Bedoelt u "zelfstandigenaftrek"\? Alle namen staan op de helppagina van NL\.PARAMETER\.$/,
    );
    expect(() => officialValue(2025, "geheel iets anders")).toThrow(/"geheel iets anders"\. Alle namen staan op/);
    expect(() => officialValue(2027, "kia_ondergrens")).toThrow(NotCoveredError);
  });
});

describe("KOR: from which supply it ends (art. 25 lid 8; from 2025 art. 25a lid 9)", () => {
  const list = (...xs: string[]) => xs.map((x) => d(x));
  test.each([
    // 8.000 + 7.000 + 4.999 + 1 = 20.000 exactly: not more than the limit; the fifth supply crosses
    [2025, ["8000", "7000", "4999", "1", "3000"], 5],
    // 12.000 + 9.000 = 21.000 > 20.000: the second supply and all after it carry btw
    [2025, ["12000", "9000", "500"], 2],
    // a credit note brings the total back: 15.000 + 6.000 - 2.000 + 1.000 = 20.000, then 20.000,01
    [2024, ["15000", "6000", "-2000", "1000", "0.01"], 2],
    [2023, ["5000", "5000"], 0],
    [2022, ["20000.01"], 1],
  ])("%i %j -> %i", (year, leveringen, expected) => {
    expect(korEinde({ year, leveringen: list(...leveringen) }).value).toBe(expected);
  });

  test("from 2025 last year's turnover above the limit: no KOR from the first supply; before 2025 it did not count", () => {
    expect(korEinde({ year: 2025, leveringen: list("100"), omzetVorigJaar: d("20000.01") }).value).toBe(1);
    expect(korEinde({ year: 2025, leveringen: list("100"), omzetVorigJaar: d("20000") }).value).toBe(0);
    expect(korEinde({ year: 2024, leveringen: list("100"), omzetVorigJaar: d("25000") }).value).toBe(0);
  });

  test("2027 is not covered", () => {
    expect(() => korEinde({ year: 2027, leveringen: list("100") })).toThrow();
  });
});
