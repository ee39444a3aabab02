/**
 * The audit on templates as firms write them (made with ExcelJS, an independent writer): rates as
 * whole percentages under a "%" label, in a "%" number format or divided by 100 where they are
 * used; years in column headers, titles, sheet names and file names; a model comparing 2026 and
 * 2027. Every expected number is the law's, with its article; ordinary budgets give nothing.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { auditWorkbook } from "../../src/audit/workbookAudit";
import { PROGNOSE, TemplateSheet, writeTemplate } from "../helpers/templates";

const dir = mkdtempSync(join(tmpdir(), "nl-audit-templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function audit(name: string, ...sheets: TemplateSheet[]) {
  const file = join(dir, name);
  await writeTemplate(file, sheets);
  return (await auditWorkbook(file, { today: 2026 })).findings;
}

const line = (f: Awaited<ReturnType<typeof audit>>[number]) =>
  [f.cell, f.written, f.parameter, f.year, f.yearSource, f.status].join(" | ");

describe("a model comparing 2026 and 2027: each column checked against its own year", () => {
  test("whole percentages under a (%) label, the stale amounts called stale, 2027 where unknown said so", async () => {
    const found = await audit("prognose.xlsx", PROGNOSE);
    expect(found.map(line)).toEqual([
      // 1.225 uur (art. 3.6 lid 1, unchanged through 2027); 3.750 was the zelfstandigenaftrek of 2024
      // only: 2026 1.200, 2027 900 (art. 3.76 lid 2, the path fixed by the Belastingplan 2023)
      "Prognose!B6 | 1225 | urencriterium_uren | 2026 | kolomkop Prognose!B3 | actueel",
      "Prognose!B6 | 3750 | zelfstandigenaftrek | 2026 | kolomkop Prognose!B3 | verouderd",
      "Prognose!C6 | 1225 | urencriterium_uren | 2027 | kolomkop Prognose!C3 | actueel",
      "Prognose!C6 | 3750 | zelfstandigenaftrek | 2027 | kolomkop Prognose!C3 | verouderd",
      // 14% was the MKB-winstvrijstelling of 2022 and 2023; 12,7% in 2026 and 2027 (art. 3.79a)
      "Prognose!B8 | 14 | mkb_winstvrijstelling_percentage | 2026 | kolomkop Prognose!B3 | verouderd",
      "Prognose!C8 | 14 | mkb_winstvrijstelling_percentage | 2027 | kolomkop Prognose!C3 | verouderd",
      // 2026, art. 2.10 lid 1 Wet IB 2001 and art. 11 Wfsv: 8,10 + 17,90 + 0,10 + 9,65 = 35,75%;
      // 37,56% and 49,50%; the bands end at 38.883 and 78.426. The box 1 table of 2027 is not law yet.
      "Prognose!B11 | 35.75 | box1_tarief_schijf1_met_premie | 2026 | kolomkop Prognose!B3 | actueel",
      "Prognose!C11 | 35.75 | box1_tarief_schijf1_met_premie | 2027 | kolomkop Prognose!C3 | nog-niet-bekend",
      "Prognose!B12 | 37.56 | box1_tarief_schijf2 | 2026 | kolomkop Prognose!B3 | actueel",
      "Prognose!C12 | 37.56 | box1_tarief_schijf2 | 2027 | kolomkop Prognose!C3 | nog-niet-bekend",
      "Prognose!B13 | 49.5 | box1_tarief_schijf3 | 2026 | kolomkop Prognose!B3 | actueel",
      "Prognose!C13 | 49.5 | box1_tarief_schijf3 | 2027 | kolomkop Prognose!C3 | nog-niet-bekend",
      "Prognose!B14 | 38883 | box1_schijf1_einde | 2026 | kolomkop Prognose!B3 | actueel",
      "Prognose!C14 | 38883 | box1_schijf1_einde | 2027 | kolomkop Prognose!C3 | nog-niet-bekend",
      "Prognose!B15 | 78426 | box1_schijf2_einde | 2026 | kolomkop Prognose!B3 | actueel",
      "Prognose!C15 | 78426 | box1_schijf2_einde | 2027 | kolomkop Prognose!C3 | nog-niet-bekend",
      // Zvw 2026 (Regeling zorgverzekering): 4,85% up to 79.409; 2027 not yet set
      "Prognose!B17 | 79409 | zvw_maximum_bijdrage_inkomen | 2026 | kolomkop Prognose!B3 | actueel",
      "Prognose!B17 | 4.85/100 | zvw_percentage | 2026 | kolomkop Prognose!B3 | actueel",
      "Prognose!C17 | 79409 | zvw_maximum_bijdrage_inkomen | 2027 | kolomkop Prognose!C3 | nog-niet-bekend",
      "Prognose!C17 | 4.85/100 | zvw_percentage | 2027 | kolomkop Prognose!C3 | nog-niet-bekend",
    ]);
    const byCell = (cell: string) => found.find((f) => f.cell === cell)!;
    // the official value of the year checked, and a suggestion that follows its column's header
    expect([found[1].official, found[3].official]).toEqual([1200, 900]);
    expect(byCell("Prognose!B8")).toMatchObject({ value: 0.14, wholePercent: true, official: 0.127, stale: true });
    expect(byCell("Prognose!C11")).toMatchObject({ stale: null, official: null });
    expect(byCell("Prognose!B6").suggestion).toBe(
      '=IF(NL.URENCRITERIUM(B5),NL.PARAMETER(B$3,"zelfstandigenaftrek"),0)',
    );
    // a whole percentage stays one: times 100, so that the formulas dividing it by 100 still work
    expect(byCell("Prognose!B11").suggestion).toBe('=NL.PARAMETER(B$3,"box1_tarief_schijf1_met_premie")*100');
    expect(byCell("Prognose!B17").suggestion).toBe(
      '=MIN(B10,NL.PARAMETER(B$3,"zvw_maximum_bijdrage_inkomen"))*NL.PARAMETER(B$3,"zvw_percentage")',
    );
  });
});

describe("where the year comes from", () => {
  test('a header row labelled "Jaar" (Jaar | 2026 | 2027) is two column headers, not one year', async () => {
    const found = await audit("jaar-rij.xlsx", { ...PROGNOSE, cells: { ...PROGNOSE.cells, A3: "Jaar" } });
    expect(
      found.filter((f) => f.parameter === "zelfstandigenaftrek").map((f) => [f.cell, f.year, f.yearSource]),
    ).toEqual([
      ["Prognose!B6", 2026, "kolomkop Prognose!B3"],
      ["Prognose!C6", 2027, "kolomkop Prognose!C3"],
    ]);
  });

  test("the sheet's title, the sheet's name, the file's name; a Jaar cell before all but the column", async () => {
    const zelfstandig = (uren: string) => ({ f: `IF(${uren}>=1225,2470,0)`, v: 2470 });
    const found = await audit(
      "werkblad-2026.xlsx",
      // a title alone in the first row: 2025
      {
        name: "Aangifte",
        cells: { A1: "Aangifte inkomstenbelasting 2025", A3: "Uren", B3: 1400, A4: "Aftrek", B4: zelfstandig("B3") },
      },
      // no title, a year in the sheet's name: 2024
      { name: "IB 2024", cells: { A1: "Uren", B1: 1400, A2: "Aftrek", B2: zelfstandig("B1") } },
      // nothing on the sheet: the file's name (2026)
      { name: "Blad3", cells: { A1: "Uren", B1: 1400, A2: "Aftrek", B2: zelfstandig("B1") } },
    );
    const withYearCell = await audit(
      "klant-2026.xlsx",
      // a Belastingjaar cell beats the sheet's name and the file's name, also on the other sheets
      {
        name: "Klant 2023",
        cells: { A1: "Belastingjaar", B1: 2025, A2: "Uren", B2: 1400, A3: "Aftrek", B3: zelfstandig("B2") },
      },
      { name: "Blad2", cells: { A1: "Uren", B1: 1400, A2: "Aftrek", B2: zelfstandig("B1") } },
    );
    // 2.470 is the zelfstandigenaftrek of 2025 only (art. 3.76 lid 2)
    expect([...found, ...withYearCell].filter((f) => f.parameter === "zelfstandigenaftrek").map(line)).toEqual([
      'Aangifte!B4 | 2470 | zelfstandigenaftrek | 2025 | titel Aangifte!A1 ("Aangifte inkomstenbelasting 2025") | actueel',
      "'IB 2024'!B2 | 2470 | zelfstandigenaftrek | 2024 | bladnaam 'IB 2024' | verouderd",
      "Blad3!B2 | 2470 | zelfstandigenaftrek | 2026 | bestandsnaam werkblad-2026.xlsx | verouderd",
      "'Klant 2023'!B3 | 2470 | zelfstandigenaftrek | 2025 | jaarcel 'Klant 2023'!B1 | actueel",
      "Blad2!B2 | 2470 | zelfstandigenaftrek | 2025 | jaarcel 'Klant 2023'!B1 | actueel",
    ]);
    // a suggestion refers to the year cell (on its own sheet or another); a year named only in text is written out
    expect(withYearCell.filter((f) => f.parameter === "zelfstandigenaftrek").map((f) => f.suggestion)).toEqual([
      '=IF(NL.URENCRITERIUM(B2),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)',
      "=IF(NL.URENCRITERIUM(B1),NL.PARAMETER('Klant 2023'!$B$1,\"zelfstandigenaftrek\"),0)",
    ]);
    expect(found.find((f) => f.cell === "Aangifte!B4")!.suggestion).toBe(
      '=IF(NL.URENCRITERIUM(B3),NL.PARAMETER(2025,"zelfstandigenaftrek"),0)',
    );
  });

  test("a title with two years, dates in a title and a lone number 2026 say nothing", async () => {
    const found = await audit(
      "klant.xlsx",
      {
        name: "Blad1",
        cells: {
          A1: "Prognose 2026-2027",
          A3: "Uren",
          B3: 1400,
          A4: "Aftrek",
          B4: { f: "IF(B3>=1225,2470,0)", v: 2470 },
        },
      },
      {
        name: "Blad2",
        cells: {
          A1: "Bijgewerkt op 31-12-2025",
          A2: "Omzet",
          B2: 2026, // an amount that happens to look like a year: no column header
          A3: "Uren",
          B3: 1400,
          A4: "Aftrek",
          B4: { f: "IF(B3>=1225,2470,0)", v: 2470 },
        },
      },
    );
    expect(found.filter((f) => f.parameter === "zelfstandigenaftrek").map((f) => [f.cell, f.year, f.status])).toEqual([
      ["Blad1!B4", null, "geen-jaar"],
      ["Blad2!B4", null, "geen-jaar"],
    ]);
  });
});

describe("whole percentages: the label, the number format, or every reader dividing by 100", () => {
  test("each evidence on its own; without it, or read without dividing, the number is no percentage", async () => {
    const found = await audit("tarieven.xlsx", {
      name: "Tarieven",
      cells: {
        A1: "Tarieven inkomstenbelasting 2025",
        D2: "Tarief (%)", // the column says percent
        A3: "Tarief eerste schijf",
        B3: 35.82, // no % anywhere, but every formula reading it divides it by 100
        A4: "Tarief eerste schijf",
        D4: 35.82,
        A5: "Tarief eerste schijf",
        B5: { v: 35.82, fmt: '0.00" %"' }, // a % shown as text after the number
        A6: "Tarief eerste schijf",
        B6: 35.82, // read as it is: no percentage
        A7: "Tarief eerste schijf",
        B7: 35.82, // read by nothing and said by nothing: no percentage
        A8: "Winst",
        B8: 50000,
        B9: { f: "MIN(B8,38441)*B3/100", v: 13769.5 },
        B10: { f: "MIN(B8,38441)/100*B3", v: 13769.5 },
        B11: { f: "B6*2", v: 71.64 },
      },
    });
    // 2025: 8,17 + 17,90 + 0,10 + 9,65 = 35,82% (art. 2.10 lid 1 Wet IB 2001, art. 11 Wfsv); the
    // first band ends at 38.441 (art. 2.10 lid 1)
    expect(found.map((f) => [f.cell, f.written, f.parameter, f.status])).toEqual([
      ["Tarieven!B3", "35.82", "box1_tarief_schijf1_met_premie", "actueel"],
      ["Tarieven!D4", "35.82", "box1_tarief_schijf1_met_premie", "actueel"],
      ["Tarieven!B5", "35.82", "box1_tarief_schijf1_met_premie", "actueel"],
      ["Tarieven!B9", "38441", "box1_schijf1_einde", "actueel"],
      ["Tarieven!B10", "38441", "box1_schijf1_einde", "actueel"],
    ]);
    expect(found.slice(0, 3).map((f) => f.reason)).toEqual([
      "een percentage als heel getal (elke formule die de cel leest deelt haar door 100) met een label dat de regel noemt",
      "een percentage als heel getal (de kolomkop noemt procenten) met een label dat de regel noemt",
      "een percentage als heel getal (de getalnotatie toont een %) met een label dat de regel noemt",
    ]);
  });

  test("inside formulas: x*35,75/100, x/100*37,56, x*(49,5/100)", async () => {
    const found = await audit("formules.xlsx", {
      name: "IB 2026",
      cells: {
        A1: "Inkomen",
        B1: 100000,
        B2: { f: "MIN(B1,38883)*35.75/100", v: 13900.6725 },
        B3: { f: "(MIN(B1,78426)-38883)/100*37.56", v: 14852.3508 },
        B4: { f: "(B1-78426)*(49.5/100)", v: 10679.13 },
      },
    });
    // 2026, art. 2.10 lid 1: 35,75% to 38.883, 37,56% to 78.426, 49,50% above
    expect(found.map((f) => [f.cell, f.written, f.parameter, f.status])).toEqual([
      ["'IB 2026'!B2", "38883", "box1_schijf1_einde", "actueel"],
      ["'IB 2026'!B2", "35.75/100", "box1_tarief_schijf1_met_premie", "actueel"],
      ["'IB 2026'!B3", "78426", "box1_schijf2_einde", "actueel"],
      ["'IB 2026'!B3", "38883", "box1_schijf1_einde", "actueel"],
      ["'IB 2026'!B3", "37.56/100", "box1_tarief_schijf2", "actueel"],
      ["'IB 2026'!B4", "78426", "box1_schijf2_einde", "actueel"],
      ["'IB 2026'!B4", "49.5/100", "box1_tarief_schijf3", "actueel"],
    ]);
    expect(found[4].suggestion).toBe(
      '=(MIN(B1,NL.PARAMETER(2026,"box1_schijf2_einde"))-NL.PARAMETER(2026,"box1_schijf1_einde"))*NL.PARAMETER(2026,"box1_tarief_schijf2")',
    );
  });

  test("every value of the parameters as templates write it: heffingskortingen, KOR, Zvw, KIA", async () => {
    const found = await audit("kortingen-2026.xlsx", {
      name: "Kortingen",
      cells: {
        // art. 8.10 lid 2 (2026): 3.115, afbouw 6,398% boven 29.736
        A1: "Algemene heffingskorting",
        B1: 3115,
        A2: "Afbouw algemene heffingskorting (%)",
        B2: 6.398,
        A3: "Afbouwgrens algemene heffingskorting",
        B3: 29736,
        // art. 8.11 lid 2 (2026): 8,324% tot 996; maximum 5.300
        A4: "Arbeidskorting (%)",
        B4: 8.324,
        A5: "Maximale arbeidskorting",
        B5: 5300,
        // art. 25a Wet OB 1968 (2026): KOR omzetgrens 20.000; EU-KOR 100.000
        A6: "Omzetgrens KOR",
        B6: 20000,
        // Zvw 2026: 4,85% (a round-ish number: low confidence) up to 79.409
        A7: "Zvw (%)",
        B7: 4.85,
        A8: "Maximum bijdrage-inkomen Zvw",
        B8: 79409,
        // art. 3.41 lid 2 (2026): KIA 28% from 2.900
        A9: "KIA drempel",
        B9: 2900,
      },
    });
    expect(found.map((f) => [f.cell, f.parameter, f.status])).toEqual([
      ["Kortingen!B1", "algemene_heffingskorting", "actueel"],
      ["Kortingen!B2", "algemene_heffingskorting_afbouw_percentage", "actueel"],
      ["Kortingen!B3", "algemene_heffingskorting_afbouw_grens", "actueel"],
      ["Kortingen!B4", "arbeidskorting_percentage_1", "actueel"],
      ["Kortingen!B5", "arbeidskorting_maximum_2", "actueel"],
      ["Kortingen!B6", "kor_omzetgrens", "actueel"],
      ["Kortingen!B7", "zvw_percentage", "actueel"],
      ["Kortingen!B8", "zvw_maximum_bijdrage_inkomen", "actueel"],
      ["Kortingen!B9", "kia_ondergrens", "actueel"],
    ]);
  });
});

describe("ordinary budgets give no finding", () => {
  test("percentages under a % label, year columns, rent and VAT: nothing a tax rule wrote", async () => {
    const found = await audit(
      "begroting-2026.xlsx",
      {
        name: "Begroting",
        cells: {
          A1: "Begroting 2026 en 2027",
          A3: "Post",
          B3: 2026,
          C3: 2027,
          A4: "Omzet",
          B4: 250000,
          C4: 262500,
          A5: "Groei (%)",
          C5: 5,
          A6: "Marge (%)",
          B6: 35.75, // a margin, read as a percentage, but no label names a tax rule
          C6: 37.56,
          A7: "Brutowinst",
          B7: { f: "B4*B6/100", v: 89375 },
          C7: { f: "C4*C6/100", v: 98595 },
          A8: "Huur per maand",
          B8: 1200,
          C8: 1250,
          A9: "Btw (%)",
          B9: 21,
          C9: 21,
          A10: "Btw op huur",
          B10: { f: "B8*12*B9/100", v: 3024 },
          C10: { f: "C8*12*C9/100", v: 3150 },
          A11: "Korting leverancier (%)",
          B11: 14,
          C11: 12.7,
          A12: "Inkoop na korting",
          B12: { f: "100000*(1-B11/100)", v: 86000 },
          C12: { f: "100000*(1-C11/100)", v: 87300 },
          A13: "Rente lening (%)",
          B13: { v: 4.85, fmt: '0.00" %"' },
          A14: "Pensioenpremie (%)",
          B14: 9.65,
          A15: "Totaal kosten",
          B15: { f: "SUM(B8:B14)", v: 1297.2 },
          A16: "Afschrijving (jaren)",
          B16: 5,
        },
      },
      {
        name: "Personeel",
        cells: {
          A1: "Jaar",
          B1: 2026,
          A2: "Uurloon",
          B2: 37.56,
          A3: "Uren per jaar",
          B3: 1225, // the hours of a contract, not a test on them
          A4: "Loonkosten",
          B4: { f: "B2*B3", v: 46011 },
          A5: "Opslag (%)",
          B5: 28,
          A6: "Kostprijs",
          B6: { f: "B4*(1+B5/100)", v: 58894.08 },
        },
      },
    );
    expect(found).toEqual([]);
  });
});
