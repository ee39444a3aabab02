/**
 * Numbers as Excel treats them, at 15 significant digits: ROUND, ROUNDUP, ROUNDDOWN, TRUNC, FLOOR
 * and CEILING (and their forms), comparisons, sums that are only noise, and numbers joined to text. The first examples are Microsoft's own (the Excel help of each function);
 * the others are amounts whose binary value lies just below a half cent, where HyperFormula's own
 * functions (Math.round of x × 10^n) are a cent off; LibreOffice on this machine gives the values
 * expected here for each of them.
 */
import fc from "fast-check";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { isDirect } from "../../src/engine/direct";
import { evaluateFormula, formatValue } from "../../src/engine/evaluate";
import { excelCompare, excelMultiple, excelRound, excelSum } from "../../src/engine/excelNumbers";
import { recalcFile } from "../../src/engine/recalcFile";
import { parseFormula } from "../../src/workbook/formula/parse";
import { WorkbookPackage } from "../../src/workbook/package";
import { openWorkbook } from "../../src/workbook/workbookReader";
import { WorkbookReferences } from "../../src/workbook/references";
import { f, row, s, v, writeWorkbookFile } from "../helpers/xlsx";

const evalText = (formula: string): string => formatValue(evaluateFormula(formula));

/**
 * The formula's result as HyperFormula gives it: a number at 14 significant digits (its
 * `precisionRounding`). The direct evaluator keeps the double as Excel stores it, so
 * -6038,68 - -6629,03 is 590,3499999999995 there and 590,35 in HyperFormula.
 */
function atEnginePrecision(formula: string): string {
  const text = evalText(formula);
  const n = Number(text);
  return text !== "" && Number.isFinite(n) ? String(Number(n.toPrecision(14))) : text;
}

/** One sheet written as a file, recalculated by `nl-aftrek recalc`: its report, and its cells read back. */
async function recalcSheet(name: string, data: string) {
  const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-numbers-"));
  try {
    const input = join(dir, "in.xlsx");
    const output = join(dir, "uit.xlsx");
    writeWorkbookFile(input, { sheets: [{ name, data }] });
    const report = await recalcFile(input, output);
    return { report, cells: (await openWorkbook(output)).sheets[0].cells };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function recalculated(name: string, data: string) {
  return (await recalcSheet(name, data)).cells;
}

/**
 * Each formula in column B of a recalculated sheet (the direct evaluator's), and inside `engine`
 * (a function only HyperFormula evaluates) in column C, beside the same cells: A1 812,28 (KIA 2025
 * on 2.901: 28%), A2 a text, A3 WAAR, A4 and A5 empty, A6 =A1, A7 #N/A (KIA 2021), A8 0.
 */
async function besideEngine(name: string, formulas: readonly string[], engine: (formula: string) => string) {
  const cells = await recalculated(
    name,
    [
      row(1, f("A1", "_xldudf_NL_KIA(2025,2901)")),
      row(2, s("A2", "tekst")),
      row(3, '<c r="A3" t="b"><v>1</v></c>'),
      row(6, f("A6", "A1")),
      row(7, f("A7", "_xldudf_NL_KIA(2021,2901)")),
      row(8, v("A8", 0)),
      ...formulas.map((formula, i) => row(10 + i, f(`B${10 + i}`, formula), f(`C${10 + i}`, engine(formula)))),
    ].join(""),
  );
  return {
    direct: formulas.map((_, i) => cells.get(10 + i, 2)?.value),
    engine: formulas.map((_, i) => cells.get(10 + i, 3)?.value),
  };
}

describe("Microsoft's examples", () => {
  test("ROUND", () => {
    expect(excelRound(2.15, 1, "half-away-from-zero")).toBe(2.2);
    expect(excelRound(2.149, 1, "half-away-from-zero")).toBe(2.1);
    expect(excelRound(-1.475, 2, "half-away-from-zero")).toBe(-1.48);
    expect(excelRound(21.5, -1, "half-away-from-zero")).toBe(20);
    expect(excelRound(626.3, -3, "half-away-from-zero")).toBe(1000);
    expect(excelRound(1.98, -1, "half-away-from-zero")).toBe(0);
    expect(excelRound(-50.55, -2, "half-away-from-zero")).toBe(-100);
  });

  test("ROUNDUP: away from zero", () => {
    expect(excelRound(3.2, 0, "away-from-zero")).toBe(4);
    expect(excelRound(76.9, 0, "away-from-zero")).toBe(77);
    expect(excelRound(3.14159, 3, "away-from-zero")).toBe(3.142);
    expect(excelRound(-3.14159, 1, "away-from-zero")).toBe(-3.2);
    expect(excelRound(31415.92654, -2, "away-from-zero")).toBe(31500);
  });

  test("ROUNDDOWN and TRUNC: toward zero", () => {
    expect(excelRound(3.2, 0, "toward-zero")).toBe(3);
    expect(excelRound(76.9, 0, "toward-zero")).toBe(76);
    expect(excelRound(3.14159, 3, "toward-zero")).toBe(3.141);
    expect(excelRound(-3.14159, 1, "toward-zero")).toBe(-3.1);
    expect(excelRound(31415.92654, -2, "toward-zero")).toBe(31400);
    expect(excelRound(8.9, 0, "toward-zero")).toBe(8);
    expect(excelRound(-8.9, 0, "toward-zero")).toBe(-8);
    expect(excelRound(0.45, 0, "toward-zero")).toBe(0);
  });
});

describe("amounts just below a half in binary", () => {
  test("a half cent rounds away from zero, as the amount is written", () => {
    // 1,005 is 1,00499999999999989… in binary: Math.round(100,499999…) / 100 = 1
    expect(excelRound(1.005, 2, "half-away-from-zero")).toBe(1.01);
    expect(excelRound(-1.005, 2, "half-away-from-zero")).toBe(-1.01);
    expect(excelRound(0.285, 2, "half-away-from-zero")).toBe(0.29);
    expect(excelRound(5.015, 2, "half-away-from-zero")).toBe(5.02);
    expect(excelRound(6.35, 1, "half-away-from-zero")).toBe(6.4);
    // 21% btw over 23,50: 4,935 (binary 4,93499999…)
    expect(excelRound(23.5 * 0.21, 2, "half-away-from-zero")).toBe(4.94);
    expect(excelRound(3.5 * 161.659, 3, "half-away-from-zero")).toBe(565.807);
  });

  test("a sum a hair above a whole cent is not rounded up, nor one a hair below down", () => {
    // 2,21 + 2,19 is 4,40000000000000036 in binary: ROUNDUP to cents is 4,40, not 4,41
    expect(excelRound(2.21 + 2.19, 2, "away-from-zero")).toBe(4.4);
    // 2,26 + 2,94 is 5,19999999999999929: ROUNDDOWN to cents is 5,20, not 5,19
    expect(excelRound(2.26 + 2.94, 2, "toward-zero")).toBe(5.2);
    expect(excelRound(0.1 + 0.2, 1, "away-from-zero")).toBe(0.3);
  });

  test("the places are cut to a whole number toward zero; zero stays zero, never -0", () => {
    expect(excelRound(2.567, 1.9, "half-away-from-zero")).toBe(2.6);
    expect(excelRound(2.567, -0.5, "half-away-from-zero")).toBe(3);
    expect(Object.is(excelRound(-0.0000001, 2, "toward-zero"), 0)).toBe(true);
    expect(Object.is(excelRound(-0.4, 0, "half-away-from-zero"), 0)).toBe(true);
    expect(excelRound(123.456, 20, "half-away-from-zero")).toBe(123.456);
    expect(excelRound(123.456, -400, "half-away-from-zero")).toBe(0);
  });
});

describe("FLOOR and CEILING: the quotient at 15 digits, the multiple in decimal", () => {
  test("Microsoft's examples", () => {
    expect(excelMultiple(3.7, 2, "down")).toBe(2);
    expect(excelMultiple(-2.5, -2, "down")).toBe(-2);
    expect(excelMultiple(1.58, 0.1, "down")).toBe(1.5);
    expect(excelMultiple(0.234, 0.01, "down")).toBe(0.23);
    expect(excelMultiple(2.5, 1, "up")).toBe(3);
    expect(excelMultiple(-2.5, -2, "up")).toBe(-4);
    expect(excelMultiple(-2.5, 2, "up")).toBe(-2);
    expect(excelMultiple(1.5, 0.1, "up")).toBe(1.5);
    expect(excelMultiple(0.234, 0.01, "up")).toBe(0.24);
  });

  test("a multiple that is one in decimal stays itself", () => {
    // 0,3 / 0,1 is 2,9999999999999996 in binary: floor 2 would give 0,2
    expect(excelMultiple(0.3, 0.1, "down")).toBe(0.3);
    expect(excelMultiple(4.35, 0.05, "down")).toBe(4.35);
    expect(excelMultiple(40003.1, 0.1, "down")).toBe(40003.1);
    // 0,1 + 0,2 is 0,30000000000000004: ceiling 4 would give 0,4
    expect(excelMultiple(0.1 + 0.2, 0.1, "up")).toBe(0.3);
    // 95.333 x 0,05, worked out in decimal: 4.766,65 (the binary product is 4.766,650000000001)
    expect(excelMultiple(4766.69, 0.05, "down")).toBe(4766.65);
  });
});

describe("comparing and adding as Excel does", () => {
  test("numbers equal at Excel's precision are equal; a sum of only noise is 0", () => {
    // 0,1 + 0,2 is 0,30000000000000004 in binary
    expect(excelCompare(0.1 + 0.2, 0.3)).toBe(0);
    expect(excelCompare(-(0.1 + 0.2), -0.3)).toBe(0);
    expect(excelCompare(0.3, 0.31)).toBe(-1);
    expect(excelCompare(4766.69, 4766.68)).toBe(1);
    expect(excelCompare(0, 0)).toBe(0);
    expect(excelSum(0.1 + 0.2, -0.3)).toBe(0);
    expect(excelSum(4766.69, -4766.68)).toBeCloseTo(0.01, 10); // a real difference stays
  });

  test("in eval, whichever evaluator: =, ALS, SUM and a number joined to text", () => {
    expect(evalText("=0.1+0.2=0.3")).toBe("TRUE");
    expect(evalText("=ALS(0,1+0,2=0,3; 1; 0)")).toBe("1");
    expect(evalText("=0.1+0.2-0.3")).toBe("0");
    expect(evalText("=SUM(0.1, 0.2, -0.3)")).toBe("0");
    expect(evalText('=(0.1+0.2)&""')).toBe("0.3");
    expect(evalText('="Totaal: "&(812.28*0.1+812.28*0.2)')).toBe("Totaal: 243.684");
    expect(evalText('=1/3&""')).toBe("0.333333333333333");
    expect(evalText("=0.1+0.2")).toBe("0.3"); // read out at 15 significant digits
    expect(evalText("=12345678901234.5+0")).toBe("12345678901234.5");
  });

  test("in a recalculated file, the direct evaluator compares and adds as HyperFormula does", async () => {
    const cells = await recalculated(
      "Controle",
      [
        // KIA 2025 on 2.901: 28% = 812,28
        row(1, f("A1", "_xldudf_NL_KIA(2025,2901)")),
        // 10% + 20% = 243,684 (binary 243,68400000000003) against 30% (243,68399999999997)
        row(2, f("A2", "A1*0.1+A1*0.2=A1*0.3"), f("B2", "SUMPRODUCT(--(A1*0.1+A1*0.2=A1*0.3))")),
        // what is left after adding and taking away the same: 0 (binary 1,1 x 10^-13)
        row(3, f("A3", "A1+0.1+0.2-0.3-A1"), f("B3", "ROUND(A1*0.1+A1*0.2,2)"), f("C3", "CHOOSE(1,ROUND(A1*0.3,2))")),
      ].join(""),
    );
    expect(cells.get(1, 1)?.value).toBe(812.28);
    expect(cells.get(2, 1)?.value).toBe(true); // direct
    expect(cells.get(2, 2)?.value).toBe(1); // HyperFormula
    expect(cells.get(3, 1)?.value).toBe(0); // direct
    expect(cells.get(3, 2)?.value).toBe(243.68); // direct: ROUND is one of its functions
    expect(cells.get(3, 3)?.value).toBe(243.68); // HyperFormula (CHOOSE is not)
  });
});

describe("in the engine (eval, and the native formulas of a recalculation)", () => {
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

/** Whether the direct evaluator takes a formula (else HyperFormula does). */
function direct(formula: string): boolean {
  const refs = new WorkbookReferences({ sheets: [], names: [], tables: [] } as unknown as WorkbookPackage);
  return isDirect(parseFormula(formula).node, refs, 0);
}

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

  test("gives what HyperFormula's rounding (the same excelRound) gives, for any amount and places", () => {
    const amount = fc.integer({ min: -2e9, max: 2e9 }).map((n) => n / 1000);
    const places = fc.integer({ min: -4, max: 4 });
    const fn = fc.constantFrom("ROUND", "ROUNDUP", "ROUNDDOWN", "TRUNC");
    fc.assert(
      fc.property(fn, amount, places, (name, x, d) => {
        const call = `${name}(${x},${d})`;
        // CHOOSE is not the direct evaluator's: the second formula is HyperFormula's
        expect(atEnginePrecision(`=${call}`)).toBe(atEnginePrecision(`=CHOOSE(1,${call})`));
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
        for (const call of [`${name}(${x},${s})`, `INT(${x})`, `ABS(${x})`]) {
          expect(atEnginePrecision(`=${call}`)).toBe(atEnginePrecision(`=CHOOSE(1,${call})`));
        }
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

  test("differs from HyperFormula only beyond its 14 digits: -6038,68 - -6629,03", () => {
    // in doubles 590,3499999999995, what Excel stores; HyperFormula rounds its output to 590,35
    expect(evalText("=IF(-6038.68<=-6629.03,1,-6038.68--6629.03)")).toBe("590.349999999999");
    expect(evalText("=CHOOSE(1,IF(-6038.68<=-6629.03,1,-6038.68--6629.03))")).toBe("590.35");
    expect(atEnginePrecision("=IF(-6038.68<=-6629.03,1,-6038.68--6629.03)")).toBe("590.35");
  });

  test("gives what HyperFormula's IF gives for numbers and comparisons", () => {
    const amount = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 100);
    fc.assert(
      fc.property(amount, amount, fc.constantFrom(">", "<=", "="), (x, y, op) => {
        const formula = `IF(${x}${op}${y},ROUND(${x}/3,2),${x}-${y})`;
        expect(atEnginePrecision(`=${formula}`)).toBe(atEnginePrecision(`=CHOOSE(1,${formula})`));
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

  test("gives what HyperFormula's MAX and MIN give for numbers, comparisons and arrays", () => {
    const amount = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.constantFrom("MAX", "MIN"), fc.array(amount, { minLength: 1, maxLength: 5 }), (fn, xs) => {
        const formula = `${fn}(${xs[0]}>0,{${xs.join(",")}},${xs.map((x) => `${x}*2`).join(",")})`;
        expect(atEnginePrecision(`=${formula}`)).toBe(atEnginePrecision(`=CHOOSE(1,${formula})`));
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

  test("gives what HyperFormula's SUM gives for numbers, comparisons and arrays", () => {
    const amount = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 5 }), (xs) => {
        const formula = `SUM(${xs[0]}>0,{${xs.join(",")}},${xs.map((x) => `${x}*2`).join(",")})`;
        expect(atEnginePrecision(`=${formula}`)).toBe(atEnginePrecision(`=CHOOSE(1,${formula})`));
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

  test("in a recalculated file: of cells and ranges the logical values and numbers count, as Excel's help has it (HyperFormula differs)", async () => {
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
    // HyperFormula agrees, except where a referenced cell holds text or is empty: it reads those as
    // ONWAAR or #VALUE!, where Excel's help (and ECMA-376 part 4, AND) passes over them.
    expect(engine).toEqual([true, false, { error: "#VALUE!" }, ...direct.slice(3)]);
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

  test("gives what HyperFormula's AND, OR and NOT give for numbers and comparisons", () => {
    const amount = fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.constantFrom("AND", "OR"), fc.array(amount, { minLength: 1, maxLength: 5 }), (fn, xs) => {
        const formula = `NOT(${fn}(${xs[0]}>0,{${xs.join(",")}},${xs.map((x) => `${x}*2`).join(",")}))`;
        expect(evalText(`=${formula}`)).toBe(evalText(`=CHOOSE(1,${formula})`));
      }),
      { numRuns: 100 },
    );
  });
});

describe("IFERROR and IFNA around an NL result, evaluated directly", () => {
  test("two arguments, each one value; anything else goes to HyperFormula", () => {
    expect(direct("IFERROR(NL.KIA($B$1,C2),0)")).toBe(true);
    expect(direct("IFNA(NL.KIA($B$1,C2),-1)")).toBe(true);
    expect(direct("IFERROR(NL.KIA($B$1,C2),)")).toBe(false);
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
    ];
    const { direct, engine } = await besideEngine("AlsFout", formulas, (formula) => `CHOOSE(1,${formula})`);
    expect(direct).toEqual([0, 812.28, "fout", 1, { error: "#DIV/0!" }, "tekst", true]);
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

test("a number too small to read out at 15 digits is 0, not NaN", () => {
  // HyperFormula multiplies by 10^(14 - exponent) to read out 15 digits: 10^319 overflows to NaN
  expect(evalText("=1E-300*1E-5")).toBe("0");
  expect(evalText("=1E-300*1E-5*1E300")).toBe("0.00001");
});
