/**
 * Stage 4, the outcome (src/engine/write/outcome.ts), on a planned and evaluated workbook: the
 * edits for each sheet (an array formula's whole area), which of them change a cell, the results
 * that cannot be written as Excel would (kept, with the reason), the errors with their NL message,
 * and whether Excel is asked to recalculate on opening. The file itself is written after this
 * (recalcFile.ts), and is not looked at here.
 *
 * KIA 2025 (art. 3.41 lid 1 Wet IB 2001): 28% of the investments from 2.901 to 70.602.
 */
import { outcome } from "../../../src/engine/write/outcome";
import { a1 } from "../../../src/workbook/address";
import { stages } from "../../helpers/stages";
import { f, row, TestWorkbook, v } from "../../helpers/xlsx";

const { evaluate } = stages("outcome");

/** The outcome of a workbook, with its edits as cell name and value, by sheet name. */
async function written(wb: TestWorkbook) {
  const p = await evaluate(wb);
  const result = outcome(p.plan, p.evaluated);
  const edits = Object.fromEntries(
    [...result.edits].map(([sheet, list]) => [
      p.pkg.sheets[sheet].name,
      Object.fromEntries(list.map((edit) => [a1(edit.cell.row, edit.cell.col), edit.value])),
    ]),
  );
  return { ...result, edits };
}

test("edits by sheet: only the sheets with a recalculated cell, only those cells", async () => {
  // Blad1!B1: 28% x 2.901 = 812,28; Blad2!A1: twice that, 1.624,56; Blad3 holds only what they read.
  const out = await written({
    sheets: [
      { name: "Blad1", data: row(1, f("A1", "Blad3!A1+1"), f("B1", "_xldudf_NL_KIA(2025,A1)"), f("C1", "A1*3")) },
      { name: "Blad2", data: row(1, f("A1", "Blad1!B1*2"), f("B1", "5*5")) },
      { name: "Blad3", data: row(1, v("A1", 2900)) },
    ],
  });
  // Blad1!A1 (2.900 + 1) has no cached result: it is computed before B1 reads it. C1 reads no NL
  // result and is not written.
  expect(out.edits).toEqual({
    Blad1: { A1: 2901, B1: 812.28 },
    Blad2: { A1: 1624.56 },
  });
  expect(out.recalculated).toBe(3);
  expect(out.formulas).toBe(5);
  expect(out.nlFormulas).toBe(1);
  expect(out.precedentsComputed).toBe(1);
});

test("an array formula's result goes into its whole area", async () => {
  // {=B1:B2*0,5}: half of each KIA: 812,28 / 2 = 406,14; 28% x 70.602 = 19.768,56, / 2 = 9.884,28.
  const out = await written({
    sheets: [
      {
        name: "Blad1",
        data:
          row(
            1,
            v("A1", 2901),
            `<c r="B1"><f>_xldudf_NL_KIA(2025,A1)</f><v>812.28</v></c>`,
            `<c r="C1"><f t="array" ref="C1:C2">B1:B2*0.5</f><v>0</v></c>`,
          ) + row(2, v("A2", 70602), `<c r="B2"><f>_xldudf_NL_KIA(2025,A2)</f><v>19768.56</v></c>`, v("C2", 0)),
      },
    ],
  });
  expect(out.edits).toEqual({ Blad1: { B1: 812.28, B2: 19768.56, C1: 406.14, C2: 9884.28 } });
  // Three formulas, four cells written, of which two change (B1 and B2 held their values already).
  expect(out.recalculated).toBe(3);
  expect(out.changedCells).toBe(2);
  expect(out.fullCalcOnLoad).toBe(false);
});

test("an array formula's smaller result is spread over its area as Excel does, in both evaluators", async () => {
  // B1 = 28% x 2.901 = 812,28. {=B1*2} in C1:D2 is one value: every cell 1.624,56. {=B1:B1*{1,2}} in
  // E1:F2 is one row (812,28 | 1.624,56): each row of the area gets it. {=N(B1)*{1;2;3}} in G1:G2
  // (HyperFormula: N) is a column of three: the two cells of the area get its first two values.
  // {=B1*{1,2}} in H1:J1 is one row of two in three columns: #N/A in J1.
  const array = (ref: string, area: string, formula: string) =>
    `<c r="${ref}"><f t="array" ref="${area}">${formula}</f><v>0</v></c>`;
  const out = await written({
    sheets: [
      {
        name: "Blad1",
        data:
          row(
            1,
            v("A1", 2901),
            f("B1", "_xldudf_NL_KIA(2025,A1)"),
            array("C1", "C1:D2", "B1*2"),
            v("D1", 0),
            array("E1", "E1:F2", "B1:B1*{1,2}"),
            v("F1", 0),
            array("G1", "G1:G2", "N(B1)*{1;2;3}"),
            array("H1", "H1:J1", "B1*{1,2}"),
            v("I1", 0),
            v("J1", 0),
          ) + row(2, v("C2", 0), v("D2", 0), v("E2", 0), v("F2", 0), v("G2", 0)),
      },
    ],
  });
  expect(out.edits.Blad1).toEqual({
    B1: 812.28,
    C1: 1624.56,
    D1: 1624.56,
    C2: 1624.56,
    D2: 1624.56,
    E1: 812.28,
    F1: 1624.56,
    E2: 812.28,
    F2: 1624.56,
    G1: 812.28,
    G2: 1624.56,
    H1: 812.28,
    I1: 1624.56,
    J1: expect.objectContaining({ error: "#N/A" }),
  });
});

test("changed cells: not those that hold the value already (an error with the same code included)", async () => {
  const out = await written({
    sheets: [
      {
        name: "Blad1",
        data: row(
          1,
          `<c r="A1"><f>_xldudf_NL_KIA(2025,2901)</f><v>812.28</v></c>`,
          `<c r="B1"><f>_xldudf_NL_KIA(2025,70602)</f><v>19769</v></c>`,
          `<c r="C1" t="e"><f>_xldudf_NL_KIA(2027,10000)</f><v>#N/A</v></c>`,
          `<c r="D1" t="str"><f>IF(A1&gt;0,"ja","nee")</f><v>ja</v></c>`,
          `<c r="E1"><f>_xldudf_NL_URENCRITERIUM(1225)</f><v>1</v></c>`,
        ),
      },
    ],
  });
  // A1 812,28 (28% x 2.901), held; B1 19.768,56 (28% x 70.602), not 19.769; C1 #N/A, held; D1
  // "ja", held; E1 WAAR (1.225 hours), where the file held the number 1.
  expect(out.recalculated).toBe(5);
  expect(out.changedCells).toBe(2);
  expect(out.edits.Blad1).toEqual({
    A1: 812.28,
    B1: 19768.56,
    C1: expect.objectContaining({ error: "#N/A" }),
    D1: "ja",
    E1: true,
  });
});

test("an empty result is written as 0, as Excel shows a reference to an empty cell", async () => {
  const out = await written({
    sheets: [{ name: "Blad1", data: row(1, f("A1", "_xldudf_NL_KIA(2025,2901)"), f("B1", "IF(A1>0,Z99,1)")) }],
  });
  expect(out.edits.Blad1).toEqual({ A1: 812.28, B1: 0 });
});

test("errors are listed with the NL message; an error Excel has no code for is kept, not written", async () => {
  const out = await written({
    sheets: [
      {
        name: "Blad1",
        data:
          row(
            1,
            f("A1", "_xldudf_NL_KIA(2027,10000)"),
            f("B1", "_xldudf_NL_KIA(2025,-5)"),
            f("C1", "_xldudf_NL_KIA(2025,10000)"),
            `<c r="D1"><f>C1+D2</f><v>1</v></c>`,
            f("E1", "IFERROR(D1,0)"),
          ) +
          // A #SPILL! Excel stored in a cell: read, but no code a file may hold for a result.
          row(2, `<c r="D2" t="e"><v>#SPILL!</v></c>`),
      },
    ],
  });
  expect([...out.errors].sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([
    {
      cell: "Blad1!A1",
      code: "#N/A",
      message: "Kleinschaligheidsinvesteringsaftrek: geen gegevens voor jaar 2027. Beschikbare jaren: 2022–2026.",
    },
    { cell: "Blad1!B1", code: "#VALUE!", message: "Argument 'investeringen' mag niet negatief zijn (gekregen: -5)." },
  ]);
  expect(out.notRecalculated).toEqual([{ cell: "Blad1!D1", reason: "uitkomst #SPILL! is geen Excel-foutwaarde" }]);
  // C1: 28% x 10.000; D1 keeps its cached 1; E1, which reads the #SPILL!, is 0 as in Excel.
  expect(out.edits.Blad1).toEqual({
    A1: expect.objectContaining({ error: "#N/A" }),
    B1: expect.objectContaining({ error: "#VALUE!" }),
    C1: 2800,
    E1: 0,
  });
  expect(out.nlNotRecalculated).toBe(0);
  expect(out.fullCalcOnLoad).toBe(true);
});

describe("the report of the cells that keep their value, and Excel asked to recalculate on opening", () => {
  test("everything recalculated in a workbook Excel wrote: not asked", async () => {
    const out = await written({
      sheets: [{ name: "Blad1", data: row(1, f("A1", "_xldudf_NL_KIA(2025,2901)"), f("B1", "A1*2")) }],
    });
    expect(out.notRecalculated).toEqual([]);
    expect(out.cachesNotExcel).toBeNull();
    expect(out.fullCalcOnLoad).toBe(false);
  });

  test("a kept cell: listed with its reason; NL formulas among them counted, unreadable ones too", async () => {
    const out = await written({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            f("A1", "_xldudf_NL_KIA(2025,2901)"),
            f("B1", "_xll.ONBEKEND(A1)"),
            f("C1", "_xldudf_NL_MKBVRIJ(2025,B1)"),
            f("D1", "_xldudf_NL_KIA(2025,,("),
          ),
        },
      ],
    });
    expect([...out.notRecalculated].sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([
      { cell: "Blad1!B1", reason: "functie _XLL.ONBEKEND kan zonder Excel niet worden berekend" },
      { cell: "Blad1!C1", reason: "hangt af van een cel die niet herberekend kan worden" },
      { cell: "Blad1!D1", reason: expect.stringMatching(/^onleesbare formule \(/) },
    ]);
    expect(out.nlFormulas).toBe(3);
    expect(out.nlNotRecalculated).toBe(2); // C1, and D1 whose text calls NL.KIA
    expect(out.recalculated).toBe(1);
    expect(out.edits).toEqual({ Blad1: { A1: 812.28 } });
    expect(out.fullCalcOnLoad).toBe(true);
  });

  test("a precedent computed for want of Excel's cached value: Excel confirms it on opening", async () => {
    const out = await written({
      application: "SheetJS",
      sheets: [
        { name: "Blad1", data: row(1, `<c r="A1"><f>2000+901</f><v>2901</v></c>`, f("B1", "_xldudf_NL_KIA(2025,A1)")) },
      ],
    });
    expect(out.cachesNotExcel).toMatch(/^geschreven door SheetJS/);
    expect(out.precedentsComputed).toBe(1);
    expect(out.notRecalculated).toEqual([]);
    expect(out.changedCells).toBe(1); // A1 held 2.901 already; B1 812,28 is new
    expect(out.fullCalcOnLoad).toBe(true);
  });

  test("a formula outside the recalculated cells reads cells only Excel knows (INDIRECT): asked", async () => {
    const out = await written({
      sheets: [
        { name: "Blad1", data: row(1, f("A1", "_xldudf_NL_KIA(2025,2901)"), v("B1", 1), f("C1", 'INDIRECT("A"&B1)')) },
      ],
    });
    expect(out.notRecalculated).toEqual([]);
    expect(out.fullCalcOnLoad).toBe(true);
  });
});
