/**
 * Excel's functions that the engine evaluates itself (src/engine/excel/excelFunctions.ts): one table that
 * both evaluators run, the direct evaluator and HyperFormula through the plugin built from it. Each
 * function first with the examples of Excel's help (Microsoft) and of ECMA-376 Part 1, §18.17.7 (the
 * function's own section), in both evaluators: the formula evaluated directly, and inside
 * CHOOSE(1; …), which only HyperFormula evaluates. LibreOffice, the peer on this machine, gives the
 * same for each of them unless a comment says otherwise (`npm run peer` holds them). Then which
 * calls the direct evaluator takes, references and ranges in a recalculated file, and what only
 * Excel can decide.
 */
import fc from "fast-check";
import { isDirect } from "../../../src/engine/evaluate/direct";
import { evaluateFormula, FormulaInputError, formatValue } from "../../../src/engine/evalFormula";
import { EXCEL_FUNCTIONS } from "../../../src/engine/excel/excelFunctions";
import { engineFunctions } from "../../../src/engine/hyperformula/hyperformula";
import { recalcOneSheet } from "../../helpers/recalc";
import { parseFormula } from "../../../src/workbook/formula/parse";
import { f, row, s, v } from "../../helpers/xlsx";

const evalText = (formula: string): string => formatValue(evaluateFormula(formula));

/** Whether the direct evaluator takes a formula (else HyperFormula does). */
function direct(formula: string): boolean {
  return isDirect(parseFormula(formula).node);
}

/** A formula of constants gives the same in both evaluators: evaluated directly, and by HyperFormula (inside CHOOSE). */
function expectAlike(formula: string): void {
  expect(evalText(`=CHOOSE(1,${formula})`)).toBe(evalText(`=${formula}`));
}

/** A formula of constants, in both evaluators: `expected` (a number, TRUE/FALSE, text, or an error code). */
function expectBoth(formula: string, expected: string): void {
  expect(direct(formula)).toBe(true);
  for (const text of [formula, `CHOOSE(1,${formula})`]) {
    const value = evalText(`=${text}`);
    expect(expected.startsWith("#") ? value.split(" ")[0] : value).toBe(expected);
  }
}

/** One sheet recalculated by `nl-aftrek recalc`: its report and cells. */
const recalcSheet = recalcOneSheet;

async function recalculated(name: string, data: string) {
  return (await recalcSheet(name, data)).cells;
}

/**
 * Each formula in column B of a recalculated sheet (the direct evaluator's), and inside `engine`
 * (a function only HyperFormula evaluates) in column C, beside the same cells: A1 812,28 (KIA 2025
 * on 2.901: 28%), A2 a text, A3 WAAR, A4 and A5 empty, A6 =A1, A7 #N/A (KIA 2021), A8 0, A9 WAAR
 * (1.300 uren meet the urencriterium of 1.225), and `data` (rows 1 to 9, columns D and on).
 */
async function besideEngine(
  name: string,
  formulas: readonly string[],
  engine: (formula: string) => string,
  data: readonly string[] = [],
) {
  const extra = (r: number) => data.filter((cell) => new RegExp(`^<c r="[D-Z]${r}"`).test(cell));
  const cells = await recalculated(
    name,
    [
      row(1, f("A1", "_xldudf_NL_KIA(2025,2901)"), ...extra(1)),
      row(2, s("A2", "tekst"), ...extra(2)),
      row(3, '<c r="A3" t="b"><v>1</v></c>', ...extra(3)),
      row(4, ...extra(4)),
      row(5, ...extra(5)),
      row(6, f("A6", "A1"), ...extra(6)),
      row(7, f("A7", "_xldudf_NL_KIA(2021,2901)"), ...extra(7)),
      row(8, v("A8", 0), ...extra(8)),
      row(9, f("A9", "_xldudf_NL_URENCRITERIUM(1300)"), ...extra(9)),
      ...formulas.map((formula, i) => row(10 + i, f(`B${10 + i}`, formula), f(`C${10 + i}`, engine(formula)))),
    ].join(""),
  );
  return {
    direct: formulas.map((_, i) => cells.get(10 + i, 2)?.value),
    engine: formulas.map((_, i) => cells.get(10 + i, 3)?.value),
  };
}

const inChoose = (formula: string) => `CHOOSE(1,${formula})`;

describe("the table", () => {
  test("every function of the table is HyperFormula's too, by the same name", () => {
    const known = engineFunctions();
    for (const name of Object.keys(EXCEL_FUNCTIONS)) expect(known.has(name)).toBe(true);
  });
});

describe("each function as Excel's help and ECMA-376 have it, in both evaluators", () => {
  test("IF: the outcome for the test, 0 for an outcome left empty, ONWAAR without one (ECMA-376's examples)", () => {
    expectBoth('IF(10>5,"Yes","No")', "Yes");
    expectBoth('IF(10>5,"Yes")', "Yes");
    expectBoth('IF(10>5,"Yes",)', "Yes");
    expectBoth('IF(10<5,"Yes")', "FALSE");
    expectBoth('IF(10<5,"Yes",)', "0");
    expectBoth('IF(10>5,,"No")', "0");
    expectBoth("IF(10>5,,)", "0");
    expectBoth('IF(10>5,"Yes",20)', "Yes");
    expectBoth('IF(10<5,"Yes",20)', "20");
    // a number as the test: not 0 is WAAR; an empty text is no logical value (LibreOffice: #VALUE!)
    expectBoth('IF(-0.5,"ja","nee")', "ja");
    expectBoth('IF(0,"ja","nee")', "nee");
    expectBoth('IF("","ja","nee")', "#VALUE!");
  });

  test("AND, OR and NOT (ECMA-376's examples; NOT's from Excel's help)", () => {
    expectBoth("AND(TRUE)", "TRUE");
    expectBoth("AND(TRUE,FALSE)", "FALSE");
    expectBoth("AND(10>5,3=1+2,5)", "TRUE");
    expectBoth("OR(TRUE)", "TRUE");
    expectBoth("OR(FALSE,FALSE)", "FALSE");
    expectBoth("OR(10=5,3=1+2,0)", "TRUE");
    expectBoth("NOT(FALSE)", "TRUE");
    expectBoth("NOT(1+1=2)", "FALSE");
    // an array's text is passed over; with no logical value left, #VALUE! (Excel's help)
    expectBoth('AND({TRUE,"x"})', "TRUE"); // (LibreOffice #VALUE!)
    expectBoth('OR({"x","y"})', "#VALUE!");
  });

  test("AND and OR over a reference: its text and empty cells passed over (ECMA-376's examples)", async () => {
    // AND({10,5,6,7},TRUE,E6:F6) is WAAR when E6 holds WAAR and F6 10; OR({10,5,6,7},TRUE,E6:F6)
    // is WAAR when E6 holds ONWAAR and F6 0. Inside IF(A9; …) so that the cell is recalculated.
    const data = ['<c r="E6" t="b"><v>1</v></c>', v("F6", 10), '<c r="E7" t="b"><v>0</v></c>', v("F7", 0)];
    const formulas = [
      "IF(A9,AND({10,5,6,7},TRUE,E6:F6))",
      "IF(A9,OR({10,5,6,7},TRUE,E7:F7))",
      "IF(A9,AND(E7:F7))", // ONWAAR and 0: ONWAAR
      "IF(A9,OR(D1:D5))", // nothing in D1:D5: no logical value, #VALUE!
    ];
    const { direct, engine } = await besideEngine("EcmaEnOf", formulas, inChoose, data);
    expect(direct).toEqual([true, true, false, { error: "#VALUE!" }]);
    expect(engine).toEqual(direct);
  });

  test("SUM: a value given as an argument counts as arithmetic takes it (Excel's help)", () => {
    expectBoth("SUM(3,2)", "5");
    // "5" is read as a number and WAAR as 1: 5 + 15 + 1 = 21 (LibreOffice, set to refuse text, #VALUE!)
    expectBoth('SUM("5",15,TRUE)', "21");
    expectBoth('SUM(1,"tekst")', "#VALUE!");
    expectBoth("SUM({1,2,TRUE})", "3"); // in an array only the numbers count (LibreOffice counts WAAR: 4)
  });

  test("SUM, MAX and MIN over references: only the numbers count (Excel's help)", async () => {
    // Excel's help: A5 holds the text "5" and A6 WAAR: SUM(A5;A6;2) is 2, the cells are passed
    // over. MAX and MIN of 10, 7, 9, 27, 2: 27 and 2; with 30 or 0 beside them: 30 and 0.
    const data = [s("D1", "5"), '<c r="D2" t="b"><v>1</v></c>', v("E1", 10), v("E2", 7), v("E3", 9), v("E4", 27)];
    const formulas = [
      "IF(A9,SUM(D1,D2,2))",
      "IF(A9,MAX(E1:E5))",
      "IF(A9,MAX(E1:E5,30))",
      "IF(A9,MIN(E1:E4,2))",
      "IF(A9,MIN(E1:E5,0))",
      "IF(A9,MAX(D1:D2))", // no number: 0
      "IF(A9,SUM(E1:E4,E1,{1,2}))", // 53 + 10 + 3 = 66
    ];
    const { direct, engine } = await besideEngine("Som", formulas, inChoose, data);
    expect(direct).toEqual([2, 27, 30, 2, 0, 0, 66]);
    expect(engine).toEqual(direct);
  });

  test("MAX, MIN and ABS of values (Excel's help)", () => {
    expectBoth("MAX(10,7,9,27,2)", "27");
    expectBoth("MAX(10,7,9,27,2,30)", "30");
    expectBoth("MIN(10,7,9,27,2)", "2");
    expectBoth("MIN(10,7,9,27,2,0)", "0");
    expectBoth('MAX(-1,"5")', "5"); // a number in text, given: 5 (LibreOffice, set to refuse text, #VALUE!)
    expectBoth("MAX({-1,-2})", "-1");
    expectBoth("ABS(2)", "2");
    expectBoth("ABS(-2)", "2");
    expectBoth("ABS(-4)", "4");
    expectBoth('ABS("-3")', "3");
  });

  test("IFERROR: the value, or the second argument for an error (Excel's help)", async () => {
    // Excel's help: quota 210 / units 35 is 6; 55 / 0 is "Error in calculation"; an empty quota / 23 is 0
    const data = [v("D1", 210), v("E1", 35), v("D2", 55), v("E2", 0), v("E3", 23)];
    const formulas = [
      'IF(A9,IFERROR(D1/E1,"Error in calculation"))',
      'IF(A9,IFERROR(D2/E2,"Error in calculation"))',
      'IF(A9,IFERROR(D3/E3,"Error in calculation"))',
    ];
    const { direct, engine } = await besideEngine("Quota", formulas, inChoose, data);
    expect(direct).toEqual([6, "Error in calculation", 0]);
    expect(engine).toEqual(direct);
    expectBoth('IFERROR(1/0,"fout")', "fout");
    expectBoth("IFERROR(1/0,)", "0"); // left empty: 0 (LibreOffice too)
  });

  test("IFNA: only #N/A is replaced (Excel's help)", () => {
    // NL.KIA for 2021, a year not covered, is #N/A
    expectBoth('IFNA(NL.KIA(2021,2901),"Not found")', "Not found");
    expectBoth('IFNA(1/0,"Not found")', "#DIV/0!");
    expectBoth('IFNA(NL.KIA(2025,2901),"Not found")', "812.28");
  });

  test("ROUND and its kin take Excel's arguments (Microsoft's examples, also in excelNumbers.test.ts)", () => {
    expectBoth("ROUND(2.15,1)", "2.2");
    expectBoth("ROUND(-1.475,2)", "-1.48");
    expectBoth("ROUNDUP(3.14159,3)", "3.142");
    expectBoth("ROUNDDOWN(-3.14159,1)", "-3.1");
    expectBoth("TRUNC(-8.9)", "-8");
    expectBoth("INT(-8.9)", "-9");
    expectBoth("FLOOR(3.7,2)", "2");
    expectBoth("CEILING(-2.5,-2)", "-4");
    expectBoth("FLOOR.MATH(-5.5,2,-1)", "-4");
    expectBoth('ROUND("tekst",1)', "#VALUE!");
  });
});

describe("what only Excel can decide, the same in both evaluators, in recalc and in eval", () => {
  // Excel reads text as a number, a date or WAAR/ONWAAR in the user's language, which a file does
  // not name: no evaluator guesses. recalc keeps Excel's value and lists the cell; eval says so.
  test("recalc keeps the cell and lists it, whichever evaluator took it; IFERROR does not hide it", async () => {
    const { report } = await recalcSheet(
      "Taal",
      row(
        1,
        s("A1", "WAAR"),
        '<c r="B1"><f>IF(A1,_xldudf_NL_KIA(2025,2901),0)</f><v>7</v></c>',
        '<c r="C1"><f>CHOOSE(1,IF(A1,_xldudf_NL_KIA(2025,2901),0))</f><v>7</v></c>',
        '<c r="D1"><f>CHOOSE(1,IFERROR(AND(&quot;WAAR&quot;,_xldudf_NL_KIA(2025,2901)),0))</f><v>7</v></c>',
        '<c r="E1"><f>CHOOSE(1,D1+1)</f><v>8</v></c>',
      ),
    );
    expect(report.notRecalculated).toEqual([
      { cell: "Taal!B1", reason: "niet zonder Excel te bepalen (tekst als voorwaarde van ALS)" },
      { cell: "Taal!C1", reason: "niet zonder Excel te bepalen (tekst als voorwaarde van ALS)" },
      { cell: "Taal!D1", reason: "niet zonder Excel te bepalen (tekst als argument van EN)" },
      { cell: "Taal!E1", reason: "hangt af van een cel die niet herberekend kan worden" },
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("eval says so, for the direct evaluator and for HyperFormula alike", () => {
    const formulas = [
      '=ALS("WAAR"; 1; 2)',
      '=KIEZEN(1; ALS("WAAR"; 1; 2))', // HyperFormula's, through the table's IF
      '="1,5"*1', // 1,5 in Dutch Excel; in English Excel #VALUE!
      '=KIEZEN(1; "1-2-2025"+0)', // HyperFormula's own + reads text as the direct evaluator does
      '=EN(WAAR; "TRUE")',
      '=JAAR("1-2-2025")', // 1 February or 2 January: the user's language says
    ];
    for (const formula of formulas) {
      expect(() => evaluateFormula(formula)).toThrow(FormulaInputError);
      expect(() => evaluateFormula(formula)).toThrow(/^De uitkomst is niet zonder Excel te bepalen \(tekst/);
    }
    // a number written plainly (digits, a decimal point, a percent sign) is read as written, in both
    expectBoth('"1.5"*2', "3");
    expectBoth('SUM("5 %",1)', "1.05");
    // an empty text is no number in any language (HyperFormula's own + read it as 0)
    expectBoth('""+1', "#VALUE!");
  });
});

describe("the same in both evaluators, by construction", () => {
  /** A cell of data: a number, text (one only Excel reads as a number), WAAR/ONWAAR, an error, or empty. */
  const cell = fc.oneof(
    fc.integer({ min: -2e6, max: 2e6 }).map((n) => ({ xml: (ref: string) => v(ref, n / 100) })),
    fc.constantFrom(0, 1).map((n) => ({ xml: (ref: string) => `<c r="${ref}" t="b"><v>${n}</v></c>` })),
    fc.constantFrom("tekst", "", "12.5", "1,5", "WAAR").map((t) => ({ xml: (ref: string) => s(ref, t) })),
    fc.constant({ xml: (ref: string) => `<c r="${ref}" t="e"><v>#N/A</v></c>` }),
    fc.constant({ xml: () => "" }),
  );
  /** Formulas of the table over row r, reading the NL result in A1 so that they are recalculated. */
  const formulas = (r: number) => [
    `MAX($A$1*B${r},C${r})`,
    `IF(B${r}>C${r},$A$1,C${r})`,
    `ROUND($A$1/B${r},2)`,
    `SUM($A$1,B${r}:C${r})`,
    `IFERROR($A$1/B${r},C${r})`,
    `AND($A$1>0,B${r}:C${r})`,
    `OR(NOT(B${r}),$A$1<0)`,
    `IFNA(MIN(B${r},$A$1),0)-ABS(C${r})`,
  ];

  test("a sheet of any values: each cell the same value, or kept with the same reason, directly and in HyperFormula", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 10, maxLength: 10 }), async (rows) => {
        // columns D to K evaluated directly, M to T the same formulas inside CHOOSE (HyperFormula's)
        const data = rows.map(([b, c], i) => {
          const r = i + 2;
          const own = formulas(r).map((text, k) => f(`${String.fromCharCode(68 + k)}${r}`, text));
          const engine = formulas(r).map((text, k) => f(`${String.fromCharCode(77 + k)}${r}`, `CHOOSE(1,${text})`));
          return row(r, b.xml(`B${r}`), c.xml(`C${r}`), ...own, ...engine);
        });
        const { report, cells } = await recalcSheet(
          "Willekeurig",
          row(1, f("A1", "_xldudf_NL_KIA(2025,2901)")) + data.join(""),
        );
        const kept = new Map(report.notRecalculated.map((note) => [note.cell, note.reason]));
        for (let r = 2; r < rows.length + 2; r++)
          for (let k = 0; k < 8; k++) {
            const own = `${String.fromCharCode(68 + k)}${r}`;
            const engine = `${String.fromCharCode(77 + k)}${r}`;
            expect([own, kept.get(`Willekeurig!${engine}`)]).toEqual([own, kept.get(`Willekeurig!${own}`)]);
            if (!kept.has(`Willekeurig!${own}`))
              expect([own, cells.get(r, 13 + k)?.value]).toEqual([own, cells.get(r, 4 + k)?.value]);
          }
      }),
      { numRuns: 8 },
    );
  });
});

describe("the operators as Excel has them, in both evaluators (excelValues.ts, hfOperators.ts)", () => {
  test("a power of 0: 0^0 is #NUM!, 0 to a negative power #DIV/0!", () => {
    // HyperFormula's own ^ gave 1 and #NUM! (and LibreOffice gives 1 and #NUM!)
    expectBoth("0^0", "#NUM!");
    expectBoth("0^-1", "#DIV/0!");
    expectBoth("2^10", "1024");
  });

  test("two texts that look like dates compare as text, as Excel does", () => {
    // HyperFormula compared them as its own DD/MM/YYYY dates: 1 February < 10 January was ONWAAR
    expectBoth('IF("1-2-2025"<"10-1-2025",1,0)', "1");
  });
});

describe("text compares as Excel compares it, in both evaluators", () => {
  test("without regard to case, with regard to accents, in the alphabet's order", () => {
    expectBoth('IF("a"="A",1,0)', "1");
    expectBoth('IF("é"="e",1,0)', "0");
    expectBoth('IF("ä"<"b",1,0)', "1");
    expectBoth('IF("abc"<"abd",1,0)', "1");
    // numbers before text before logical values
    expectBoth('IF(1<"a",1,0)', "1");
    expectBoth('IF("a"<TRUE,1,0)', "1"); // (LibreOffice 0)
  });
});

describe("inside an array formula, HyperFormula runs the table's functions for each value", () => {
  test("IF, ROUND and ABS over ranges, summed", async () => {
    const cells = await recalculated(
      "Matrix",
      [
        row(1, f("A1", "_xldudf_NL_KIA(2025,2901)"), v("B1", -1.005)),
        row(2, f("A2", "A1/3"), v("B2", 2.675)),
        row(3, v("A3", 0), v("B3", -4)),
        // KIA 812,28 and 270,76 are above 100; 0 is not: 812,28 + 270,76 = 1.083,04
        row(4, '<c r="A4"><f t="array" ref="A4">SUM(IF(A1:A3&gt;100,ROUND(A1:A3,2),0))</f><v>0</v></c>'),
        // ROUND(-1,005; 2) = -1,01, ROUND(2,675; 2) = 2,68, -4: |-1,01| + 2,68 + 4 = 7,69
        row(5, '<c r="A5"><f t="array" ref="A5">SUM(ABS(ROUND(B1:B3,2)))+0*A1</f><v>0</v></c>'),
      ].join(""),
    );
    expect(cells.get(4, 1)?.value).toBe(1083.04);
    expect(cells.get(5, 1)?.value).toBe(7.69);
  });
});

describe("the rounding functions in eval and in a recalculation", () => {
  test("ROUND, ROUNDUP, ROUNDDOWN and TRUNC are Excel's, with their defaults and errors", () => {
    expect(evalText("=ROUND(1.005, 2)")).toBe("1.01");
    expect(evalText("=AFRONDEN(1,005; 2)")).toBe("1.01");
    expect(evalText("=ROUNDUP(2.21+2.19, 2)")).toBe("4.4");
    expect(evalText("=ROUNDDOWN(2.26+2.94, 2)")).toBe("5.2");
    expect(evalText("=TRUNC(2.26+2.94, 2)")).toBe("5.2");
    expect(evalText("=TRUNC(-8.9)")).toBe("-8");
    expect(evalText("=ROUND(2.5)")).toBe("3"); // places default to 0
    expect(evalText('=ROUND("tekst", 1)')).toMatch(/^#VALUE!/);
  });

  test("FLOOR, CEILING and their forms, with Excel's signs, modes and errors", () => {
    expect(evalText("=FLOOR(0.3, 0.1)")).toBe("0.3");
    expect(evalText("=AFRONDEN.BENEDEN(4,35; 0,05)")).toBe("4.35");
    expect(evalText("=CEILING(0.1+0.2, 0.1)")).toBe("0.3");
    expect(evalText("=FLOOR(2.5, -2)")).toMatch(/^#NUM!/); // a positive number, a negative significance
    expect(evalText("=FLOOR(3, 0)")).toMatch(/^#DIV\/0!/);
    // Microsoft's examples of the .MATH forms; a mode of -1 reverses the direction as 1 does
    expect(evalText("=FLOOR.MATH(24.3, 5)")).toBe("20");
    expect(evalText("=FLOOR.MATH(6.7)")).toBe("6");
    expect(evalText("=FLOOR.MATH(-8.1, 2)")).toBe("-10");
    expect(evalText("=FLOOR.MATH(-5.5, 2, -1)")).toBe("-4");
    expect(evalText("=CEILING.MATH(24.3, 5)")).toBe("25");
    expect(evalText("=CEILING.MATH(6.7)")).toBe("7");
    expect(evalText("=CEILING.MATH(-8.1, 2)")).toBe("-8");
    expect(evalText("=CEILING.MATH(-5.5, 2, -1)")).toBe("-6");
    expect(evalText("=FLOOR.MATH(0.3, 0.1)")).toBe("0.3");
    expect(evalText("=FLOOR.PRECISE(-3.2, -1)")).toBe("-4");
    expect(evalText("=CEILING.PRECISE(4.3, -2)")).toBe("6");
    expect(evalText("=ISO.CEILING(-4.3, 2)")).toBe("-4");
    expect(evalText("=CEILING.PRECISE(0.1+0.2, 0.1)")).toBe("0.3");
    // INT goes down, also below zero (Microsoft's examples: INT(8,9) = 8, INT(-8,9) = -9)
    expect(evalText("=INT(8.9)")).toBe("8");
    expect(evalText("=INT(-8.9)")).toBe("-9");
    expect(evalText("=INTEGER(-9/2)")).toBe("-5");
    expect(evalText("=INT(-0.5)+0")).toBe("-1");
    // MROUND stays HyperFormula's: Microsoft's examples
    expect(evalText("=MROUND(10, 3)")).toBe("9");
    expect(evalText("=MROUND(-10, -3)")).toBe("-9");
    expect(evalText("=MROUND(5, -2)")).toMatch(/^#NUM!/);
  });

  test("half an MKB-winstvrijstelling, rounded to cents, is the cent Excel shows", async () => {
    const cells = await recalculated(
      "Vennoten",
      [
        row(1, v("A1", 40003)),
        // MKB-winstvrijstelling 2025 over 40.003 - 2.470 = 37.533: 12,7% = 4.766,691 -> 4.766,69
        row(2, f("A2", "_xldudf_NL_MKBVRIJ(2025,A1,2470)")),
        // each partner half: 2.383,345 -> 2.383,35 (binary 2.383,34499…: HyperFormula's own ROUND gave 2.383,34)
        row(3, f("A3", "ROUND(A2/2,2)")),
      ].join(""),
    );
    expect(cells.get(2, 1)?.value).toBe(4766.69);
    expect(cells.get(3, 1)?.value).toBe(2383.35);
  });
});

describe("the rounding around an NL result, evaluated directly (not by HyperFormula)", () => {
  test("ROUND, ROUNDUP, ROUNDDOWN and TRUNC with the arguments Excel takes; anything else goes to HyperFormula", () => {
    expect(direct("ROUND(NL.KIA(2025,A2),2)")).toBe(true);
    expect(direct("ROUNDUP(NL.MKBVRIJ($B$1,A2)/2,0)*2")).toBe(true);
    expect(direct("ROUNDDOWN(A2,-2)")).toBe(true);
    expect(direct("TRUNC(NL.BELASTBAREWINST(2025,A2,TRUE))")).toBe(true);
    expect(direct("ROUND(A2)")).toBe(false); // Excel's ROUND wants its places
    expect(direct("ROUND(A2,2,1)")).toBe(false);
    expect(direct("ROUND(A2:A3,2)")).toBe(false); // a range: an array in Excel
    expect(direct("ROUND(AVERAGE(A2:A3),2)")).toBe(false);
    expect(direct("MROUND(A2,0.05)")).toBe(false);
  });

  test("in a recalculated file: Excel's rounding, coercion and errors", async () => {
    const cells = await recalculated(
      "Afronden",
      [
        row(1, v("A1", 40003), f("B1", "_xldudf_NL_MKBVRIJ(2025,A1,2470)")),
        // MKB-winstvrijstelling 2025 over 37.533: 12,7% = 4.766,691 -> 4.766,69
        // half: 2.383,345 -> 2.383,35 (binary 2.383,34499…); up to tens 2.390; down to hundreds 2.300; cut 2.383
        row(
          2,
          f("A2", "ROUND(B1/2,2)"),
          f("B2", "ROUNDUP(B1/2,-1)"),
          f("C2", "ROUNDDOWN(B1/2,-2)"),
          f("D2", "TRUNC(B1/2)"),
          f("E2", "ROUND(-B1/2,2.9)"), // the places cut toward zero: 2
        ),
        row(
          3,
          s("A3", "tekst"),
          f("B3", "ROUND(A3,B1)"), // text is no number: #VALUE!
          f("C3", "ROUND(_xldudf_NL_KIA(2021,A1),0)"), // 2021 is not covered: the #N/A passes through
          f("D3", "ROUND(B1>0,0)+B1*0"), // WAAR counts as 1
        ),
      ].join(""),
    );
    expect(cells.get(1, 2)?.value).toBe(4766.69);
    expect(cells.get(2, 1)?.value).toBe(2383.35);
    expect(cells.get(2, 2)?.value).toBe(2390);
    expect(cells.get(2, 3)?.value).toBe(2300);
    expect(cells.get(2, 4)?.value).toBe(2383);
    expect(cells.get(2, 5)?.value).toBe(-2383.35);
    expect(cells.get(3, 2)?.value).toEqual({ error: "#VALUE!" });
    expect(cells.get(3, 3)?.value).toEqual({ error: "#N/A" });
    expect(cells.get(3, 4)?.value).toBe(1);
  });

  test("gives what HyperFormula (the same entries) gives, for any amount and places", () => {
    const amount = fc.integer({ min: -2e9, max: 2e9 }).map((n) => n / 1000);
    const places = fc.integer({ min: -4, max: 4 });
    const fn = fc.constantFrom("ROUND", "ROUNDUP", "ROUNDDOWN", "TRUNC");
    fc.assert(
      fc.property(fn, amount, places, (name, x, d) => {
        const call = `${name}(${x},${d})`;
        expectAlike(call);
      }),
      { numRuns: 150 },
    );
  });
});

describe("FLOOR, CEILING, INT and ABS around an NL result, evaluated directly (the same entries as HyperFormula's)", () => {
  test("with the arguments Excel takes; anything else goes to HyperFormula", () => {
    expect(direct("FLOOR(NL.KIA($B$1,C2),1)")).toBe(true);
    expect(direct("INT(NL.MKBVRIJ(2025,A2)/2)")).toBe(true);
    expect(direct("ABS(NL.BELASTBAREWINST(2025,A2,TRUE))")).toBe(true);
    expect(direct("FLOOR.MATH(A2)")).toBe(true);
    expect(direct("FLOOR(A2)")).toBe(false); // Excel's FLOOR wants its significance
    expect(direct("CEILING.MATH(A2,1,1,1)")).toBe(false);
    expect(direct("ABS(A2:A3)")).toBe(false); // a range: an array in Excel
  });

  test("in a recalculated file: Excel's signs, modes and errors, as HyperFormula has them", async () => {
    // Each formula in column B, and the same one inside CHOOSE(1; ...) (HyperFormula's) in column C.
    const formulas = [
      "FLOOR(A1,1)", // 812,28 down to whole euros: 812
      "FLOOR(A1,0.05)", // 812,28 / 0,05 = 16.245,6 -> 16.245 x 0,05 = 812,25
      "CEILING(A1,10)", // up to tens: 820
      "FLOOR(-A1,-1)", // a negative number, a negative step: toward zero, -812
      "FLOOR(A1,-1)", // a positive number, a negative step: #NUM!
      "FLOOR(A1,0)", // a step of 0: #DIV/0!
      "FLOOR.MATH(-A1,10)", // down: -820
      "FLOOR.MATH(-A1,10,1)", // a mode reverses it for a negative number: -810
      "CEILING.PRECISE(A1)", // up to the whole number: 813
      "ISO.CEILING(-A1,-10)", // the step's sign does not count: up, -810
      "INT(-A1)", // down, also below zero: -813
      "ABS(-A1)", // 812,28
      "INT(A3)+0*A1", // WAAR as a number: 1
      "FLOOR(A2,1)+0*A1", // a text: #VALUE!
    ];
    const { direct, engine } = await besideEngine("Veelvoud", formulas, (formula) => `CHOOSE(1,${formula})`);
    expect(direct).toEqual([
      812,
      812.25,
      820,
      -812,
      { error: "#NUM!" },
      { error: "#DIV/0!" },
      -820,
      -810,
      813,
      -810,
      -813,
      812.28,
      1,
      { error: "#VALUE!" },
    ]);
    expect(engine).toEqual(direct);
  });

  test("gives what HyperFormula (the same entries) gives, for any amount and step", () => {
    const amount = fc.integer({ min: -2e9, max: 2e9 }).map((n) => n / 1000);
    const step = fc.constantFrom(-10, -1, -0.05, 0, 0.01, 0.05, 0.1, 1, 5, 100);
    const fn = fc.constantFrom("FLOOR", "CEILING", "FLOOR.MATH", "CEILING.MATH", "FLOOR.PRECISE", "ISO.CEILING");
    fc.assert(
      fc.property(fn, amount, step, (name, x, s) => {
        for (const call of [`${name}(${x},${s})`, `INT(${x})`, `ABS(${x})`]) expectAlike(call);
      }),
      { numRuns: 150 },
    );
  });
});

describe("IF around an NL result, evaluated directly", () => {
  test("IF with a test and one or two outcomes (an outcome may be left empty)", () => {
    expect(direct('IF(NL.URENCRITERIUM(B2),"ja","nee")')).toBe(true);
    expect(direct("IF(C2>0,NL.KIA($B$1,C2),0)")).toBe(true);
    expect(direct("IF(A2,,1)")).toBe(true);
    expect(direct("IF(A2,1)")).toBe(true);
    expect(direct("IF(A2)")).toBe(false);
    expect(direct("IF(A2,1,2,3)")).toBe(false);
    expect(direct("IF(A2:A3>0,1,0)")).toBe(false); // a range: an array in Excel
    expect(direct("IF(A2,AVERAGE(B2:B3),0)")).toBe(false);
  });

  test("in a recalculated file: the test, the outcome chosen, and what Excel gives without one", async () => {
    const cells = await recalculated(
      "Als",
      [
        // KIA 2025 on 2.901: 28% = 812,28; 1.300 uren: the urencriterium is met
        row(1, v("A1", 2901), f("B1", "_xldudf_NL_KIA(2025,A1)"), f("C1", "_xldudf_NL_URENCRITERIUM(1300)")),
        row(
          2,
          f("A2", 'IF(C1,"ja","nee")'),
          f("B2", "IF(B1>1000,B1,0)"), // 812,28 is not more than 1.000
          f("C2", "IF(B1>0,B1,1/0)"), // the other outcome is not worked out: no #DIV/0!
          f("D2", "IF(B1<0,1)"), // no outcome for ONWAAR: ONWAAR
          f("E2", "IF(B1<0,1,)"), // an empty one: 0
          f("F2", "IF(D1,1,2)*B1"), // D1 is empty: ONWAAR, 2 x 812,28 = 1.624,56
          f("G2", "IF(_xldudf_NL_KIA(2021,A1),1,2)"), // 2021 is not covered: the #N/A
          f("H2", "ROUND(IF(B1,B1/3,0),2)"), // 812,28 / 3 = 270,76
        ),
      ].join(""),
    );
    expect(cells.get(2, 1)?.value).toBe("ja");
    expect(cells.get(2, 2)?.value).toBe(0);
    expect(cells.get(2, 3)?.value).toBe(812.28);
    expect(cells.get(2, 4)?.value).toBe(false);
    expect(cells.get(2, 5)?.value).toBe(0);
    expect(cells.get(2, 6)?.value).toBe(1624.56);
    expect(cells.get(2, 7)?.value).toEqual({ error: "#N/A" });
    expect(cells.get(2, 8)?.value).toBe(270.76);
  });

  test("a text as the test is left to Excel, which reads it in its own language", async () => {
    const { report } = await recalcSheet(
      "Als",
      row(1, s("A1", "WAAR"), '<c r="B1"><f>IF(A1,_xldudf_NL_KIA(2025,2901),0)</f><v>7</v></c>'),
    );
    expect(report.notRecalculated).toEqual([
      { cell: "Als!B1", reason: "niet zonder Excel te bepalen (tekst als voorwaarde van ALS)" },
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("both evaluators keep the number Excel stores: -6038,68 - -6629,03 is 590,3499999999995", async () => {
    // in doubles 590,3499999999995, what Excel writes in the file; HyperFormula's own reading of
    // its results rounds to 15 digits (590,35), which the engine does not use
    const { direct, engine } = await besideEngine(
      "Verschil",
      ["IF(A1<=-6629.03,1,-6038.68--6629.03)"],
      (formula) => `CHOOSE(1,${formula})`,
    );
    expect(direct).toEqual([-6038.68 - -6629.03]);
    expect(engine).toEqual(direct);
  });

  test("gives what HyperFormula (the same entry) gives for numbers and comparisons", () => {
    const amount = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 100);
    fc.assert(
      fc.property(amount, amount, fc.constantFrom(">", "<=", "="), (x, y, op) => {
        expectAlike(`IF(${x}${op}${y},ROUND(${x}/3,2),${x}-${y})`);
      }),
      { numRuns: 100 },
    );
  });
});

describe("MAX and MIN around an NL result, evaluated directly", () => {
  test("values, cells, ranges and arrays; an argument left empty goes to HyperFormula", () => {
    expect(direct("MAX(0,NL.BELASTBAREWINST(2025,A2,TRUE))")).toBe(true);
    expect(direct("MIN(NL.KIA($B$1,C2),B2:B9,{1,2})")).toBe(true);
    expect(direct("MAX(,A2)")).toBe(false);
    expect(direct("MAX(A2,AVERAGE(B2:B3))")).toBe(false);
  });

  test("in a recalculated file: of cells and ranges only the numbers count, as HyperFormula has it", async () => {
    // Each formula in column B, and the same one inside CHOOSE(1; ...) (HyperFormula's) in column C.
    const formulas = [
      "MAX(A1,A2,A3,A4,A5)", // 812,28 (A1); the text, WAAR and the empty cell are passed over
      "MIN(A2:A6)", // only 812,28 is a number in A2:A6: 812,28
      "MIN(A2,A3,A4)+0*A1", // no number at all: 0 (0 x A1: so that it is recalculated)
      "MAX(-A1,TRUE)", // WAAR as an argument counts: 1
      'MIN(A1,"500")', // a number as text, as an argument: 500
      "MAX(A1:A7)", // A7 holds #N/A: the result
      "MIN(-A1,{5,-1000,TRUE})", // -1.000 in the array
      "MAX(0,A1-1000)", // 812,28 - 1.000 < 0: 0
    ];
    const { direct, engine } = await besideEngine("MaxMin", formulas, (formula) => `CHOOSE(1,${formula})`);
    expect(direct).toEqual([812.28, 812.28, 0, 1, 500, { error: "#N/A" }, -1000, 0]);
    expect(engine).toEqual(direct);
  });

  test("gives what HyperFormula (the same entries) gives for numbers, comparisons and arrays", () => {
    const amount = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.constantFrom("MAX", "MIN"), fc.array(amount, { minLength: 1, maxLength: 5 }), (fn, xs) => {
        expectAlike(`${fn}(${xs[0]}>0,{${xs.join(",")}},${xs.map((x) => `${x}*2`).join(",")})`);
      }),
      { numRuns: 100 },
    );
  });
});

describe("SUM around and over NL results, evaluated directly", () => {
  test("values, cells, small ranges and arrays; an argument left empty goes to HyperFormula", () => {
    expect(direct("SUM(NL.KIA($B$1,C2),NL.MKBVRIJ($B$1,A2))")).toBe(true);
    expect(direct("SUM(A2:F2,{1,2},-B2)")).toBe(true); // a row of six cells
    expect(direct("SUM(,A2)")).toBe(false);
    expect(direct("SUM(A2,AVERAGE(B2:B3))")).toBe(false);
  });

  test("in a recalculated file: of cells and ranges only the numbers count, as HyperFormula has it", async () => {
    // Each formula in column B, and the same one inside CHOOSE(1; ...) (HyperFormula's) in column C.
    // Excel's help: "If an argument is an array or reference, only numbers in that array or
    // reference are counted. Empty cells, logical values, or text in the array or reference are ignored."
    const formulas = [
      "SUM(A1,A2,A3,A4,A5)", // 812,28 (A1); the text, WAAR and the empty cells are passed over
      "SUM(A1:A6)", // 812,28 (A1) + 812,28 (A6 = A1) = 1.624,56
      "SUM(A1,TRUE)", // WAAR as an argument counts: 812,28 + 1 = 813,28
      'SUM(A1,"500")', // a number as text, as an argument: 812,28 + 500 = 1.312,28
      'SUM(A1,"tekst")', // a text that is no number, as an argument: #VALUE!
      "SUM(A1:A7)", // A7 holds #N/A: the result
      "SUM(-A1,{5,-1000,TRUE})", // -812,28 + 5 - 1.000 = -1.807,28; WAAR in an array is passed over
      "SUM(A1,-A6)", // 812,28 - 812,28 = 0
    ];
    const { direct, engine } = await besideEngine("Som", formulas, (formula) => `CHOOSE(1,${formula})`);
    expect(direct).toEqual([812.28, 1624.56, 813.28, 1312.28, { error: "#VALUE!" }, { error: "#N/A" }, -1807.28, 0]);
    expect(engine).toEqual(direct);
  });

  test("gives what HyperFormula (the same entry) gives for numbers, comparisons and arrays", () => {
    const amount = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 5 }), (xs) => {
        expectAlike(`SUM(${xs[0]}>0,{${xs.join(",")}},${xs.map((x) => `${x}*2`).join(",")})`);
      }),
      { numRuns: 100 },
    );
  });
});

describe("a range walked by SUM, MAX, MIN, AND or OR: directly only when small", () => {
  test("a range of more rows, one that grows down a column, a whole column or a table column goes to HyperFormula", () => {
    // Walked here for each formula of a column that reads it, such ranges cost the square of the
    // rows; HyperFormula keeps each range's result, and a growing range's previous one.
    for (const fn of ["SUM", "MAX", "MIN", "AND", "OR"]) {
      expect(direct(`${fn}($B$2:B2)`)).toBe(false); // a running total: one more row in each cell
      expect(direct(`${fn}(B2:$B$1001)`)).toBe(false); // what is left, to the bottom
      expect(direct(`${fn}($B$2:$B$1001)`)).toBe(false); // one column of 1.000 rows
      expect(direct(`${fn}(B:B)`)).toBe(false);
      expect(direct(`${fn}(2:2)`)).toBe(false);
      expect(direct(`${fn}(A2:IW2)`)).toBe(false); // 257 cells
      expect(direct(`${fn}(Tabel[Bedrag])`)).toBe(false); // a table column: as many rows as the table
      expect(direct(`${fn}(A2:IV2)`)).toBe(true); // one row of 256 cells: the most
      expect(direct(`${fn}(B2:C16)`)).toBe(true); // 15 rows, in every cell of a column
      expect(direct(`${fn}(Tabel[@Bedrag])`)).toBe(true); // the cell of the table's row
    }
  });
});

describe("AND, OR and NOT around an NL result, evaluated directly", () => {
  test("values, cells, ranges and arrays; an argument left empty goes to HyperFormula", () => {
    expect(direct("AND(NL.URENCRITERIUM(B2),C2>0)")).toBe(true);
    expect(direct("OR(NL.URENCRITERIUM(B2),B2:B9,{TRUE,0})")).toBe(true);
    expect(direct("NOT(NL.URENCRITERIUM(B2))")).toBe(true);
    expect(direct("AND(,A2)")).toBe(false);
    expect(direct("NOT(A2:A3)")).toBe(false);
    expect(direct("NOT(A2,A3)")).toBe(false);
    expect(direct("OR(A2,ISBLANK(B2))")).toBe(false);
  });

  test("in a recalculated file: of cells and ranges the logical values and numbers count, as Excel's help has it", async () => {
    // Each formula in column B, and the same one inside CHOOSE(1; ...) (HyperFormula's) in column C.
    // Excel's help: "If an array or reference argument contains text or empty cells, those values
    // are ignored. If the specified range contains no logical values, AND returns #VALUE!"
    const formulas = [
      "AND(A1,A3)", // 812,28 is not 0, A3 is WAAR: WAAR
      "AND(A1:A6)", // 812,28, WAAR and 812,28; the text and the empty cells are passed over: WAAR
      "OR(A1>1000,A2,A4)", // 812,28 > 1.000 is ONWAAR; the text cell and the empty cell do not count: ONWAAR
      "IF(A1>0,AND(A2,A4))", // only a text cell and an empty cell: no logical value, #VALUE!
      "AND(A1:A7)", // A7 holds #N/A: the result
      "NOT(A1)", // 812,28 is WAAR: ONWAAR
      "NOT(A1-812.28)", // 812,28 - 812,28 = 0: WAAR
      "OR(A1<0,{0,1})", // the 1 in the array: WAAR
      "AND(A1,A8)", // A8 is 0: ONWAAR
      "IF(A1>0,NOT(A4))", // an empty cell is ONWAAR: WAAR
    ];
    const { direct, engine } = await besideEngine("EnOf", formulas, (formula) => `CHOOSE(1,${formula})`);
    expect(direct).toEqual([
      true,
      true,
      false,
      { error: "#VALUE!" },
      { error: "#N/A" },
      false,
      true,
      true,
      false,
      true,
    ]);
    // HyperFormula's own AND read a text cell or an empty cell as ONWAAR or #VALUE!; the table's
    // passes over them, as Excel's help and ECMA-376 have it, in both evaluators.
    expect(engine).toEqual(direct);
  });

  test("a text given as an argument is left to Excel, which reads it in its own language", async () => {
    const { report } = await recalcSheet(
      "En",
      row(
        1,
        '<c r="A1"><f>AND(_xldudf_NL_KIA(2025,2901),"WAAR")</f><v>7</v></c>',
        '<c r="B1"><f>NOT(IF(_xldudf_NL_KIA(2025,2901)&gt;0,"ONWAAR"))</f><v>7</v></c>',
      ),
    );
    expect(report.notRecalculated).toEqual([
      { cell: "En!A1", reason: "niet zonder Excel te bepalen (tekst als argument van EN)" },
      { cell: "En!B1", reason: "niet zonder Excel te bepalen (tekst als argument van NIET)" },
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("gives what HyperFormula (the same entries) gives for numbers and comparisons", () => {
    const amount = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.constantFrom("AND", "OR"), fc.array(amount, { minLength: 1, maxLength: 5 }), (fn, xs) => {
        expectAlike(`NOT(${fn}(${xs[0]}>0,{${xs.join(",")}},${xs.map((x) => `${x}*2`).join(",")}))`);
      }),
      { numRuns: 100 },
    );
  });
});

describe("IFERROR and IFNA around an NL result, evaluated directly", () => {
  test("two arguments, each one value or left empty; anything else goes to HyperFormula", () => {
    expect(direct("IFERROR(NL.KIA($B$1,C2),0)")).toBe(true);
    expect(direct("IFNA(NL.KIA($B$1,C2),-1)")).toBe(true);
    expect(direct("IFERROR(NL.KIA($B$1,C2),)")).toBe(true); // left empty: 0
    expect(direct("IFERROR(NL.KIA($B$1,C2))")).toBe(false);
    expect(direct("IFERROR(A2:A3,0)")).toBe(false);
  });

  test("in a recalculated file: the value, or the second argument where it is an error", async () => {
    const formulas = [
      "IFERROR(A7,0)", // A7 is #N/A (KIA 2021): 0
      "IFERROR(A1,0)", // 812,28 is no error: 812,28
      'IFERROR(A1/0,"fout")', // #DIV/0!: "fout"
      "IFNA(A7,1)", // #N/A: 1
      "IFNA(A1/0,1)", // IFNA passes other errors on: #DIV/0!
      "IFERROR(A2,A1)", // a text is no error: "tekst"
      "IFERROR(A7,A3)", // the second argument as it is: WAAR
      "IFERROR(A7,)", // the second argument left empty: 0, as IF's outcome left empty
    ];
    const { direct, engine } = await besideEngine("AlsFout", formulas, (formula) => `CHOOSE(1,${formula})`);
    expect(direct).toEqual([0, 812.28, "fout", 1, { error: "#DIV/0!" }, "tekst", true, 0]);
    expect(engine).toEqual(direct);
  });

  test("the second argument is evaluated only for an error; an empty cell is left to Excel", async () => {
    // The second argument is #DIV/0!: the result only where the first is an error (KIA 2021 is #N/A).
    expect(evalText("=ALS.FOUT(NL.KIA(2025; 2901); 1/0)")).toBe("812.28"); // 28% of 2.901
    expect(evalText("=ALS.FOUT(NL.KIA(2021; 2901); 1/0)")).toMatch(/^#DIV\/0!/);
    const { report } = await recalcSheet(
      "Fout",
      row(
        1,
        '<c r="A1"><f>IFERROR(_xldudf_NL_KIA(2021,2901),B1)</f><v>7</v></c>',
        // a date in text, made a number: only Excel reads it; never evaluated, as KIA 2025 is no error
        '<c r="C1"><f>IFERROR(_xldudf_NL_KIA(2025,2901),"1-1-2025"*1)</f><v>7</v></c>',
      ),
    );
    expect(report.notRecalculated).toEqual([
      { cell: "Fout!A1", reason: "niet zonder Excel te bepalen (een lege cel in ALS.FOUT)" },
    ]);
    expect(report.recalculated).toBe(1);
  });

  test("a spilled NL result without an error spills as it is", () => {
    // the overview of 2025 for a winst of 50.000 with the urencriterium: no error in it
    expect(evalText("=ALS.FOUT(NL.OVERZICHT(2025; 50000; WAAR); 0)")).toBe(
      evalText("=NL.OVERZICHT(2025; 50000; WAAR)"),
    );
    expect(evalText("=ALS.FOUT(NL.OVERZICHT(2025; 50000; WAAR); 0)").split("\n").length).toBeGreaterThan(5);
  });
});
