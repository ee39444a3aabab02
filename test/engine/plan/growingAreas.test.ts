/**
 * Long columns of formulas over NL results. Running totals (SUM($B$2:B2), SUM($B$2:B3), ... filled
 * down, and SUM(B2:$B$1001), SUM(B3:$B$1001), ...) are found, ordered and given to the engine by
 * growing areas, not by walking every cell above or below every formula: the same values, the right cells touched, and the steps of
 * growingAreaSteps written out. Lookups in a table of NL results (HyperFormula with its column
 * index) give the values of the table, and a chain through HyperFormula row by row its values.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { growingAreaSteps } from "../../../src/engine/plan/growingAreas";
import { recalcFile } from "../../../src/engine/recalcFile";
import { openWorkbook } from "../../../src/workbook/workbookReader";
import { f, row, v, writeWorkbookFile } from "../../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-totals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function recalc(rows: string[]) {
  const input = join(dir, `t${rows.length}.xlsx`);
  const output = join(dir, `t${rows.length}.uit.xlsx`);
  writeWorkbookFile(input, { sheets: [{ name: "Blad1", data: rows.join("") }] });
  const report = await recalcFile(input, output);
  const pkg = await openWorkbook(output);
  return { report, value: (r: number, c: number) => pkg.sheets[0].cells.get(r, c)?.value };
}

test("a column of 2.000 running totals over NL results (SUM: by HyperFormula)", async () => {
  const rows: string[] = [];
  for (let r = 2; r <= 2001; r++)
    rows.push(row(r, f(`B${r}`, "_xldudf_NL_KIA(2025,10000)"), `<c r="C${r}"><f>SUM($B$2:B${r})</f><v>0</v></c>`));
  const { report, value } = await recalc(rows);
  expect(report.recalculated).toBe(4000);
  expect(report.notRecalculated).toEqual([]);
  // every B is 28% x 10.000 = 2.800; C r is the sum of the r - 1 above and beside it
  expect(value(2, 3)).toBe(2800);
  expect(value(1000, 3)).toBe(2797200); // 999 x 2.800
  expect(value(2001, 3)).toBe(5600000); // 2.000 x 2.800
});

test("a column of 2.000 running maxima over NL results (MAX: by HyperFormula, as SUM)", async () => {
  const rows: string[] = [];
  for (let r = 2; r <= 2001; r++) {
    const amount = r === 1000 ? 20000 : 10000;
    rows.push(row(r, f(`B${r}`, `_xldudf_NL_KIA(2025,${amount})`), `<c r="C${r}"><f>MAX($B$2:B${r})</f><v>0</v></c>`));
  }
  const { report, value } = await recalc(rows);
  expect(report.recalculated).toBe(4000);
  expect(report.notRecalculated).toEqual([]);
  // every B is 28% x 10.000 = 2.800, but B1000: 28% x 20.000 = 5.600
  expect(value(2, 3)).toBe(2800);
  expect(value(999, 3)).toBe(2800);
  expect(value(1000, 3)).toBe(5600);
  expect(value(2001, 3)).toBe(5600);
});

test("only the totals at and below an NL result are touched; those above keep their values", async () => {
  const rows: string[] = [];
  for (let r = 2; r <= 101; r++) {
    const b = r === 50 ? f("B50", "_xldudf_NL_KIA(2025,10000)") : v(`B${r}`, 1);
    rows.push(row(r, b, `<c r="C${r}"><f>SUM($B$2:B${r})</f><v>-1</v></c>`));
  }
  const { report, value } = await recalc(rows);
  // B50 and C50..C101
  expect(report.recalculated).toBe(1 + 52);
  expect(value(49, 3)).toBe(-1);
  expect(value(50, 3)).toBe(48 + 2800); // B2..B49 are 1 each
  expect(value(101, 3)).toBe(99 + 2800); // 99 ones and 2.800
});

test("what is left: a column of totals from each row to the bottom (SUM(B2:$B$1001))", async () => {
  const rows: string[] = [];
  for (let r = 2; r <= 1001; r++)
    rows.push(row(r, f(`B${r}`, "_xldudf_NL_KIA(2025,10000)"), `<c r="C${r}"><f>SUM(B${r}:$B$1001)</f><v>0</v></c>`));
  const { report, value } = await recalc(rows);
  expect(report.recalculated).toBe(2000);
  expect(report.notRecalculated).toEqual([]);
  expect(value(2, 3)).toBe(2800000); // 1.000 x 2.800
  expect(value(992, 3)).toBe(28000); // rows 992..1001: 10 x 2.800
  expect(value(1001, 3)).toBe(2800);
});

test("a lookup per row in a table of NL results", async () => {
  const rows: string[] = [];
  // A: an amount, B: its KIA; C looks up the KIA of the amount two rows down
  for (let r = 2; r <= 501; r++) {
    rows.push(
      row(
        r,
        v(`A${r}`, 1000 * r),
        f(`B${r}`, `_xldudf_NL_KIA(2025,A${r})`),
        `<c r="C${r}"><f>VLOOKUP(${1000 * Math.min(r + 2, 501)},$A$2:$B$501,2,FALSE)</f><v>0</v></c>`,
      ),
    );
  }
  const { report, value } = await recalc(rows);
  expect(report.notRecalculated).toEqual([]);
  expect(value(2, 3)).toBe(1120); // the KIA of 4.000: 28% x 4.000
  expect(value(50, 3)).toBe(14560); // of 52.000: 28% x 52.000
  // of 302.000: 19.769 - 7,56% x (302.000 - 130.744) = 19.769 - 12.946,9536 = 6.822,0464
  expect(value(300, 3)).toBe(6822.05);
  expect(value(501, 3)).toBe(0); // of 501.000: above 392.230, no KIA
});

test("a chain that alternates an NL formula and a native one, row by row (one engine kept for all levels)", async () => {
  // B r = NL.KIA(2025; 3.000 + C r-1), C r = ROUND(B r / 2; 2): 600 levels, 300 of them HyperFormula's
  const rows: string[] = [row(1, v("C1", 0))];
  for (let r = 2; r <= 301; r++)
    rows.push(
      row(
        r,
        v(`A${r}`, 3000),
        f(`B${r}`, `_xldudf_NL_KIA(2025,A${r}+C${r - 1})`),
        `<c r="C${r}"><f>ROUND(B${r}/2,2)</f><v>0</v></c>`,
      ),
    );
  const { report, value } = await recalc(rows);
  expect(report.recalculated).toBe(600);
  expect(report.notRecalculated).toEqual([]);
  expect([value(2, 2), value(2, 3)]).toEqual([840, 420]); // 28% x 3.000, half of it
  expect([value(3, 2), value(3, 3)]).toEqual([957.6, 478.8]); // 28% x 3.420
  expect([value(4, 2), value(4, 3)]).toEqual([974.06, 487.03]); // 28% x 3.478,80 = 974,064
});

describe("growingAreaSteps", () => {
  const area = (r1: number, r2: number, c1 = 2, c2 = 2, sheet = 0) => ({ sheet, r1, c1, r2, c2 });

  test("each read walks the rows below the next smaller one, after its formula, whatever the order given", () => {
    const steps = growingAreaSteps([
      { id: 7, index: 0, area: area(2, 40) },
      { id: 5, index: 0, area: area(2, 20) },
      { id: 6, index: 1, area: area(2, 30) },
    ]);
    expect(steps.get(5)).toBeUndefined(); // the smallest: walked in full
    expect(steps.get(6)?.get(1)).toEqual({ rest: area(21, 30), previous: 5 });
    expect(steps.get(7)?.get(0)).toEqual({ rest: area(31, 40), previous: 6 });
  });

  test("areas growing up from one bottom row: each walks the rows above the next smaller one", () => {
    const steps = growingAreaSteps([
      { id: 1, index: 0, area: area(30, 100) },
      { id: 2, index: 0, area: area(10, 100) },
      { id: 3, index: 0, area: area(20, 100) },
    ]);
    expect(steps.get(1)).toBeUndefined(); // the smallest: walked in full
    expect(steps.get(3)?.get(0)).toEqual({ rest: area(20, 29), previous: 1 });
    expect(steps.get(2)?.get(0)).toEqual({ rest: area(10, 19), previous: 3 });
  });

  test("an area that shares neither row with another of at least 16 rows is in no group", () => {
    const steps = growingAreaSteps([
      { id: 1, index: 0, area: area(2, 40) },
      { id: 2, index: 0, area: area(3, 41) },
      { id: 3, index: 0, area: area(2, 10) }, // too short to count
    ]);
    expect(steps.size).toBe(0);
  });

  test("another sheet or other columns is another group; a group of one has no steps", () => {
    const steps = growingAreaSteps([
      { id: 1, index: 0, area: area(2, 40) },
      { id: 3, index: 0, area: area(2, 40, 2, 3) },
      { id: 4, index: 0, area: area(2, 40, 2, 2, 1) },
    ]);
    expect(steps.size).toBe(0);
  });

  test("a formula with two reads in one group keeps the larger; the smaller walks nothing", () => {
    const steps = growingAreaSteps([
      { id: 1, index: 0, area: area(2, 20) },
      { id: 2, index: 0, area: area(2, 30) },
      { id: 1, index: 1, area: area(2, 40) },
    ]);
    expect(steps.get(1)?.get(0)).toEqual({ rest: null, previous: -1 });
    expect(steps.get(1)?.get(1)).toEqual({ rest: area(31, 40), previous: 2 });
    expect(steps.get(2)).toBeUndefined();
  });
});
