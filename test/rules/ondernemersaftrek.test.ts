import { meewerkaftrek } from "../../src/rules/meewerkaftrek";
import { soAftrek } from "../../src/rules/soAftrek";
import { stakingsaftrek } from "../../src/rules/stakingsaftrek";
import { startersaftrekArbeidsongeschiktheid as ao } from "../../src/rules/startersaftrekArbeidsongeschiktheid";
import { InvalidInputError, NotCoveredError } from "../../src/rules/errors";
import { cents, d } from "../helpers";

describe("startersaftrek bij arbeidsongeschiktheid (art. 3.78a)", () => {
  const base = { year: 2025, winst: d("30000"), uren: d("900"), aoUitkering: true, starter: true };

  test("2025 winst 10.000, first use -> 10.000 (12.000 capped at the winst)", () => {
    expect(cents(ao({ ...base, winst: d("10000") }).value)).toBe("10000.00");
  });

  test.each([
    ["0", "12000.00"],
    ["1", "8000.00"],
    ["2", "4000.00"],
    ["3", "0.00"], // from the third earlier use: nothing
    ["5", "0.00"],
  ])("used %s times before -> %s", (keren, expected) => {
    expect(cents(ao({ ...base, kerenEerder: d(keren) }).value)).toBe(expected);
  });

  test.each([
    ["799", "0.00"], // verlaagd urencriterium not met
    ["800", "12000.00"],
    ["1224", "12000.00"],
    ["1225", "0.00"], // meets the normal urencriterium: zelfstandigenaftrek instead
  ])("%s hours -> %s", (uren, expected) => {
    expect(cents(ao({ ...base, uren: d(uren) }).value)).toBe(expected);
  });

  test("not at the AOW-leeftijd, not without an AO-uitkering, not for a non-starter, not on a loss", () => {
    expect(cents(ao({ ...base, aow: true }).value)).toBe("0.00");
    expect(cents(ao({ ...base, aoUitkering: false }).value)).toBe("0.00");
    expect(cents(ao({ ...base, starter: false }).value)).toBe("0.00");
    expect(cents(ao({ ...base, winst: d("-500") }).value)).toBe("0.00");
  });

  test.each([2022, 2023, 2024, 2026, 2027])("%i: the same amounts", (year) => {
    expect(cents(ao({ ...base, year }).value)).toBe("12000.00");
  });
});

describe("meewerkaftrek (art. 3.78)", () => {
  const m = (uren: string, year = 2025) =>
    cents(meewerkaftrek({ year, winst: d("100000"), urenPartner: d(uren), urencriterium: true }).value);

  test.each([
    ["524", "0.00"],
    ["525", "1250.00"], // 1,25% x 100.000
    ["874", "1250.00"],
    ["875", "2000.00"], // 2%
    ["1224", "2000.00"],
    ["1225", "3000.00"], // 3%
    ["1749", "3000.00"],
    ["1750", "4000.00"], // 4%
  ])("partner %s hours -> %s", (uren, expected) => expect(m(uren)).toBe(expected));

  test.each([2022, 2023, 2024, 2026])("%i: the same table", (year) => expect(m("875", year)).toBe("2000.00"));

  test("needs the urencriterium; stakingswinst does not count; a loss gives 0; 2027 is not covered", () => {
    expect(
      cents(meewerkaftrek({ year: 2025, winst: d("100000"), urenPartner: d("900"), urencriterium: false }).value),
    ).toBe("0.00");
    // 2% x (100.000 - 20.000) = 1.600
    expect(
      cents(
        meewerkaftrek({
          year: 2025,
          winst: d("100000"),
          urenPartner: d("900"),
          urencriterium: true,
          stakingswinst: d("20000"),
        }).value,
      ),
    ).toBe("1600.00");
    expect(
      cents(meewerkaftrek({ year: 2025, winst: d("-100"), urenPartner: d("900"), urencriterium: true }).value),
    ).toBe("0.00");
    expect(() => meewerkaftrek({ year: 2027, winst: d("1000"), urenPartner: d("900"), urencriterium: true })).toThrow(
      NotCoveredError,
    );
  });

  test("1,25% is rounded half-up to cents: 1,25% x 33.333 = 416,6625", () => {
    expect(
      cents(meewerkaftrek({ year: 2025, winst: d("33333"), urenPartner: d("600"), urencriterium: true }).value),
    ).toBe("416.66");
  });
});

describe("S&O-aftrek (art. 3.77)", () => {
  test.each([
    [2022, "13360.00", "20044.00"], // 13.360 + 6.684
    [2023, "14202.00", "21308.00"], // 14.202 + 7.106
    [2024, "15551.00", "23332.00"], // 15.551 + 7.781
    [2025, "15738.00", "23613.00"], // 15.738 + 7.875
    [2026, "15979.00", "23975.00"], // 15.979 + 7.996
  ])("%i: %s, starter %s", (year, base, starter) => {
    expect(cents(soAftrek({ year, urencriterium: true, soUren: d("500") }).value)).toBe(base);
    expect(cents(soAftrek({ year, urencriterium: true, soUren: d("500"), starter: true }).value)).toBe(starter);
  });

  test("499 hours or no urencriterium: 0; a starter with 3 earlier S&O years gets no increase", () => {
    expect(cents(soAftrek({ year: 2025, urencriterium: true, soUren: d("499") }).value)).toBe("0.00");
    expect(cents(soAftrek({ year: 2025, urencriterium: false, soUren: d("800") }).value)).toBe("0.00");
    expect(
      cents(
        soAftrek({ year: 2025, urencriterium: true, soUren: d("800"), starter: true, jarenSoVerklaring: d("2") }).value,
      ),
    ).toBe("23613.00");
    expect(
      cents(
        soAftrek({ year: 2025, urencriterium: true, soUren: d("800"), starter: true, jarenSoVerklaring: d("3") }).value,
      ),
    ).toBe("15738.00");
  });
});

describe("stakingsaftrek (art. 3.79)", () => {
  test.each([
    ["10000", "0", "3630.00"], // the lifetime maximum
    ["10000", "1000", "2630.00"], // 3.630 - 1.000
    ["2000", "0", "2000.00"], // at most the stakingswinst
    ["10000", "3630", "0.00"], // used up
    ["-500", "0", "0.00"], // a stakingsverlies gives no aftrek
  ])("stakingswinst %s, earlier %s -> %s", (winst, eerder, expected) => {
    expect(cents(stakingsaftrek({ year: 2025, stakingswinst: d(winst), eerderBenut: d(eerder) }).value)).toBe(expected);
  });

  test("negative earlier use is refused", () => {
    expect(() => stakingsaftrek({ year: 2025, stakingswinst: d("1"), eerderBenut: d("-1") })).toThrow(
      InvalidInputError,
    );
  });

  test("earlier use above the lifetime maximum (3.630) cannot be: refused, not a silent 0", () => {
    expect(() => stakingsaftrek({ year: 2025, stakingswinst: d("10000"), eerderBenut: d("3630.01") })).toThrow(
      /'eerder_benut' \(3\.630,01\) is meer dan de stakingsaftrek ooit kan zijn \(3\.630,/,
    );
  });
});
