/**
 * The headless engine gives a workbook's NL formulas the same values whether an empty cell reaches
 * them as `null` (Excel for the web, and the engine itself) or as 0 (older desktop Excel: the jest
 * project "desktop" sets NL_AFTREK_EMPTY_CELL=0): the three workbooks and the chain around
 * them, recalculated from a file (the direct evaluator) and in HyperFormula.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { createEngine } from "../../src/engine/hyperformula/hyperformula";
import { recalcFile } from "../../src/engine/recalcFile";
import { f, row, v, writeWorkbookFile } from "../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-empty-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Formulas over cells that are partly empty, and what each gives (the same in every Excel). */
const CASES: Array<[string, string, number | boolean]> = [
  // art. 3.76 lid 5: at most the winst in C5 (empty: 0); with startersaftrek no cap: 2.470
  ["H1", "_xldudf_NL_ZELFSTANDIGENAFTREK(2025,TRUE,C5)", 0],
  ["H2", "_xldudf_NL_ZELFSTANDIGENAFTREK(2025,TRUE,C5,TRUE)", 2470],
  // 80.000 in A2, B2 and C2 empty: in use, the KIA maximum of 2025 (19.769), nothing later
  ["H3", "_xldudf_NL_KIADITJAAR(2025,A2,B2,C2)", 19769],
  ["H4", "_xldudf_NL_KIALATER(2025,A2,B2,C2)", 0],
  // A2:A4 with two empty rows below the 80.000: the same
  ["H5", "_xldudf_NL_KIADITJAAR(2025,A2:A4,B2:B4,C2:C4)", 19769],
  // 2026: winst 1.500 - zelfstandigenaftrek 1.200 = 300 of the 970 open from 2025 (E2:F2), rows 3-4 empty
  ["H6", "_xldudf_NL_NGZVERREKENING(2026,1500,TRUE,E2:F4)", 300],
  ["H7", "_xldudf_NL_NGZRESTANT(2026,1500,TRUE,E2:F4)", 670],
  // an empty ondernemersaftrek (D9) and an empty so_uren in the chain: as 0
  ["H8", "_xldudf_NL_MKBVRIJ(2025,40000,D9)", 5080], // 12,7% x 40.000
  ["H9", "_xldudf_NL_BELASTBAREWINST(2025,40000,TRUE,D9,D9,D9)", 32763.69], // 40.000 - 2.470 - 4.766,31
  ["H10", "_xldudf_NL_URENCRITERIUM(1300,D9,D9,D9)", true],
];

test("recalculated from a file: every formula has its value", async () => {
  const file = join(dir, "leeg.xlsx");
  const out = join(dir, "leeg.uit.xlsx");
  writeWorkbookFile(file, {
    sheets: [
      {
        name: "Blad1",
        data: [
          row(2, v("A2", 80000), v("E2", 2025), v("F2", 970)),
          ...CASES.map(([address, formula], i) => row(i + 11, f(address.replace(/\d+$/, String(i + 11)), formula))),
        ].join(""),
      },
    ],
  });
  const summary = await recalcFile(file, out);
  expect(summary.errors).toEqual([]);
  const ws = new ExcelJS.Workbook();
  await ws.xlsx.readFile(out);
  const sheet = ws.getWorksheet("Blad1")!;
  expect(CASES.map(([, formula], i) => [formula, sheet.getCell(`H${i + 11}`).result])).toEqual(
    CASES.map(([, formula, expected]) => [formula, expected]),
  );
});

test("in HyperFormula: every formula has its value", () => {
  const sheet: (string | number | null)[][] = Array.from({ length: 12 }, () => Array(8).fill(null));
  sheet[1][0] = 80000;
  sheet[1][4] = 2025;
  sheet[1][5] = 970;
  CASES.forEach(([, formula], i) => (sheet[i][7] = `=${formula.replace(/_xldudf_NL_/g, "NL.")}`));
  const hf = createEngine({ Blad1: sheet });
  expect(CASES.map(([, formula], i) => [formula, hf.getCellValue({ sheet: 0, row: i, col: 7 })])).toEqual(
    CASES.map(([, formula, expected]) => [formula, expected]),
  );
});
