import { scenario } from "../../src/rules/scenario";
import { cents, d } from "../helpers";

const value = (r: ReturnType<typeof scenario>, key: string): string => cents(r.lines.find((l) => l.key === key)!.value);

describe("scenario: from the facts to the tax", () => {
  test("2025, winst 40.000, 1.400 hours, no starter -> belastbare winst 32.763,69", () => {
    const r = scenario({ year: 2025, winst: d("40000"), urenOnderneming: d("1400") });
    expect(r.urencriterium).toBe(true);
    expect(value(r, "zelfstandigenaftrek")).toBe("2470.00");
    expect(value(r, "mkbWinstvrijstelling")).toBe("4766.31");
    expect(value(r, "belastbareWinst")).toBe("32763.69");
    expect(r.lines.find((l) => l.key === "zelfstandigenaftrek")!.url).toBe(
      "https://wetten.overheid.nl/BWBR0011353/2025-01-01#Artikel3.76",
    );
  });

  test("investments reduce the winst; an asset not in use moves part of the KIA to later years", () => {
    // 2025: 80.000 not in use, 10.000 paid -> KIA 10.000 now, 9.769 later; winst 60.000 - 10.000 = 50.000
    const r = scenario({
      year: 2025,
      winst: d("60000"),
      urenOnderneming: d("1400"),
      investeringen: [{ bedrag: d("80000"), inGebruik: false, betaald: d("10000") }],
    });
    expect(value(r, "kia")).toBe("10000.00");
    expect(value(r, "kiaLater")).toBe("9769.00");
    expect(value(r, "winstNaKia")).toBe("50000.00");
    expect(value(r, "belastbareWinst")).toBe("41493.69"); // as the chain at winst 50.000
  });

  test("a starter who used the zelfstandigenaftrek three times before gets no startersaftrek", () => {
    const base = { year: 2025, winst: d("40000"), urenOnderneming: d("1400"), starter: true };
    expect(value(scenario(base), "startersaftrek")).toBe("2123.00");
    expect(value(scenario({ ...base, kerenZelfstandigenaftrek: d("3") }), "startersaftrek")).toBe("0.00");
  });

  test("an AO-starter below 1.225 hours gets the startersaftrek bij arbeidsongeschiktheid instead", () => {
    // 900 hours: no urencriterium, no zelfstandigenaftrek; AO-startersaftrek 12.000;
    // 40.000 - 12.000 = 28.000; MKB 12,7% = 3.556; belastbare winst 24.444
    const r = scenario({ year: 2025, winst: d("40000"), urenOnderneming: d("900"), starter: true, aoUitkering: true });
    expect(r.urencriterium).toBe(false);
    expect(value(r, "zelfstandigenaftrek")).toBe("0.00");
    expect(value(r, "aoStartersaftrek")).toBe("12000.00");
    expect(value(r, "belastbareWinst")).toBe("24444.00");
  });

  test("partner hours give the meewerkaftrek; other income adds to box 1", () => {
    const r = scenario({
      year: 2025,
      winst: d("50000"),
      urenOnderneming: d("1400"),
      urenPartner: d("900"),
      overigInkomen: d("10000"),
    });
    expect(value(r, "meewerkaftrek")).toBe("1000.00"); // 2% x 50.000
    // 50.000 - 2.470 - 1.000 = 46.530; MKB 5.909,31; belastbare winst 40.620,69; + 10.000
    expect(value(r, "inkomenBox1")).toBe("50620.69");
  });

  test("the trace holds every rule it used", () => {
    const r = scenario({ year: 2025, winst: d("40000"), urenOnderneming: d("1400") });
    expect(r.trace.parts.map((p) => p.rule)).toEqual(
      expect.arrayContaining(["urencriterium", "startersaftrek", "startersaftrekArbeidsongeschiktheid", "keten"]),
    );
  });
});

describe("scenario with the KOR", () => {
  const base = {
    year: 2025,
    winst: d("15000"),
    urenOnderneming: d("1400"),
    omzet: d("18000"),
    omzetVorigJaar: d("17000"),
  };

  test("business clients: the btw on costs is lost, the winst goes down by it", () => {
    // effect = 0 (prices excl. btw unchanged) - 600 btw on costs; winst 15.000 - 600 = 14.400
    const r = scenario({ ...base, kor: true, btwKosten: d("600") });
    expect(r.korMogelijk).toBe(true);
    expect(value(r, "korEffect")).toBe("-600.00");
    expect(value(r, "winstNaKia")).toBe("14400.00");
  });

  test("private clients paying the same price: 21% of the turnover stays, less the btw on costs", () => {
    // 21% x 18.000 = 3.780 - 600 = 3.180; winst 18.180
    const r = scenario({ ...base, kor: true, btwKosten: d("600"), particulierZelfdePrijs: true });
    expect(value(r, "korEffect")).toBe("3180.00");
    expect(value(r, "winstNaKia")).toBe("18180.00");
  });

  test("since 2025 last year's turnover counts: no KOR, no effect", () => {
    const r = scenario({ ...base, kor: true, btwKosten: d("600"), omzetVorigJaar: d("20000.01") });
    expect(r.korMogelijk).toBe(false);
    expect(value(r, "korEffect")).toBe("0.00");
  });

  test("without KOR the btw is neutral", () => {
    const r = scenario({ ...base, kor: false, btwKosten: d("600") });
    expect(value(r, "korEffect")).toBe("0.00");
    expect(value(r, "winstNaKia")).toBe("15000.00");
  });
});
