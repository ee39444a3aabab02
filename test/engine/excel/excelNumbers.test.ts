/**
 * Numbers as Excel treats them, at 15 significant digits (src/engine/excel/excelNumbers.ts): rounding to
 * places and to multiples, comparisons, sums that are only noise, and numbers joined to text. The
 * first examples are Microsoft's own (the Excel help of each function); the others are amounts whose
 * binary value lies just below a half cent, where HyperFormula's own functions (Math.round of
 * x × 10^n) are a cent off; LibreOffice on this machine gives the values expected here for each of
 * them. The functions built on these (ROUND, FLOOR …) are tested in excelFunctions.test.ts.
 */
import { evaluateFormula, formatValue } from "../../../src/engine/evalFormula";
import { excelCompare, excelMultiple, excelRound, excelSum } from "../../../src/engine/excel/excelNumbers";
import { recalcOneSheet } from "../../helpers/recalc";
import { f, row } from "../../helpers/xlsx";

const evalText = (formula: string): string => formatValue(evaluateFormula(formula));

/** One sheet recalculated by `nl-aftrek recalc`: its cells read back. */
const recalculated = async (name: string, data: string) => (await recalcOneSheet(name, data)).cells;

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

  test("in a recalculated file, both evaluators compare and add alike", async () => {
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

test("a number too small for 15 digits prints as 0, not NaN", () => {
  // 1E-305: at 15 significant digits after the decimal point there is nothing to show
  expect(evalText("=1E-300*1E-5")).toBe("0");
  expect(evalText("=1E-300*1E-5*1E300")).toBe("0.00001");
});
