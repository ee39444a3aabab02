import { keten } from "../../src/rules/keten";
import { cents, d } from "../helpers";

const line = (result: ReturnType<typeof keten>, key: string): string =>
  cents(result.lines.find((l) => l.key === key)!.value);

/**
 * The whole chain for each year with a profit of 50.000 and 100.000 (urencriterium, no starter, no
 * other income): zelfstandigenaftrek, MKB-winstvrijstelling, belastbare winst, box 1 (art. 2.10 with
 * premie), tariefsaanpassing (art. 2.10 lid 2) and the total. Worked out independently from the
 * law's tables; the comment gives the tariefsaanpassing base.
 */
const cases: Array<[number, string, string, string, string, string, string, string]> = [
  [2022, "50000", "6310", "6116.60", "37573.40", "13928.00", "0.00", "13928.00"], // posten 12426.60, boven grens 0
  [2022, "100000", "6310", "13116.60", "80573.40", "31256.83", "1845.53", "33102.36"], // posten 19426.60, boven grens 30602.00
  [2023, "50000", "5030", "6295.80", "38674.20", "14281.95", "0.00", "14281.95"], // posten 11325.80, boven grens 0
  [2023, "100000", "5030", "13295.80", "81674.20", "31248.08", "2303.55", "33551.63"], // posten 18325.80, boven grens 26969.00
  [2024, "50000", "3750", "6155.88", "40094.12", "14822.06", "0.00", "14822.06"], // posten 9905.88, boven grens 0
  [2024, "100000", "3750", "12810.88", "83439.12", "31839.05", "2075.08", "33914.13"], // posten 16560.88, boven grens 24482.00
  [2025, "50000", "2470", "6036.31", "41493.69", "14913.08", "0.00", "14913.08"], // posten 8506.31, boven grens 0
  [2025, "100000", "2470", "12386.31", "85143.69", "32273.65", "1785.73", "34059.38"], // posten 14856.31, boven grens 23183.00
  [2026, "50000", "1200", "6197.60", "42602.40", "15297.16", "0.00", "15297.16"], // posten 7397.60, boven grens 0
  [2026, "100000", "1200", "12547.60", "86252.40", "32626.22", "1641.46", "34267.68"], // posten 13747.60, boven grens 21574.00
];

describe("keten: winst to box 1", () => {
  test.each(cases)("%i winst %s", (year, winst, za, mkb, bw, box1, ta, totaal) => {
    const result = keten({ year, winst: d(winst), urencriterium: true });
    expect(line(result, "zelfstandigenaftrek")).toBe(d(za).toFixed(2));
    expect(line(result, "mkbWinstvrijstelling")).toBe(mkb);
    expect(line(result, "belastbareWinst")).toBe(bw);
    expect(line(result, "box1")).toBe(box1);
    expect(line(result, "tariefsaanpassing")).toBe(ta);
    expect(line(result, "totaalBox1")).toBe(totaal);
  });

  test("the lines add up: belastbare winst = winst - ondernemersaftrek - MKB", () => {
    const result = keten({
      year: 2025,
      winst: d("80000"),
      urencriterium: true,
      urenPartner: d("900"),
      soUren: d("600"),
      stakingswinst: d("5000"),
    });
    // meewerk 2% x (80.000 - 5.000) = 1.500; S&O 15.738; staking 3.630; ZA 2.470
    expect(line(result, "meewerkaftrek")).toBe("1500.00");
    expect(line(result, "soAftrek")).toBe("15738.00");
    expect(line(result, "stakingsaftrek")).toBe("3630.00");
    expect(line(result, "ondernemersaftrek")).toBe("23338.00"); // 2.470 + 15.738 + 1.500 + 3.630
    // MKB 12,7% x 56.662 = 7.196,074 -> 7.196,07; 56.662 - 7.196,07 = 49.465,93
    expect(line(result, "mkbWinstvrijstelling")).toBe("7196.07");
    expect(line(result, "belastbareWinst")).toBe("49465.93");
  });

  test("other box 1 income adds to the income the tax is computed on", () => {
    // 2025: belastbare winst 41.493,69 + loon 10.000 = 51.493,69
    const result = keten({ year: 2025, winst: d("50000"), urencriterium: true, overigInkomen: d("10000") });
    expect(line(result, "inkomenBox1")).toBe("51493.69");
  });

  test("S&O starters' increase follows art. 3.77 lid 2, not the startersaftrek", () => {
    // 2025: S&O 15.738; the increase 7.875 only for who was no ondernemer in one of the 5 years and had
    // S&O-verklaringen in at most 2 of them
    const base = { year: 2025, winst: d("80000"), urencriterium: true, soUren: d("600") };
    expect(line(keten({ ...base, startersaftrek: true }), "soAftrek")).toBe("15738.00");
    expect(line(keten({ ...base, soStarter: true, soJarenVerklaring: d("2") }), "soAftrek")).toBe("23613.00");
    expect(line(keten({ ...base, soStarter: true, soJarenVerklaring: d("3") }), "soAftrek")).toBe("15738.00");
  });

  test("stakingsaftrek: what was used before is a lifetime limit (art. 3.79)", () => {
    // 3.630 - 3.000 eerder = 630
    const r = keten({
      year: 2025,
      winst: d("20000"),
      urencriterium: true,
      stakingswinst: d("5000"),
      stakingsaftrekEerder: d("3000"),
    });
    expect(line(r, "stakingsaftrek")).toBe("630.00");
  });

  test("meewerkaftrek: none from a vergoeding of 5.000; onteigenings- and overbrengingswinst left out", () => {
    const base = { year: 2025, winst: d("60000"), urencriterium: true, urenPartner: d("900") };
    // 2% x 60.000 = 1.200; a vergoeding of 4.999 counts as none (art. 3.16 lid 4)
    expect(line(keten({ ...base, vergoedingPartner: d("4999") }), "meewerkaftrek")).toBe("1200.00");
    expect(line(keten({ ...base, vergoedingPartner: d("5000") }), "meewerkaftrek")).toBe("0.00");
    // 2% x (60.000 - 10.000 onteigeningswinst) = 1.000
    expect(line(keten({ ...base, onteigeningsOverbrengingswinst: d("10000") }), "meewerkaftrek")).toBe("1000.00");
  });
});
