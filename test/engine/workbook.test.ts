/**
 * The template workbooks of test/fixtures (made by scripts/make-fixtures.js) recalculated, and
 * read back with an independent reader (exceljs). Their formulas are stored as Excel stores them
 * (_xldudf_NL_...) without cached results.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import Decimal from "decimal.js";
import { recalcFile } from "../../src/engine/recalcFile";
import { NL_FUNCTIONS } from "../../src/functions/registry";

const fixtures = join(__dirname, "../fixtures");
const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-wb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function recalcFixture(name: string) {
  const summary = await recalcFile(join(fixtures, name), join(dir, name));
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(join(dir, name));
  return { summary, written };
}

/** The cached result as stored in the file (cell.result keeps 0 and FALSE). */
const result = (ws: ExcelJS.Worksheet, address: string): unknown => ws.getCell(address).result;

describe("zzp'er's year overview", () => {
  let ws: ExcelJS.Worksheet;
  let summary: Awaited<ReturnType<typeof recalcFixture>>["summary"];
  beforeAll(async () => {
    const r = await recalcFixture("zzp-jaaroverzicht.xlsx");
    summary = r.summary;
    ws = r.written.getWorksheet("Overzicht")!;
  });

  test("every NL formula, its dependents and the uncached sums it reads evaluated without an error", () => {
    expect(summary.formulas).toBe(15);
    // 10 NL formulas, 3 native dependents (B5, B11, B15) and the two hour totals they read (no cached value)
    expect(summary.nlFormulas).toBe(10);
    expect(summary.recalculated).toBe(15);
    expect(summary.errors).toEqual([]);
    expect(summary.notRecalculated).toEqual([]);
  });

  test("the chain to the cent", () => {
    // investments: 1.450 + 22.000 + 600 + 8.000 = 32.050 (the chair of 380 does not count) -> 28% = 8.974;
    // the machine (8.000, paid 1.000, not in use) carries 8.974 x 8.000 / 32.050 = 2.240 > 1.000 paid
    expect(result(ws, "B3")).toBe(7734); // 8.974 - 1.240
    expect(result(ws, "B4")).toBe(1240);
    expect(result(ws, "B5")).toBe(44266); // 52.000 - 7.734
    expect(result(ws, "B6")).toBe(true); // 11 x 116 + 40 = 1.316 hours
    expect(result(ws, "B7")).toBe(2470);
    expect(result(ws, "B8")).toBe(0); // no starter
    expect(result(ws, "B9")).toBe(5308.09); // 12,7% x 41.796 = 5.308,092
    expect(result(ws, "B10")).toBe(36487.91); // 41.796 - 5.308,09
    expect(result(ws, "B11")).toBe(36487.91); // the native control formula agrees
    // box 1: (8,17% + 27,65%) x 36.487,91 = 2.981,0622 + 10.088,9071 = 13.069,97
    expect(result(ws, "B12")).toBe(13069.97);
    expect(result(ws, "B13")).toBe(0); // far below the top bracket
    expect(result(ws, "B14")).toBe(2470);
    expect(result(ws, "B15")).toBe(false); // _xlfn.XOR(TRUE, TRUE)
  });

  test("formulas keep Excel's spelling; styles, number formats and widths stay", () => {
    expect(ws.getCell("B3").formula).toBe(
      "_xldudf_NL_KIADITJAAR(B1,Investeringen!B2:B6,Investeringen!C2:C6,Investeringen!D2:D6)",
    );
    expect(ws.getCell("B15").formula).toBe("_xlfn.XOR(B6,TRUE)");
    expect(ws.getCell("B10").numFmt).toBe("€ #,##0.00;[Red]-€ #,##0.00");
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getCell("A1").font?.bold).toBe(true);
  });
});

describe("partnership (vof) with shared formulas", () => {
  test("each partner's KIA share and chain", async () => {
    const { summary, written } = await recalcFixture("vof.xlsx");
    const ws = written.getWorksheet("Vof")!;
    expect(summary.errors).toEqual([]);
    // B6 = SUM(B2:B5) is read by no NL formula: it keeps what the file had (nothing)
    expect(result(ws, "B6")).toBeUndefined();
    // KIA over the whole 80.000: 19.769; Anna 60% = 11.861,40; Bram 40% = 7.907,60
    expect(result(ws, "D10")).toBe(11861.4);
    expect(result(ws, "D11")).toBe(7907.6);
    expect(result(ws, "E10")).toBe(60138.6); // 72.000 - 11.861,40
    expect(result(ws, "E11")).toBe(40092.4); // 48.000 - 7.907,60
    expect(result(ws, "G11")).toBe(false); // Bram 1.100 hours
    // Anna: 60.138,60 - 2.470 = 57.668,60; MKB 7.323,91; Bram: no zelfstandigenaftrek, MKB 5.091,73
    expect(result(ws, "H10")).toBe(50344.69);
    expect(result(ws, "H11")).toBe(35000.67);
    expect(ws.getCell("D11").formulaType).toBe(ExcelJS.FormulaType.Shared);
  });
});

describe("a bookkeeper's client list of 1.000 rows", () => {
  let ws: ExcelJS.Worksheet;
  let summary: Awaited<ReturnType<typeof recalcFixture>>["summary"];
  beforeAll(async () => {
    const r = await recalcFixture("klantenlijst.xlsx");
    summary = r.summary;
    ws = r.written.getWorksheet("Klanten")!;
  }, 60000);

  test("5.000 NL formulas, no errors", () => {
    expect(summary.nlFormulas).toBe(5000);
    expect(summary.recalculated).toBe(5000);
    expect(summary.errors).toEqual([]);
  });

  test("the worked examples in the first rows", () => {
    // 2025 winst 40.000, 1.400 hours: 40.000 - 2.470 - 4.766,31
    expect(result(ws, "K2")).toBe(32763.69);
    // box 1 over 32.763,69: 35,82% = 11.735,95
    expect(result(ws, "L2")).toBe(11735.95);
    // a loss without urencriterium: -10.000 + 1.270
    expect(result(ws, "K3")).toBe(-8730);
    expect(result(ws, "L3")).toBe(0);
  });

  test("every row agrees with the functions called directly (the engine adds nothing of its own)", () => {
    for (let r = 4; r <= 1001; r += 37) {
      const v = (c: string) => ws.getCell(`${c}${r}`).value as number | boolean;
      const uc = NL_FUNCTIONS.URENCRITERIUM(v("D"), 0, v("E"));
      const kia = NL_FUNCTIONS.KIA(v("B"), [[v("G")]]) as number;
      const winst = new Decimal(v("C") as number).minus(kia).toNumber();
      expect(result(ws, `H${r}`)).toBe(uc);
      expect(result(ws, `I${r}`)).toBe(kia);
      expect(result(ws, `K${r}`)).toBe(NL_FUNCTIONS.BELASTBAREWINST(v("B"), winst, uc, v("E"), v("F")));
    }
  });
});
