/**
 * Plausible slips give an error that says what is wrong, never a silent wrong number; and no
 * function ever returns what Excel cannot show (±Infinity, -0, NaN).
 */
import { NL as NL_FUNCTIONS } from "../helpers/excelHost";

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("no error");
}

test("DESINVESTERING with kia_genoten and investeringsbedrag swapped is refused (an implied 560%)", () => {
  // The right call: 17.841 KIA over 100.000 invested = 17,841%; 17,841% x 30.000 = 5.352,30
  expect(NL_FUNCTIONS.DESINVESTERING(2025, 2023, 17841, 100000, 30000, 40000)).toBe(5352.3);
  const e = errorOf(() => NL_FUNCTIONS.DESINVESTERING(2025, 2023, 100000, 17841, 30000, 40000));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toMatch(/'kia_genoten'.*groter dan 'investeringsbedrag'.*verwisseld/);
});

test("KIADITJAAR/KIALATER refuse a range beside the investments of another shape, also a shorter one", () => {
  for (const id of ["KIADITJAAR", "KIALATER"]) {
    const shorter = errorOf(() => NL_FUNCTIONS[id](2025, [[80000], [1500], [2000]], [[true], [null]], null));
    expect(shorter.message).toMatch(
      /'niet_in_gebruik' moet even groot zijn als 'investeringen' \(3×1 cellen\), niet 2×1/,
    );
    const wider = errorOf(() =>
      NL_FUNCTIONS[id](
        2025,
        [[80000], [1500]],
        [[true], [null]],
        [
          [10000, 1],
          [null, 1],
        ],
      ),
    );
    expect(wider.message).toMatch(/'betaald'.*niet 2×2/);
  }
  // The same shape: 80.000 + 1.500 = 81.500 -> 19.769. The machine's part is
  // 19.769 x 80.000 / 81.500 = 19.405,15 of which 10.000 is paid; the laptop's 19.769 x 1.500 / 81.500 = 363,85
  expect(NL_FUNCTIONS.KIADITJAAR(2025, [[80000], [1500]], [[true], [null]], [[10000], [null]])).toBe(10363.85);
});

test("KIADITJAAR over a list whose rows differ in length (never from Excel, from a caller's bug): a value or a clear error", () => {
  // Three cells in rows of one and two: the flags and payments beside them are counted cell by
  // cell. Found by the random-values property test, which crashed on a missing payment.
  const e = errorOf(() => NL_FUNCTIONS.KIADITJAAR(2022, [[null], [null, undefined]], 0, false, false));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toBe("Argument 'aandeel' moet een getal zijn, niet ONWAAR.");
  // 5.000 + 3.000 + 4.000 = 12.000 invested in 2025: 28% = 3.360. Parts: 5.000 -> 1.400, of which
  // 1.000 paid; 3.000 in use -> 840; 4.000 -> 1.120, of which 500 paid: 1.000 + 840 + 500 = 2.340.
  expect(NL_FUNCTIONS.KIADITJAAR(2025, [[5000], [3000, 4000]], [[true], [false, true]], [[1000], [0, 500]])).toBe(2340);
});

test("paying more for an asset than it costs, or a flag or payment beside an empty cell, is refused", () => {
  expect(errorOf(() => NL_FUNCTIONS.KIADITJAAR(2025, [[8000]], [[true]], [[80000]])).message).toMatch(
    /meer \(80\.000\) dan het investeringsbedrag \(8\.000\)/,
  );
  expect(errorOf(() => NL_FUNCTIONS.KIALATER(2025, [[8000], [null]], [[true], [null]], [[null], [500]])).message).toBe(
    "Argument 'betaald' heeft een bedrag in cel 2, naast een lege cel in 'investeringen'.",
  );
  expect(errorOf(() => NL_FUNCTIONS.KIALATER(2025, [[8000], [null]], [[null], [true]], null)).message).toBe(
    "Argument 'niet_in_gebruik' is WAAR in cel 2, naast een lege cel in 'investeringen'.",
  );
});

test("an amount where hours go is refused (more hours than a year has)", () => {
  expect(NL_FUNCTIONS.URENCRITERIUM(8784)).toBe(true); // every hour of a leap year: allowed
  expect(errorOf(() => NL_FUNCTIONS.URENCRITERIUM(8785)).message).toMatch(
    /'uren' is meer uren \(8\.785\) dan een jaar heeft \(8\.784\)/,
  );
  expect(errorOf(() => NL_FUNCTIONS.URENCRITERIUM(5000, 4000)).message).toMatch(
    /De uren samen \(9\.000\) zijn meer dan een jaar heeft \(8\.784\)/,
  );
  expect(errorOf(() => NL_FUNCTIONS.MEEWERKAFTREK(2025, 50000, 50000, true)).message).toMatch(/'uren_partner'/);
  expect(errorOf(() => NL_FUNCTIONS.SOAFTREK(2025, true, 25000)).message).toMatch(/'so_uren'/);
  expect(errorOf(() => NL_FUNCTIONS.STARTERSAFTREKAO(2025, 10000, 90000, true, true)).message).toMatch(/'uren'/);
});

test("eerder_benut above the lifetime maximum of the stakingsaftrek is refused", () => {
  expect(NL_FUNCTIONS.STAKINGSAFTREK(2025, 10000, 3630)).toBe(0); // all used: 3.630 - 3.630
  expect(errorOf(() => NL_FUNCTIONS.STAKINGSAFTREK(2025, 10000, 3631)).message).toMatch(
    /'eerder_benut' \(3\.631\) is meer dan de stakingsaftrek ooit kan zijn \(3\.630,/,
  );
});

test("never ±Infinity or -0: amounts beyond 10^15 are refused, -0 comes back as 0", () => {
  const e = errorOf(() => NL_FUNCTIONS.BELASTBAREWINST(2025, -1.7e308, false, null, null, 1.7e308));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toMatch(/'winst' is te groot/);
  expect(Object.is(NL_FUNCTIONS.MKBVRIJ(2025, -0.0001), 0)).toBe(true); // 12,7% of -0,0001 rounds to -0,00
  expect(NL_FUNCTIONS.KIA(2025, 1e15)).toBe(0); // 10^15 itself is allowed (far above the table)
  expect(errorOf(() => NL_FUNCTIONS.KIA(2025, 1.000001e15)).message).toMatch(/'investeringen' is te groot/);
});

test("a whole column of a million cells is read without trouble", () => {
  const column: (number | null)[][] = Array.from({ length: 1048576 }, () => [null]);
  column[10][0] = 2000;
  column[500000][0] = 3000;
  expect(NL_FUNCTIONS.KIA(2025, column)).toBe(1400); // 5.000 x 28%
});
