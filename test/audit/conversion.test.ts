/**
 * The plan of a conversion (which cells, by what) and its report (why a value changed), shared by
 * `controleer --vervang` and the task pane. Findings come from the audit itself, on sheets as the
 * Excel API reads them; the values are what the old and new formulas give by the law.
 */
import { parseSelection, planConversion } from "../../src/audit/conversion";
import { buildReport, CellValues, sameToTheCent } from "../../src/audit/conversionReport";
import { sheetFromGrid } from "../../src/audit/grid";
import { reportMarkdown } from "../../src/audit/reportText";
import { auditSheets } from "../../src/audit/scan";
import { findParameter } from "../../src/rules/parameters";

const isParameter = (name: string) => findParameter(name) !== undefined;

/** A two-year sheet: 2026 in B1, 2027 in C1; hours in row 2; formulas in row 3 and 4. */
function findings() {
  const formulas = [
    ["Jaar", 2026, 2027],
    ["Uren", 1400, 1400],
    ["Zelfstandigenaftrek", "=IF(B2>=1225,MIN(B5,1200),0)", "=IF(C2>=1225,MIN(C5,1200),0)"],
    ["Zvw", "=B5*4.85/100", "=C5*4.85/100"],
    ["Winst", -5000, 20000],
  ];
  const values = formulas.map((r) => r.map((v) => (typeof v === "string" && v.startsWith("=") ? 0 : v)));
  return auditSheets([sheetFromGrid("Blad1", 0, 0, formulas, values)], { today: 2026 });
}

describe("--alleen: a selection as typed", () => {
  test("cells, ranges, quoted sheet names (with a comma), absolute references and parameters", () => {
    const parsed = parseSelection("Aangifte!B4, C2:C40;'Mijn, blad'!$D$7 ;zvw_percentage", isParameter);
    expect(parsed).toEqual({
      items: [
        { kind: "cells", text: "Aangifte!B4", sheet: "Aangifte", r1: 4, c1: 2, r2: 4, c2: 2 },
        { kind: "cells", text: "C2:C40", sheet: null, r1: 2, c1: 3, r2: 40, c2: 3 },
        { kind: "cells", text: "'Mijn, blad'!$D$7", sheet: "Mijn, blad", r1: 7, c1: 4, r2: 7, c2: 4 },
        { kind: "parameter", text: "zvw_percentage", name: "zvw_percentage" },
      ],
    });
    expect(parseSelection("B4,zelfstandig", isParameter)).toEqual({
      error: "'zelfstandig' is geen cel, bereik of parameternaam (bijvoorbeeld Aangifte!B4, C2:C40 of zvw_percentage).",
    });
  });
});

describe("the plan", () => {
  test("by default every cell, except one whose numbers the rules cannot check yet (2027's Zvw)", () => {
    const plan = planConversion(findings(), null);
    // the zelfstandigenaftrek is known for 2027 (900, art. 3.76 lid 2); the Zvw of 2027 is not
    expect(plan.cells.map((c) => c.cell)).toEqual(["Blad1!B3", "Blad1!C3", "Blad1!B4"]);
    expect(plan.skipped.map((s) => [s.cell, s.reason])).toEqual([
      [
        "Blad1!C4",
        "nog niet te controleren: de regels kennen zvw_percentage voor 2027 nog niet (kolomkop Blad1!C1); de NL-formule zou #N/B geven. Kies de cel uitdrukkelijk om haar toch te vervangen.",
      ],
    ]);
    expect(plan.cells[0]).toMatchObject({
      before: "=IF(B2>=1225,MIN(B5,1200),0)",
      after: "=NL.ZELFSTANDIGENAFTREK(B$1,NL.URENCRITERIUM(B2),B5)",
      file: "_xldudf_NL_ZELFSTANDIGENAFTREK(B$1,_xldudf_NL_URENCRITERIUM(B2),B5)",
    });
  });

  test("a parameter names its cells but does not force an unknown year; a cell named does; what names nothing is listed", () => {
    const select = (text: string) => {
      const parsed = parseSelection(text, isParameter);
      if ("error" in parsed) throw new Error(parsed.error);
      return planConversion(findings(), parsed.items);
    };
    const byParameter = select("zvw_percentage");
    expect(byParameter.cells.map((c) => c.cell)).toEqual(["Blad1!B4"]);
    expect(byParameter.skipped.map((s) => s.cell)).toEqual(["Blad1!C4"]);
    const byCell = select("C4,Z1");
    expect(byCell.cells.map((c) => c.cell)).toEqual(["Blad1!C4"]);
    expect(byCell.unmatched).toEqual(["Z1"]);
  });
});

describe("the report: why a value changed", () => {
  const selected = parseSelection("B3:C4", isParameter);
  const plan = planConversion(findings(), "items" in selected ? selected.items : null);
  const values: Record<string, CellValues> = {
    // a loss of 5.000: MIN(winst; 1.200) gave -5.000, NL.ZELFSTANDIGENAFTREK gives 0 (art. 3.76 lid 5)
    "Blad1!B3": { before: -5000, after: 0 },
    // 2027: 1.200 was 2026's amount; 900 in 2027 (art. 3.76 lid 2)
    "Blad1!C3": { before: 1200, after: 900 },
    // -5.000 x 4,85% both times
    "Blad1!B4": { before: -242.5, after: -242.5 },
    // the Zvw of 2027 is not known: #N/A
    "Blad1!C4": { before: 970, after: { error: "#N/A", message: "Geen gegevens voor jaar 2027" } },
  };
  const report = buildReport({ file: "klant.xlsx", output: "uit.xlsx", plan, values: (c) => values[c.cell] });

  test("each cell's outcome and reason", () => {
    expect(report.rows.map((r) => [r.cell, r.outcome, r.reason])).toEqual([
      [
        "Blad1!B3",
        "afwijking",
        "verschilt, hoewel de getallen actueel zijn voor 2026 (kolomkop Blad1!B1): bij verlies geeft NL.ZELFSTANDIGENAFTREK 0, waar MIN(winst; bedrag) een negatieve aftrek gaf (art. 3.76 lid 5 Wet IB 2001); controleer deze cel",
      ],
      [
        "Blad1!C3",
        "verouderd",
        "verouderd voor 2027 (kolomkop Blad1!C1): 1.200 = zelfstandigenaftrek van 2026; in 2027 900",
      ],
      ["Blad1!B4", "gelijk", "gelijk; de getallen zijn actueel voor 2026 (kolomkop Blad1!B1)"],
      [
        "Blad1!C4",
        "fout",
        "de NL-formule geeft #N/B: de regels kennen zvw_percentage voor 2027 (kolomkop Blad1!C1) nog niet",
      ],
    ]);
    expect(report.counts).toMatchObject({ replaced: 4, equal: 1, stale: 1, unexplained: 1, errors: 1 });
  });

  test("a cell reading one that changed follows from it; one not computed here says so", () => {
    const follow = buildReport({
      file: "klant.xlsx",
      output: null,
      plan,
      values: (c) =>
        c.cell === "Blad1!B4"
          ? { before: -242.5, after: 0, notComputed: "leest een externe koppeling" }
          : c.cell === "Blad1!C4"
            ? { before: 970, after: 1000 }
            : { before: 1200, after: 1200 },
      dependents: [{ cell: "Blad1!C5", before: 20000, after: 20619, formula: "=C3+19719" }],
    });
    expect(follow.rows.map((r) => r.outcome)).toEqual(["gelijk", "gelijk", "niet-berekend", "gevolg"]);
    expect(follow.rows[1].reason).toBe(
      "gelijk bij deze invoer, al was het getal verouderd voor 2027 (kolomkop Blad1!C1): 1.200 = zelfstandigenaftrek van 2026; in 2027 900",
    );
    expect(follow.rows[2].reason).toBe(
      "niet zonder Excel te berekenen (leest een externe koppeling); Excel rekent de cel uit bij het openen",
    );
    expect(follow.rows[3].reason).toMatch(/^volgt uit Blad1!C5, die een andere waarde kreeg/);
  });

  test("values the same to the cent: rounded half up, as an amount is", () => {
    expect(sameToTheCent(156.78912, 156.79)).toBe(true); // 1.234,56 x 12,7% and NL.MKBVRIJ's cents
    expect(sameToTheCent(4.8500000000000005, 4.85)).toBe(true);
    expect(sameToTheCent(10.004, 10.006)).toBe(false); // 10,00 and 10,01
    expect(sameToTheCent({ error: "#N/A" }, { error: "#N/A" })).toBe(true);
    expect(sameToTheCent(null, 0)).toBe(false);
  });

  test("the Markdown: a table per cell, formulas as Dutch Excel shows them", () => {
    const md = reportMarkdown(report);
    expect(md.split("\n").slice(0, 4)).toEqual([
      "# Vervangen in klant.xlsx",
      "",
      "Kopie: `uit.xlsx` (het origineel is niet gewijzigd).",
      "",
    ]);
    expect(md).toContain(
      "| Blad1 | B3 | `=ALS(B2>=1225;MIN(B5;1200);0)` | `=NL.ZELFSTANDIGENAFTREK(B$1;NL.URENCRITERIUM(B2);B5)` | -5.000 | 0 |",
    );
    expect(md).toContain("| Blad1 | C4 | `=C5*4,85/100` |");
  });
});
