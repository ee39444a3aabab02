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
import { AreaRead, COVERED, growingAreaNodes, WHOLE } from "../../../src/engine/plan/growingAreas";
import { DEPENDENT_OF_KEPT } from "../../../src/engine/plan/routes";
import { recalcFile } from "../../../src/engine/recalcFile";
import { openWorkbook } from "../../../src/workbook/workbookReader";
import { f, row, s, v, writeWorkbookFile } from "../../helpers/xlsx";

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

test("a running total over a cell that keeps Excel's value: the totals from that row on keep theirs too", async () => {
  // C r = NL.KIA(2025; B r) with B r = 10.000: 2.800; C25 reads B25 through INDIRECT, which only
  // Excel can follow, and keeps its value. D r = SUM($C$2:C r): D2..D24 are 2.800 x (r - 1).
  const rows: string[] = [];
  for (let r = 2; r <= 41; r++) {
    const b = r === 25 ? `INDIRECT("B25")` : `B${r}`;
    rows.push(
      row(
        r,
        v(`B${r}`, 10000),
        f(`C${r}`, `_xldudf_NL_KIA(2025,${b})`),
        `<c r="D${r}"><f>SUM($C$2:C${r})</f><v>-1</v></c>`,
      ),
    );
  }
  const { report, value } = await recalc(rows);
  const reasons = new Map(report.notRecalculated.map((note) => [note.cell, note.reason]));
  expect(reasons.get("Blad1!C25")).toMatch(/INDIRECT/);
  for (let r = 25; r <= 41; r++) expect(reasons.get(`Blad1!D${r}`)).toBe(DEPENDENT_OF_KEPT);
  expect(reasons.size).toBe(18);
  expect(value(24, 4)).toBe(64400); // 23 x 2.800
  expect(value(25, 4)).toBe(-1); // Excel's value, kept
});

test("a running total in one HyperFormula level with a cell it cannot decide: the totals from that row on keep their values", async () => {
  // E r = N(C r) + IFERROR(A r; 0) with C r = NL.KIA(2025; 10.000) = 2.800 and A r = 0, but A25 empty:
  // IFERROR of an empty cell is left to Excel (Excel's help reads it as ""). D r = SUM($E$2:E r) is
  // in the same HyperFormula level as E: D2..D24 are 2.800 x (r - 1), D25..D41 keep their values.
  const rows: string[] = [];
  for (let r = 2; r <= 41; r++)
    rows.push(
      row(
        r,
        ...(r === 25 ? [] : [v(`A${r}`, 0)]),
        v(`B${r}`, 10000),
        f(`C${r}`, `_xldudf_NL_KIA(2025,B${r})`),
        `<c r="D${r}"><f>SUM($E$2:E${r})</f><v>-1</v></c>`,
        `<c r="E${r}"><f>N(C${r})+IFERROR(A${r},0)</f><v>-1</v></c>`,
      ),
    );
  const { report, value } = await recalc(rows);
  const reasons = new Map(report.notRecalculated.map((note) => [note.cell, note.reason]));
  expect(reasons.get("Blad1!E25")).toMatch(/lege cel/);
  for (let r = 25; r <= 41; r++) expect(reasons.get(`Blad1!D${r}`)).toBe(DEPENDENT_OF_KEPT);
  expect(reasons.size).toBe(18);
  expect(value(24, 5)).toBe(2800);
  expect(value(24, 4)).toBe(64400); // 23 x 2.800
  expect(value(41, 4)).toBe(-1);
});

/** Rows 2..41: A r 10.000 (A25 `a25` when given), B r = NL.KIA(2025; A r + 0), C r = NL.KIA(2025; $B$2:B r). */
function kiaSoFar(a25?: string): string[] {
  const rows: string[] = [];
  for (let r = 2; r <= 41; r++)
    rows.push(
      row(
        r,
        r === 25 && a25 !== undefined ? s(`A${r}`, a25) : v(`A${r}`, 10000),
        f(`B${r}`, `_xldudf_NL_KIA(2025,A${r}+0)`),
        `<c r="C${r}"><f>_xldudf_NL_KIA(2025,$B$2:B${r})</f><v>-1</v></c>`,
      ),
    );
  return rows;
}

test("the KIA of the investments so far (NL.KIA(2025; $B$2:B r)) over NL results, in one direct level", async () => {
  // B r = 28% x 10.000 = 2.800, each an investment in C r's range of r - 1 of them. KIA 2025: 0 up to
  // 2.900, 28% up to 70.602, then 19.769 up to 130.744.
  const { report, value } = await recalc(kiaSoFar());
  expect(report.notRecalculated).toEqual([]);
  expect(report.recalculated).toBe(80);
  expect(value(2, 3)).toBe(0); // 2.800: not above 2.900
  expect(value(3, 3)).toBe(1568); // 28% x 5.600
  expect(value(26, 3)).toBe(19600); // 28% x 70.000 (25 x 2.800)
  expect(value(27, 3)).toBe(19769); // 72.800: above 70.602
  expect(value(41, 3)).toBe(19769); // 112.000
});

test("... with a cell of the level left to Excel: the KIAs from that row on keep their values", async () => {
  // A25 is the text "1-1-2025", a date only in some languages: B25 is left to Excel, and so is every
  // C r that reads it (r >= 25). C24 = 28% x 23 x 2.800 = 28% x 64.400 = 18.032.
  const { report, value } = await recalc(kiaSoFar("1-1-2025"));
  const reasons = new Map(report.notRecalculated.map((note) => [note.cell, note.reason]));
  expect(reasons.get("Blad1!B25")).toMatch(/tekst die Excel als getal of datum kan lezen/);
  for (let r = 25; r <= 41; r++) expect(reasons.get(`Blad1!C${r}`)).toBe(DEPENDENT_OF_KEPT);
  expect(reasons.size).toBe(18);
  expect(value(24, 3)).toBe(18032);
  expect(value(26, 2)).toBe(2800);
  expect(value(26, 3)).toBe(-1);
});

describe("growingAreaNodes", () => {
  const area = (r1: number, r2: number, c1 = 2, c2 = 2, sheet = 0) => ({ sheet, r1, c1, r2, c2 });
  /** For each read: its node written out (rest and previous node's rest), or WHOLE / COVERED. */
  function steps(reads: AreaRead[]) {
    const { nodes, nodeOf } = growingAreaNodes(reads);
    return Array.from(nodeOf, (node) =>
      node < 0
        ? node
        : { rest: nodes[node].rest, after: nodes[node].previous < 0 ? null : nodes[nodes[node].previous].rest },
    );
  }

  test("each area's node adds the rows below the next smaller one's, whatever the order given", () => {
    expect(
      steps([
        { id: 7, index: 0, area: area(2, 40) },
        { id: 5, index: 0, area: area(2, 20) },
        { id: 6, index: 1, area: area(2, 30) },
      ]),
    ).toEqual([
      { rest: area(31, 40), after: area(21, 30) },
      { rest: area(2, 20), after: null }, // the smallest: its whole area
      { rest: area(21, 30), after: area(2, 20) },
    ]);
  });

  test("areas growing up from one bottom row: each node adds the rows above the next smaller one's", () => {
    expect(
      steps([
        { id: 1, index: 0, area: area(30, 100) },
        { id: 2, index: 0, area: area(10, 100) },
        { id: 3, index: 0, area: area(20, 100) },
      ]),
    ).toEqual([
      { rest: area(30, 100), after: null },
      { rest: area(10, 19), after: area(20, 29) },
      { rest: area(20, 29), after: area(30, 100) },
    ]);
  });

  test("an area that shares neither row with another of at least 16 rows is in no group", () => {
    expect(
      steps([
        { id: 1, index: 0, area: area(2, 40) },
        { id: 2, index: 0, area: area(3, 41) },
        { id: 3, index: 0, area: area(2, 10) }, // too short to count
      ]),
    ).toEqual([WHOLE, WHOLE, WHOLE]);
  });

  test("another sheet or other columns is another group; a group of one has no nodes", () => {
    const { nodes, nodeOf } = growingAreaNodes([
      { id: 1, index: 0, area: area(2, 40) },
      { id: 3, index: 0, area: area(2, 40, 2, 3) },
      { id: 4, index: 0, area: area(2, 40, 2, 2, 1) },
    ]);
    expect(nodes).toEqual([]);
    expect(Array.from(nodeOf)).toEqual([WHOLE, WHOLE, WHOLE]);
  });

  test("a formula with two reads in one group keeps the larger; the smaller is covered by it", () => {
    expect(
      steps([
        { id: 1, index: 0, area: area(2, 20) },
        { id: 2, index: 0, area: area(2, 30) },
        { id: 1, index: 1, area: area(2, 40) },
      ]),
    ).toEqual([COVERED, { rest: area(2, 30), after: null }, { rest: area(31, 40), after: area(2, 30) }]);
  });

  test("formulas that read the same area share its node", () => {
    const { nodes, nodeOf } = growingAreaNodes([
      { id: 1, index: 0, area: area(2, 20) }, // SUM($B$2:B20) in C20
      { id: 2, index: 0, area: area(2, 20) }, // MAX($B$2:B20) in D20
      { id: 3, index: 0, area: area(2, 21) },
    ]);
    expect(nodes).toEqual([
      { rest: area(2, 20), previous: -1 },
      { rest: area(21, 21), previous: 0 },
    ]);
    expect(Array.from(nodeOf)).toEqual([0, 0, 1]);
  });

  test("a group growing down and one growing up over the same column have a chain each", () => {
    // D r = SUM($C$2:C r) + SUM(C r:$C$41), for r = 20 and 21: the down areas C2:C20 and C2:C21,
    // the up areas C20:C41 and C21:C41
    const c = (r1: number, r2: number) => area(r1, r2, 3, 3);
    const { nodes, nodeOf } = growingAreaNodes([
      { id: 20, index: 0, area: c(2, 20) },
      { id: 20, index: 1, area: c(20, 41) },
      { id: 21, index: 0, area: c(2, 21) },
      { id: 21, index: 1, area: c(21, 41) },
    ]);
    expect(nodes).toEqual([
      { rest: c(2, 20), previous: -1 },
      { rest: c(21, 21), previous: 0 },
      { rest: c(21, 41), previous: -1 },
      { rest: c(20, 20), previous: 2 },
    ]);
    expect(Array.from(nodeOf)).toEqual([0, 3, 1, 2]);
  });
});
