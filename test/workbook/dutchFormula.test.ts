/**
 * Formulas as a user of Dutch Excel reads and types them: the report of `nl-aftrek controleer` shows
 * the formula of a cell and its replacement so, and what it shows, eval reads back.
 */
import { dutchFormula, dutchName, englishName } from "../../src/workbook/formula/dutch";
import { evaluateFormula, formatValue } from "../../src/engine/evalFormula";

const host = { row: 1, col: 1 };

test("function names both ways, from HyperFormula's Dutch language pack; NL functions as they are", () => {
  expect([dutchName("IF"), dutchName("ROUND"), dutchName("VLOOKUP"), dutchName("SUM")]).toEqual([
    "ALS",
    "AFRONDEN",
    "VERT.ZOEKEN",
    "SOM",
  ]);
  expect(englishName("ALS")).toBe("IF");
  expect(dutchName("NL.KIA")).toBe("NL.KIA");
  // HyperFormula's pack has LEN as PITUUS (Finnish); Dutch Excel's name is LENGTE
  expect([dutchName("LEN"), englishName("LENGTE"), englishName("PITUUS")]).toEqual(["LENGTE", "LEN", undefined]);
  // and leaves these in English; Microsoft's Dutch help names them
  expect(["FLOOR.PRECISE", "CEILING.PRECISE", "ISO.CEILING"].map(dutchName)).toEqual([
    "AFRONDEN.BENEDEN.NAUWKEURIG",
    "AFRONDEN.BOVEN.NAUWKEURIG",
    "ISO.AFRONDEN.BOVEN",
  ]);
  // Microsoft's example: AFRONDEN.BENEDEN.NAUWKEURIG(-3,2; -1) is -4
  expect(formatValue(evaluateFormula("=AFRONDEN.BENEDEN.NAUWKEURIG(-3,2; -1)"))).toBe("-4");
  expect(dutchName("NOT.A.FUNCTION")).toBe("NOT.A.FUNCTION");
});

test.each([
  ["=IF(B7>=1225,MIN(B1,2470),0)", "=ALS(B7>=1225;MIN(B1;2470);0)"],
  ["=ROUND((B1-B2)*0.127,2)", "=AFRONDEN((B1-B2)*0,127;2)"],
  ["=(B1-B2)*12.7%", "=(B1-B2)*12,7%"],
  ["=IF(A1,TRUE,FALSE)", "=ALS(A1;WAAR;ONWAAR)"],
  ["=IFERROR(A1/B1,#N/A)", "=ALS.FOUT(A1/B1;#N/B)"],
  ['=CONCATENATE("1,5; 2",A1)', '=TEKST.SAMENVOEGEN("1,5; 2";A1)'], // text stays as it is
  ["=SUM((A1:A2,B1:B2))", "=SOM((A1:A2;B1:B2))"], // a union too
  ["=NL.KIA($B$1,C2)", "=NL.KIA($B$1;C2)"],
  ["=UNKNOWNFN(1.5,2)", "=UNKNOWNFN(1,5;2)"],
  // an array constant's separators depend on Windows' settings: left in the file's notation
  ["=SUM({1.5,2})", "=SUM({1.5,2})"],
  ["2123", "2123"], // a constant
])("%s -> %s", (file, dutch) => {
  expect(dutchFormula(file, host)).toBe(dutch);
});

test("relative references keep pointing at the same cells", () => {
  expect(dutchFormula("=B5*2+C$1", { row: 5, col: 3 })).toBe("=B5*2+C$1");
});

test("what the report shows, eval reads back to the same value", () => {
  for (const file of [
    "=ROUND(NL.MKBVRIJ(2025,50000,2470),2)",
    "=IF(NL.URENCRITERIUM(1300,1000),NL.ZELFSTANDIGENAFTREK(2025,TRUE,1000.5),0)",
    '=NL.PARAMETER(2025,"zelfstandigenaftrek")*0.5',
  ]) {
    expect(formatValue(evaluateFormula(dutchFormula(file, host)))).toBe(formatValue(evaluateFormula(file)));
  }
});
