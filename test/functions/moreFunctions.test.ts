/**
 * The functions added after the first six, called the way Excel calls them.
 */
import { NL } from "../helpers/excelHost";
import { excelErrorOf } from "../helpers";

describe("ondernemersaftrek functions", () => {
  test("NL.STARTERSAFTREKAO", () => {
    expect(NL.STARTERSAFTREKAO(2025, 10000, 900, true, true)).toBe(10000);
    expect(NL.STARTERSAFTREKAO(2025, 30000, 900, true, true, 2, null)).toBe(4000);
    expect(NL.STARTERSAFTREKAO(2025, 30000, 900, true, true, 0, true)).toBe(0);
    expect(excelErrorOf(() => NL.STARTERSAFTREKAO(2025, 30000, 900, "ja", true)).message).toMatch(/'ao_uitkering'/);
    expect(excelErrorOf(() => NL.STARTERSAFTREKAO(2025, 30000, 900, true, true, 7)).message).toMatch(/'keren_eerder'/);
  });

  test("NL.MEEWERKAFTREK", () => {
    expect(NL.MEEWERKAFTREK(2025, 50000, 900, true)).toBe(1000);
    expect(NL.MEEWERKAFTREK(2025, 50000, 900, true, 10000)).toBe(800); // 2% x 40.000
    expect(NL.MEEWERKAFTREK(2025, 50000, 900, false)).toBe(0);
    expect(excelErrorOf(() => NL.MEEWERKAFTREK(2027, 50000, 900, true)).code).toBe("#N/A");
    expect(excelErrorOf(() => NL.MEEWERKAFTREK(2025, 50000, -1, true)).message).toMatch(/'uren_partner'.*negatief/);
  });

  test("NL.SOAFTREK and NL.STAKINGSAFTREK", () => {
    expect(NL.SOAFTREK(2026, true, 500, true)).toBe(23975);
    expect(NL.SOAFTREK(2026, true, 500, null, null)).toBe(15979);
    expect(NL.STAKINGSAFTREK(2025, 10000)).toBe(3630);
    expect(NL.STAKINGSAFTREK(2025, 10000, "")).toBe(3630);
    expect(excelErrorOf(() => NL.STAKINGSAFTREK(2025, "veel")).message).toMatch(/'stakingswinst'/);
  });

  test("NL.NGZVERREKENING and NL.NGZRESTANT with a two-column range", () => {
    const open = [
      [2025, 970],
      [null, null],
    ];
    // ruimte 2026: winst 1.500 - zelfstandigenaftrek 1.200 = 300 of the 970 open from 2025; 670 stays
    expect(NL.NGZVERREKENING(2026, 1500, true, open)).toBe(300);
    expect(NL.NGZRESTANT(2026, 1500, true, open)).toBe(670);
    // a row of zeros is an empty row (what older desktop Excel passes for one), wherever it is
    const zeros = [
      [0, 0],
      [2025, 970],
      [0, 0],
      [0, 0],
    ];
    expect(NL.NGZVERREKENING(2026, 1500, true, zeros)).toBe(300);
    expect(NL.NGZRESTANT(2026, 1500, true, zeros)).toBe(670);
    // an open amount of 0 (or empty) for a year adds nothing; a year missing beside an amount is an error
    expect(
      NL.NGZRESTANT(2026, 1500, true, [
        [2025, 970],
        [2024, null],
      ]),
    ).toBe(670);
    expect(excelErrorOf(() => NL.NGZVERREKENING(2026, 1500, true, [[null, 970]])).message).toMatch(
      /'open, rij 1' ontbreekt/,
    );
    expect(NL.NGZVERREKENING(2026, 1500, true, [[null]])).toBe(0);
    expect(excelErrorOf(() => NL.NGZVERREKENING(2026, 1500, true, [[2025]])).message).toMatch(/twee kolommen/);
    expect(excelErrorOf(() => NL.NGZVERREKENING(2026, 1500, true, [["vorig jaar", 970]])).message).toMatch(
      /open, rij 1/,
    );
  });
});

describe("investment functions", () => {
  test("NL.KIADITJAAR and NL.KIALATER with aligned ranges", () => {
    // 80.000 + 300 (under 450: does not count) -> 2025: the maximum 19.769. The machine is not in
    // use and 10.000 is paid: 10.000 now, 9.769 later.
    const investeringen = [[80000], [null], [300]];
    const nietInGebruik = [[true], [null], [null]];
    const betaald = [[10000], [null], [null]];
    expect(NL.KIADITJAAR(2025, investeringen, nietInGebruik, betaald)).toBe(10000);
    expect(NL.KIALATER(2025, investeringen, nietInGebruik, betaald)).toBe(9769);
    // in use: the full KIA, whatever was paid
    expect(NL.KIADITJAAR(2025, [[80000]], [[null]], [[10000]])).toBe(19769);
    expect(NL.KIADITJAAR(2025, [[80000]], [[false]], [[null]])).toBe(19769);
    // not in use and nothing paid yet: nothing this year, all of it later
    expect(NL.KIADITJAAR(2025, [[80000]], [[true]], [[null]])).toBe(0);
    expect(NL.KIALATER(2025, [[80000]], [[1]], [[0]])).toBe(19769);
    // one empty cell (or 0, or left out) for the whole range: all in use, nothing paid
    expect(NL.KIADITJAAR(2025, investeringen, null, null)).toBe(19769);
    expect(NL.KIADITJAAR(2025, investeringen, 0, 0)).toBe(19769);
    expect(NL.KIADITJAAR(2025, investeringen)).toBe(19769);
    expect(excelErrorOf(() => NL.KIADITJAAR(2025, [[80000]], [[true]], [[1], [2]])).message).toMatch(
      /'betaald' moet even groot zijn als 'investeringen' \(1×1 cellen\), niet 2×1/,
    );
  });

  test("NL.KIADITJAAR: an old formula with the paid amounts third gets a message that says where they go", () => {
    const e = excelErrorOf(() => NL.KIADITJAAR(2025, [[80000], [1500]], [[10000], [null]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "Argument 'niet_in_gebruik' moet per cel WAAR of ONWAAR zijn (of 1/0), niet 10.000 in cel 1. Staat hier het betaalde bedrag? Dat is het vierde argument: (jaar; investeringen; niet_in_gebruik; betaald).",
    );
  });

  test("NL.DESINVESTERING", () => {
    expect(NL.DESINVESTERING(2025, 2023, 17841, 100000, 30000, 40000)).toBe(5352.3);
    expect(NL.DESINVESTERING(2025, 2023, 17841, 100000, 30000, 40000, 2000)).toBe(0);
    expect(excelErrorOf(() => NL.DESINVESTERING(2025, 2026, 1, 1, 1, 1)).message).toMatch(/'investeringsjaar'/);
    expect(excelErrorOf(() => NL.DESINVESTERING(2025, null, 1, 1, 1, 1)).message).toMatch(
      /'investeringsjaar' ontbreekt/,
    );
  });
});

describe("box 1 functions", () => {
  test("NL.INKOMSTENBELASTING", () => {
    expect(NL.INKOMSTENBELASTING(2025, 50000)).toBe(18101.25);
    expect(NL.INKOMSTENBELASTING(2025, 40502, true, true)).toBe(7257.96);
    expect(excelErrorOf(() => NL.INKOMSTENBELASTING(2027, 50000)).code).toBe("#N/A");
  });

  test("NL.TARIEFSAANPASSING takes a number or a range of posten", () => {
    expect(NL.TARIEFSAANPASSING(2025, 85143.69, [[2470], [12386.31]])).toBe(1785.73);
    expect(NL.TARIEFSAANPASSING(2025, 85143.69, 14856.31)).toBe(1785.73);
  });

  test("NL.OVERZICHT spills a labelled two-column table of fixed size", () => {
    const table = NL.OVERZICHT(2025, 40000, true) as unknown[][];
    expect(table).toHaveLength(23);
    for (const row of table) {
      expect(row).toHaveLength(2);
      expect(typeof row[0]).toBe("string");
      expect(typeof row[1]).toBe("number");
    }
    expect(table.find((r) => r[0] === "Belastbare winst uit onderneming")?.[1]).toBe(32763.69);
    expect(table.find((r) => r[0] === "MKB-winstvrijstelling")?.[1]).toBe(4766.31);
  });
});

describe("KOR functions", () => {
  test("NL.KOR, NL.EUKOR", () => {
    expect(NL.KOR(2025, 18000, 19000)).toBe(true);
    expect(NL.KOR(2025, 18000, 21000)).toBe(false);
    expect(NL.KOR(2025, 18000)).toBe(true); // empty previous year counts as 0
    expect(NL.EUKOR(2025, 90000, 80000)).toBe(true);
    expect(excelErrorOf(() => NL.EUKOR(2024, 90000)).code).toBe("#N/A");
  });

  test("NL.KORRESULTAAT and NL.KORHERZIENING", () => {
    expect(NL.KORRESULTAAT(2025, 100, 10, 2.1, false)).toBe(90);
    expect(NL.KORRESULTAAT(2025, 100, 10, 2.1, true)).toBe(87.9);
    expect(NL.KORRESULTAAT(2025, 100, 10, 2.1, true, true)).toBe(108.9);
    expect(NL.KORRESULTAAT(2025, 100, 10, 2.1, true, true, 0.09)).toBe(96.9);
    // an empty btw_tarief (or 0) is the general rate: 100 + 21% = 121 - 12,10
    for (const empty of [undefined, null, 0])
      expect(NL.KORRESULTAAT(2025, 100, 10, 2.1, true, true, empty)).toBe(108.9);
    expect(NL.KORHERZIENING(2025, 2100, 2023)).toBe(1260);
    expect(excelErrorOf(() => NL.KORRESULTAAT(2025, 100, 10, 2.1, true, true, 2)).message).toMatch(/'btw_tarief'/);
  });
});

describe("NL.PARAMETER and NL.VERSIE", () => {
  test("amounts as numbers, percentages as fractions", () => {
    expect(NL.PARAMETER(2025, "zelfstandigenaftrek")).toBe(2470);
    expect(NL.PARAMETER(2025, "mkb_winstvrijstelling_percentage")).toBe(0.127);
    expect(NL.PARAMETER(2025, "kia_afbouw_percentage")).toBe(0.0756);
    expect(NL.PARAMETER(2027, "zelfstandigenaftrek")).toBe(900);
  });

  test("an unknown name -> #VALUE! pointing to the help page (and the name meant); an uncovered year -> #N/A", () => {
    const unknown = excelErrorOf(() => NL.PARAMETER(2025, "za"));
    expect(unknown.code).toBe("#VALUE!");
    expect(unknown.message).toBe(
      "Argument 'naam': onbekende parameter \"za\". Alle namen staan op de helppagina van NL.PARAMETER.",
    );
    expect(excelErrorOf(() => NL.PARAMETER(2025, "zelfstandigeaftrek")).message).toBe(
      'Argument \'naam\': onbekende parameter "zelfstandigeaftrek". Bedoelt u "zelfstandigenaftrek"? Alle namen staan op de helppagina van NL.PARAMETER.',
    );
    expect(excelErrorOf(() => NL.PARAMETER(2025, "x".repeat(300))).message.length).toBeLessThanOrEqual(255);
    expect(excelErrorOf(() => NL.PARAMETER(2025, 12)).message).toMatch(/'naam'/);
    expect(excelErrorOf(() => NL.PARAMETER(2027, "kia_ondergrens")).code).toBe("#N/A");
  });

  test("NL.VERSIE", () => {
    expect(NL.VERSIE()).toBe("NL Aftrek 0.1.0; bedragen gecontroleerd op 2026-11-22; jaren 2022–2027");
  });
});
