/**
 * The audit on templates built here, each with every expected finding written out: the values are
 * the law's (art. 3.76, 3.79a, 3.41 lid 2 of the year named), typed into the templates as a
 * bookkeeper would.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { findingRunKey, runAddress, runsDown } from "../../src/audit/runs";
import { AuditCell, auditSheets, AuditSheet } from "../../src/audit/scan";
import { auditWorkbook } from "../../src/audit/workbookAudit";
import { parseFormula } from "../../src/workbook/formula/parse";
import { f, row, s, v, writeWorkbookFile } from "../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-audit-"));
let n = 0;
async function audit(...sheets: Array<{ name: string; data: string }>) {
  const file = join(dir, `t${++n}.xlsx`);
  writeWorkbookFile(file, { sheets });
  return (await auditWorkbook(file, { today: 2026 })).findings;
}
const brief = (fs: Awaited<ReturnType<typeof audit>>) =>
  fs.map((x) => ({
    cell: x.cell,
    value: x.value,
    parameter: x.parameter,
    years: x.years,
    confidence: x.confidence,
    stale: x.stale,
    suggestion: x.suggestion,
  }));

describe("Werkmap controleren: hard-coded tax numbers", () => {
  test("a zelfstandigenaftrek of 2024 in a 2025 workbook: stale, replaced by the formula for the whole", async () => {
    const found = await audit({
      name: "Aangifte",
      data: [
        row(1, s("A1", "Jaar"), v("B1", 2025)),
        row(3, s("A3", "Uren"), v("B3", 1400)),
        row(4, s("A4", "Zelfstandigenaftrek"), f("B4", "IF(B3>=1225,3750,0)")),
      ].join(""),
    });
    // 1.225 uur (art. 3.6, every year); 3.750 is the zelfstandigenaftrek of 2024 only (art. 3.76)
    const suggestion = '=IF(NL.URENCRITERIUM(B3),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)';
    expect(brief(found)).toEqual([
      {
        cell: "Aangifte!B4",
        value: 1225,
        parameter: "urencriterium_uren",
        years: [2022, 2023, 2024, 2025, 2026, 2027],
        confidence: "hoog",
        stale: false,
        suggestion,
      },
      {
        cell: "Aangifte!B4",
        value: 3750,
        parameter: "zelfstandigenaftrek",
        years: [2024],
        confidence: "hoog",
        stale: true,
        suggestion,
      },
    ]);
  });

  test("MKB-winstvrijstelling written as 14%, 0.14 and 12,7%: the percentage of its years, NL.MKBVRIJ as the suggestion", async () => {
    const found = await audit({
      name: "Blad1",
      data: [
        row(1, s("A1", "MKB-winstvrijstelling"), f("B1", "(C1-D1)*14%"), v("C1", 50000), v("D1", 5030)),
        row(2, s("A2", "MKB-winstvrijstelling"), f("B2", "C2*0.14"), v("C2", 40000)),
        row(3, s("A3", "Vrijstelling 2025"), f("B3", "(C3-D3)*12.7%"), v("C3", 60000), v("D3", 2470)),
        // 0,14 without a label that names the rule is just a number
        row(4, s("A4", "Marge"), f("B4", "C4*0.14"), v("C4", 1000)),
      ].join(""),
    });
    // 14% is the percentage of 2022 and 2023, 12,7% from 2025 (2027 already fixed by law, art. 3.79a);
    // without a year in the workbook the suggestion takes the value's latest year up to now (2026)
    expect(brief(found)).toEqual([
      {
        cell: "Blad1!B1",
        value: 0.14,
        parameter: "mkb_winstvrijstelling_percentage",
        years: [2022, 2023],
        confidence: "laag",
        stale: null,
        suggestion: "=NL.MKBVRIJ(2023,C1,D1)",
      },
      {
        cell: "Blad1!B2",
        value: 0.14,
        parameter: "mkb_winstvrijstelling_percentage",
        years: [2022, 2023],
        confidence: "laag",
        stale: null,
        suggestion: "=NL.MKBVRIJ(2023,C2)",
      },
      {
        cell: "Blad1!B3",
        value: 0.127,
        parameter: "mkb_winstvrijstelling_percentage",
        years: [2025, 2026, 2027],
        confidence: "hoog",
        stale: null,
        suggestion: "=NL.MKBVRIJ(2026,C3,D3)",
      },
    ]);
  });

  test("a KIA table of 2023 written out as an IF chain is one NL.KIA", async () => {
    const chain = "IF(B2<=2600,0,IF(B2<=63716,B2*28%,IF(B2<=117991,17841,IF(B2<=353973,17841-(B2-117991)*7.56%,0))))";
    const found = await audit({
      name: "KIA",
      data: [row(1, s("A1", "Jaar"), v("B1", 2023)), row(2, s("A2", "Investeringen"), f("C2", chain))].join(""),
    });
    // art. 3.41 lid 2 (2023): 2.600, 28%, 63.716, 17.841, 117.991, 7,56%, 353.973 — each once
    expect(found.map((x) => [x.value, x.parameter, x.years.join(","), x.confidence])).toEqual([
      [2600, "kia_ondergrens", "2023", "hoog"],
      [63716, "kia_einde_percentage", "2023", "hoog"],
      [0.28, "kia_percentage", "2022,2023,2024,2025,2026", "hoog"],
      [117991, "kia_einde_vast", "2023", "hoog"],
      [17841, "kia_vast_bedrag", "2023", "hoog"],
      [353973, "kia_bovengrens", "2023", "hoog"],
      [0.0756, "kia_afbouw_percentage", "2022,2023,2024,2025,2026", "hoog"],
    ]);
    expect(new Set(found.map((x) => x.suggestion))).toEqual(new Set(["=NL.KIA($B$1,B2)"]));
    expect(found.every((x) => x.stale === false)).toBe(true);
  });

  test("without a year cell the suggestions take the year the numbers point to, not this year", async () => {
    // A 2025 template (art. 3.41 lid 2 and 3.76 Wet IB 2001, 2025): 2.470 and the KIA bounds 70.602
    // and 19.769 were only the 2025 values; 12,7% (2025–2027) and 2.900 (2025–2026) fit 2025 too. A
    // suggestion for this year (2026) would change the KIA the template computes.
    const found = await audit({
      name: "Aangifte",
      data: [
        row(1, s("A1", "Winst"), v("B1", 50000)),
        row(2, s("A2", "Zelfstandigenaftrek"), f("B2", "IF(B7>=1225,MIN(B1,2470),0)")),
        row(3, s("A3", "MKB-winstvrijstelling"), f("B3", "ROUND((B1-B2)*0.127,2)")),
        row(6, s("A6", "KIA"), f("B6", "IF(B8<=2900,0,IF(B8<=70602,B8*28%,19769))")),
        row(7, s("A7", "Uren"), v("B7", 1300)),
        row(8, s("A8", "Investeringen"), v("B8", 10000)),
      ].join(""),
    });
    expect(found.map((x) => [x.cell, x.value, x.suggestion])).toEqual([
      // MIN(winst, 2.470) becomes the aftrek capped at the winst (0 on a loss, where MIN went negative)
      ["Aangifte!B2", 1225, "=NL.ZELFSTANDIGENAFTREK(2025,NL.URENCRITERIUM(B7),B1)"],
      ["Aangifte!B2", 2470, "=NL.ZELFSTANDIGENAFTREK(2025,NL.URENCRITERIUM(B7),B1)"],
      ["Aangifte!B3", 0.127, "=ROUND(NL.MKBVRIJ(2025,B1,B2),2)"],
      ["Aangifte!B6", 2900, "=NL.KIA(2025,B8)"],
      ["Aangifte!B6", 70602, "=NL.KIA(2025,B8)"],
      ["Aangifte!B6", 0.28, "=NL.KIA(2025,B8)"],
      ["Aangifte!B6", 19769, "=NL.KIA(2025,B8)"],
    ]);
    expect(found.every((x) => x.year === null && x.stale === null)).toBe(true); // no year cell: nothing is called stale
  });

  test("one formula's numbers get the year they share, the others the year most cells point to", async () => {
    // art. 3.76 and 3.41 lid 2: 1.200 is the zelfstandigenaftrek of 2026 only, 71.683/20.072 the KIA
    // bounds of 2026, 70.602/19.769 those of 2025; 12,7% fits 2025–2027. Most cells point to 2026;
    // last year's KIA table in row 2 keeps its own year.
    const found = await audit({
      name: "Blad1",
      data: [
        row(1, s("A1", "Zelfstandigenaftrek"), f("B1", "IF(C1>=1225,1200,0)"), v("C1", 1300)),
        row(2, s("A2", "KIA vorig jaar"), f("B2", "IF(C2<=2900,0,IF(C2<=70602,C2*28%,19769))"), v("C2", 5000)),
        row(3, s("A3", "MKB-winstvrijstelling"), f("B3", "C3*12.7%"), v("C3", 40000)),
        row(4, s("A4", "KIA"), f("B4", "IF(C4<=2900,0,IF(C4<=71683,C4*28%,20072))"), v("C4", 5000)),
      ].join(""),
    });
    expect([...new Map(found.map((x) => [x.cell, x.suggestion]))]).toEqual([
      ["Blad1!B1", '=IF(NL.URENCRITERIUM(C1),NL.PARAMETER(2026,"zelfstandigenaftrek"),0)'],
      ["Blad1!B2", "=NL.KIA(2025,C2)"],
      ["Blad1!B3", "=NL.MKBVRIJ(2026,C3)"],
      ["Blad1!B4", "=NL.KIA(2026,C4)"],
    ]);
  });

  test("a labelled constant is found, an unlabelled one is not; a shared formula is reported per cell", async () => {
    const found = await audit({
      name: "Invoer",
      data: [
        row(1, s("A1", "Belastingjaar"), v("B1", 2025)),
        row(2, s("A2", "Percentage MKB-winstvrijstelling"), v("B2", 0.127)),
        row(3, s("A3", "Rente"), v("B3", 0.127)),
        row(5, f("B5", "C5*0.127", ' t="n"'), v("C5", 1000)),
        row(6, `<c r="B6"><f t="shared" ref="B6:B7" si="0">C6*0.127</f></c>`, v("C6", 2000)),
        row(7, `<c r="B7"><f t="shared" si="0"/></c>`, v("C7", 3000)),
      ].join(""),
    });
    expect(brief(found).map((x) => [x.cell, x.value, x.confidence, x.suggestion])).toEqual([
      ["Invoer!B2", 0.127, "hoog", '=NL.PARAMETER($B$1,"mkb_winstvrijstelling_percentage")'],
      ["Invoer!B5", 0.127, "hoog", "=NL.MKBVRIJ($B$1,C5)"],
      ["Invoer!B6", 0.127, "hoog", "=NL.MKBVRIJ($B$1,C6)"],
      ["Invoer!B7", 0.127, "hoog", "=NL.MKBVRIJ($B$1,C7)"],
    ]);
  });

  test("an ordinary budget gives no finding: rent, VAT at 21%, growth, sums, round amounts", async () => {
    const found = await audit({
      name: "Begroting 2025",
      data: [
        row(1, s("A1", "Begroting 2025")),
        row(2, s("A2", "Huur per maand"), v("B2", 1250), f("C2", "B2*12")),
        row(3, s("A3", "Btw"), f("B3", "C2*21%"), f("C3", "C2*0.21")),
        row(4, s("A4", "Groei"), f("B4", "C2*1.03"), f("C4", "C2*(1+5%)")),
        row(5, s("A5", "Totaal"), f("B5", "SUM(B2:B4)"), f("C5", "ROUND(B5/12,2)")),
        row(6, s("A6", "Reservering"), f("B6", "MAX(0,C2-20000)"), f("C6", "B6*0.5")),
        row(7, s("A7", "Afschrijving"), f("B7", "C2/5"), f("C7", "IF(B7>450,B7,0)")),
        row(8, s("A8", "Al in NL-formules"), f("B8", "_xldudf_NL_MKBVRIJ(2025,50000,2470)")),
      ].join(""),
    });
    expect(found).toEqual([]);
  });

  test("a formula's result is no typed number: the other cells of an array formula, a formula it cannot read", async () => {
    const found = await audit(
      {
        name: "Aangifte",
        data: [
          row(1, s("A1", "Jaar"), v("B1", 2025)),
          // an array formula over B2:B3 whose results are 2.470 (the zelfstandigenaftrek of 2025)
          row(2, s("A2", "Zelfstandigenaftrek"), `<c r="B2"><f t="array" ref="B2:B3">Bron!A1:A2</f><v>2470</v></c>`),
          row(3, s("A3", "Zelfstandigenaftrek"), `<c r="B3"><v>2470</v></c>`),
          // a formula the parser cannot read, with the same result
          row(4, s("A4", "Zelfstandigenaftrek"), `<c r="B4"><f>SUM(((</f><v>2470</v></c>`),
          // a typed 2.470 beside the same label is one
          row(5, s("A5", "Zelfstandigenaftrek"), v("B5", 2470)),
        ].join(""),
      },
      { name: "Bron", data: row(1, v("A1", 2470)) + row(2, v("A2", 2470)) },
    );
    expect(found.map((x) => x.cell)).toEqual(["Aangifte!B5"]);
  });

  test("box 1 by hand: the first bracket's rate with the premies (35,82%, 17,92% at the AOW-leeftijd) is found", async () => {
    // 2025, art. 2.10 lid 1: first bracket to 38.441 at 8,17% + premies AOW 17,90, Anw 0,10, Wlz
    // 9,65 (art. 11 Wfsv) = 35,82%; without the AOW premie 8,17 + 0,10 + 9,65 = 17,92%; the second
    // bracket to 76.817 at 37,48%.
    const found = await audit({
      name: "IB",
      data: [
        row(1, s("A1", "Jaar"), v("B1", 2025)),
        row(2, s("A2", "Belastbaar inkomen box 1"), v("B2", 50000)),
        row(3, s("A3", "Eerste schijf"), f("B3", "MIN(B2,38441)*35.82%")),
        row(4, s("A4", "Tweede schijf"), f("B4", "MAX(0,MIN(B2,76817)-38441)*37.48%")),
        row(5, s("A5", "Eerste schijf na AOW-leeftijd"), f("B5", "MIN(B2,38441)*17.92%")),
      ].join(""),
    });
    expect(found.map((x) => [x.cell, x.written, x.parameter, x.years.join(",")])).toEqual([
      ["IB!B3", "38441", "box1_schijf1_einde", "2025"],
      ["IB!B3", "35.82%", "box1_tarief_schijf1_met_premie", "2025"],
      ["IB!B4", "76817", "box1_schijf2_einde", "2025"],
      ["IB!B4", "38441", "box1_schijf1_einde", "2025"],
      ["IB!B4", "37.48%", "box1_tarief_schijf2", "2025"],
      ["IB!B5", "38441", "box1_schijf1_einde", "2025"],
      ["IB!B5", "17.92%", "box1_tarief_schijf1_met_premie_aow", "2025"],
    ]);
    expect(found.find((x) => x.cell === "IB!B5")!.suggestion).toBe(
      '=MIN(B2,NL.PARAMETER($B$1,"box1_schijf1_einde"))*NL.PARAMETER($B$1,"box1_tarief_schijf1_met_premie_aow")',
    );
  });

  test("the values come from the parameters: a percentage as written in every form", async () => {
    // 13,31% (2024, art. 3.79a) as 13.31%, 0.1331 and 13.31/100
    const found = await audit({
      name: "Blad1",
      data: row(1, f("A1", "B1*13.31%"), f("A2", "B1*0.1331"), f("A3", "B1*13.31/100"), v("B1", 100)),
    });
    expect(found.map((x) => [x.cell, x.written, x.years.join(",")])).toEqual([
      ["Blad1!A1", "13.31%", "2024"],
      ["Blad1!A2", "0.1331", "2024"],
      ["Blad1!A3", "13.31/100", "2024"],
    ]);
  });
});

describe("a template of many rows", () => {
  test("300.000 findings on one sheet are all listed (more than a call takes arguments)", () => {
    // One tree for every cell, as for a formula filled down: IF(B1>=1225,5030,0) read at each row
    const { node } = parseFormula("IF(B1>=1225,5030,0)", { row: 1, col: 3 });
    const rows = 150000;
    const sheet: AuditSheet = {
      name: "Klanten",
      get: (row, col) => (col === 3 && row >= 1 && row <= rows ? cellAt(row) : undefined),
      *cells() {
        for (let row = 1; row <= rows; row++) yield cellAt(row);
      },
    };
    function cellAt(row: number): AuditCell {
      return { row, col: 3, value: 0, formula: { node, host: { row, col: 3 } } };
    }
    const found = auditSheets([sheet], { today: 2026 });
    // 1.225 uur and 5.030 (the zelfstandigenaftrek of 2023) in each of the 150.000 rows
    expect(found).toHaveLength(300000);
    expect(found[299999].cell).toBe("Klanten!C150000");
  });
});

describe("a formula filled down is one run (the report and the task pane list it once)", () => {
  const at = (address: string, row: number, col = 3) => ({ sheet: "Blad1", address, row, col });
  const byColumn = (p: { col: number }) => String(p.col);

  test("cells one below the other join; a gap, another column or another key start a new run", () => {
    const runs = runsDown(
      [at("C2", 2), at("D2", 2, 4), at("C3", 3), at("D3", 3, 4), at("C4", 4), at("C6", 6), at("C7", 7)],
      byColumn,
    );
    expect(runs.map(runAddress)).toEqual(["C2:C4", "D2:D3", "C6:C7"]);
    expect(runs[0].items.map((c) => c.address)).toEqual(["C2", "C3", "C4"]);
  });

  test("the same number twice in one cell is a run of its own and leaves the open run as it was", () => {
    const runs = runsDown([at("C2", 2), at("C3", 3), at("C3", 3), at("C4", 4)], byColumn);
    expect(runs.map(runAddress)).toEqual(["C2:C4", "C3"]);
  });

  test("findings differ in their key by number, parameter, years and staleness, not by row", async () => {
    const found = await audit({
      name: "Blad1",
      data: [
        row(1, s("A1", "Jaar"), v("B1", 2025)),
        // 3.750: the zelfstandigenaftrek of 2024 (art. 3.76), rows 2-4; 2.470 (2025) in row 5
        ...[2, 3, 4].map((r) => row(r, v(`B${r}`, 1400), f(`C${r}`, `IF(B${r}>=1225,3750,0)`))),
        row(5, v("B5", 1400), f("C5", "IF(B5>=1225,2470,0)")),
      ].join(""),
    });
    const runs = runsDown(found, findingRunKey);
    // 1225 is the urencriterium in every row: one run C2:C5; 3750 C2:C4; 2470 C5 alone
    expect(runs.map((r) => `${r.items[0].written} ${runAddress(r)}`).sort()).toEqual([
      "1225 C2:C5",
      "2470 C5",
      "3750 C2:C4",
    ]);
  });
});
