/**
 * The custom functions called the way Excel calls them (through the fake host, test/helpers/
 * excelHost.ts): ranges as arrays of rows, an empty cell as `null` (web) or 0 (desktop, the other
 * jest project), an omitted argument left out, booleans, stray text.
 */
import { NL } from "../helpers/excelHost";
import { excelErrorOf } from "../helpers";

const { BELASTBAREWINST, KIA, MKBVRIJ, STARTERSAFTREK, URENCRITERIUM, ZELFSTANDIGENAFTREK } = NL;

describe("NL.KIA", () => {
  test("a single number", () => {
    expect(KIA(2025, [[2901]])).toBe(812.28); // 28% x 2.901
    expect(KIA(2025, 10000 as never)).toBe(2800); // a bare scalar as the headless engine may pass it
  });

  test("a range with blanks, text blanks and small assets", () => {
    // 1.200 + 449,99 (does not count) + 2.000 = 3.200 -> 28% = 896
    expect(KIA(2025, [[1200], [null], [""], [449.99], [0], [2000]])).toBe(896);
  });

  test("a two-column range counts every cell", () => {
    expect(
      KIA(2025, [
        [1500, 1500],
        [null, null],
      ]),
    ).toBe(840); // 28% x 3.000
  });

  test("partnership share; empty share means 1", () => {
    expect(KIA(2025, [[80000]], 0.5)).toBe(9884.5);
    expect(KIA(2025, [[80000]], null)).toBe(19769);
    expect(KIA(2025, [[80000]], 0)).toBe(19769);
    expect(KIA(2025, [[80000]], "")).toBe(19769);
    expect(KIA(2025, [[80000]])).toBe(19769);
  });

  test("2025: 200.000 -> 14.533,25 and 392.230 -> 0,66", () => {
    expect(KIA(2025, [[200000]])).toBe(14533.25);
    expect(KIA(2025, [[392230]])).toBe(0.66);
  });

  test("Excel's binary noise does not leak: 0,1 + 0,2 style inputs", () => {
    // 2.900,1 + 0,2 arrives as 2900.2999999999997 but Excel shows 2.900,30: 28% = 812,084 -> 812,08
    expect(KIA(2025, [[2900.1 + 0.2]])).toBe(812.08);
  });

  test.each([
    [[["abc"]], undefined, /investeringen.*tekst "abc"/],
    [[[1000], [true]], undefined, /investeringen.*WAAR.*cel 2/],
    [[[-5]], undefined, /investeringen.*negatief/],
    [[[1000]], 1.5, /aandeel.*groter dan 0 en hoogstens 1/],
    [[[1000]], -0.5, /aandeel/],
    [[[1000]], "half", /aandeel.*tekst/],
  ])("bad input %j / %j -> #VALUE! naming the argument", (investeringen, aandeel, message) => {
    const error = excelErrorOf(() => KIA(2025, investeringen as never, aandeel));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });

  test("a year without data -> #N/A naming the year and the covered years", () => {
    const error = excelErrorOf(() => KIA(2027, [[10000]]));
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("2027");
    expect(error.message).toContain("2022–2026");
    expect(excelErrorOf(() => KIA(2019, [[10000]])).code).toBe("#N/A");
  });

  test.each([
    [null, /jaar.*ontbreekt/],
    [0, /jaar.*ontbreekt/],
    ["2025", /jaar.*tekst "2025"/],
    [2025.5, /jaar.*jaartal/],
    [true, /jaar.*WAAR/],
  ])("year %j -> #VALUE!", (jaar, message) => {
    const error = excelErrorOf(() => KIA(jaar, [[10000]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

describe("NL.MKBVRIJ", () => {
  test("2025 winst 40.000, ondernemersaftrek 2.470 -> 4.766,31", () => {
    expect(MKBVRIJ(2025, 40000, 2470)).toBe(4766.31);
  });
  test("a loss: -10.000 -> -1.270", () => {
    expect(MKBVRIJ(2025, -10000)).toBe(-1270);
  });
  test("omitted, null, 0 and empty ondernemersaftrek behave alike", () => {
    for (const empty of [undefined, null, 0, ""]) expect(MKBVRIJ(2025, 10000, empty)).toBe(1270);
  });
  test("errors", () => {
    expect(excelErrorOf(() => MKBVRIJ(2025, "veel")).message).toMatch(/'winst'.*tekst/);
    expect(excelErrorOf(() => MKBVRIJ(2025, 1000, -1)).message).toMatch(/'ondernemersaftrek'.*negatief/);
    expect(excelErrorOf(() => MKBVRIJ(2020, 1000)).code).toBe("#N/A");
  });
});

describe("NL.ZELFSTANDIGENAFTREK", () => {
  test("the year's amount, halved at AOW-leeftijd, 0 without urencriterium", () => {
    expect(ZELFSTANDIGENAFTREK(2025, true, 50000)).toBe(2470);
    expect(ZELFSTANDIGENAFTREK(2025, true, 50000, false, true)).toBe(1235);
    expect(ZELFSTANDIGENAFTREK(2025, false, 50000)).toBe(0);
    expect(ZELFSTANDIGENAFTREK(2024, 1, 50000)).toBe(3750);
    expect(ZELFSTANDIGENAFTREK(2024, "WAAR", 50000)).toBe(3750);
    expect(ZELFSTANDIGENAFTREK(2024, "onwaar", 50000)).toBe(0);
  });
  test("capped at winst unless startersaftrek", () => {
    expect(ZELFSTANDIGENAFTREK(2025, true, 1500)).toBe(1500);
    expect(ZELFSTANDIGENAFTREK(2025, true, 1500, true)).toBe(2470);
    expect(ZELFSTANDIGENAFTREK(2025, true, -3000)).toBe(0);
    expect(ZELFSTANDIGENAFTREK(2025, true, 0)).toBe(0);
  });
  test("winst is required: an empty winst (cell, 0, '' or left out) is a profit of 0, in every Excel", () => {
    // art. 3.76 lid 5: at most the winst, so nothing on a winst of 0; with startersaftrek no cap: 2.470
    for (const empty of [undefined, null, 0, ""]) {
      expect(ZELFSTANDIGENAFTREK(2025, true, empty)).toBe(0);
      expect(ZELFSTANDIGENAFTREK(2025, true, empty, true)).toBe(2470);
      expect(ZELFSTANDIGENAFTREK(2025, true, [[empty ?? null]], true, true)).toBe(1235);
    }
  });
  test("optional flags arriving as null, 0, '' or omitted behave alike", () => {
    for (const empty of [undefined, null, 0, ""]) {
      expect(ZELFSTANDIGENAFTREK(2025, true, 1500, empty, empty)).toBe(1500);
    }
  });
  test("errors", () => {
    expect(excelErrorOf(() => ZELFSTANDIGENAFTREK(2025, "ja", 50000)).message).toMatch(
      /'urencriterium'.*WAAR of ONWAAR/,
    );
    expect(excelErrorOf(() => ZELFSTANDIGENAFTREK(2025, true, "x")).message).toMatch(/'winst'/);
    expect(excelErrorOf(() => ZELFSTANDIGENAFTREK(2025, true, 100, 2)).message).toMatch(/'startersaftrek'/);
    expect(excelErrorOf(() => ZELFSTANDIGENAFTREK(2021, true, 50000)).code).toBe("#N/A");
  });
});

describe("NL.STARTERSAFTREK", () => {
  test("2.123, halved at AOW-leeftijd, 0 after three uses", () => {
    expect(STARTERSAFTREK(2025, true, true)).toBe(2123);
    expect(STARTERSAFTREK(2025, true, true, 2)).toBe(2123);
    expect(STARTERSAFTREK(2025, true, true, 3)).toBe(0);
    expect(STARTERSAFTREK(2025, true, true, null, true)).toBe(1061.5);
    expect(STARTERSAFTREK(2025, false, true)).toBe(0);
    expect(STARTERSAFTREK(2025, true, false)).toBe(0);
  });
  test("errors", () => {
    const error = excelErrorOf(() => STARTERSAFTREK(2025, true, true, 1.5));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/'keren_zelfstandigenaftrek'.*geheel getal van 0 tot en met 5/);
  });
});

describe("NL.URENCRITERIUM", () => {
  test("the issue's cases", () => {
    expect(URENCRITERIUM(600)).toBe(false);
    expect(URENCRITERIUM(1224)).toBe(false);
    expect(URENCRITERIUM(1450)).toBe(true);
    expect(URENCRITERIUM(1300, 1600, true)).toBe(true);
    expect(URENCRITERIUM(1300, 1600)).toBe(false);
    expect(URENCRITERIUM(1225, 1225)).toBe(false);
    expect(URENCRITERIUM(850, null, null, true)).toBe(true);
  });
  test("empty optional arguments behave alike", () => {
    for (const empty of [undefined, null, 0, ""]) expect(URENCRITERIUM(1300, empty, empty, empty)).toBe(true);
  });
  test("errors", () => {
    expect(excelErrorOf(() => URENCRITERIUM("veel")).message).toMatch(/'uren'.*tekst/);
    expect(excelErrorOf(() => URENCRITERIUM(-1)).message).toMatch(/'uren'.*negatief/);
    expect(excelErrorOf(() => URENCRITERIUM([[1], [2]])).message).toMatch(/'uren'.*één waarde/);
  });
});

describe("NL.BELASTBAREWINST", () => {
  test("2025 winst 40.000, urencriterium -> 32.763,69", () => {
    expect(BELASTBAREWINST(2025, 40000, true)).toBe(32763.69);
  });
  test("2025 winst -10.000 without urencriterium -> -8.730", () => {
    expect(BELASTBAREWINST(2025, -10000, false)).toBe(-8730);
  });
  test("starter and overige ondernemersaftrek", () => {
    expect(BELASTBAREWINST(2025, 40000, true, true)).toBe(30910.31);
    expect(BELASTBAREWINST(2025, 40000, true, null, null, 1000)).toBe(31890.69);
  });
  test("empty optional arguments behave alike", () => {
    for (const empty of [undefined, null, 0, ""]) {
      expect(BELASTBAREWINST(2025, 40000, true, empty, empty, empty)).toBe(32763.69);
    }
  });
  test("errors", () => {
    expect(excelErrorOf(() => BELASTBAREWINST(2025, 40000, true, null, null, -1)).message).toMatch(
      /'overige_ondernemersaftrek'/,
    );
    expect(excelErrorOf(() => BELASTBAREWINST(2028, 40000, true)).code).toBe("#N/A");
  });
});

describe("inside Excel: errors are CustomFunctions.Error objects", () => {
  class FakeCustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const g = globalThis as { CustomFunctions?: unknown };
  beforeAll(() => {
    g.CustomFunctions = {
      Error: FakeCustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
  });
  afterAll(() => delete g.CustomFunctions);

  test("#VALUE! and #N/A with their messages", () => {
    expect(() => KIA(2025, [["x"]])).toThrow(FakeCustomFunctionsError);
    const error = excelErrorOf(() => KIA(2027, [[1000]]));
    expect(error).toEqual({ code: "#N/A", message: expect.stringContaining("2027") });
  });
});
