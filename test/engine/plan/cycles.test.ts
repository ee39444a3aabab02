/**
 * Circular references around growing areas (running totals and what is left, see growingAreas.ts):
 * a column whose formulas read one area growing down and one growing up over the same column is
 * no circular reference, and Excel computes it; a formula whose own cell is in the area it reads
 * is one, and is listed with exactly the cells of its ring.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recalcFile } from "../../../src/engine/recalcFile";
import { DEPENDENT_OF_KEPT } from "../../../src/engine/plan/routes";
import { openWorkbook } from "../../../src/workbook/workbookReader";
import { f, row, v, writeWorkbookFile } from "../../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-cycles-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function recalc(rows: string[]) {
  const input = join(dir, `w${++files}.xlsx`);
  const output = join(dir, `w${files}.uit.xlsx`);
  writeWorkbookFile(input, { sheets: [{ name: "Blad1", data: rows.join("") }] });
  const report = await recalcFile(input, output);
  const pkg = await openWorkbook(output);
  return {
    report,
    value: (ref: string) => pkg.sheets[0].cells.get(Number(ref.slice(1)), ref.charCodeAt(0) - 64)?.value,
  };
}

/** Rows 2..41: B an investment, C its KIA of 2025, and the formula `other(r)` in D (each with a cached 0). */
function kiaColumn(investment: (r: number) => number, other: (r: number) => string | null): string[] {
  const rows: string[] = [];
  for (let r = 2; r <= 41; r++) {
    const d = other(r);
    rows.push(
      row(
        r,
        v(`B${r}`, investment(r)),
        f(`C${r}`, `_xldudf_NL_KIA(2025,B${r})`),
        ...(d ? [`<c r="D${r}"><f>${d}</f><v>0</v></c>`] : []),
      ),
    );
  }
  return rows;
}

describe("no circular reference", () => {
  test("a running total plus what is left over one column (SUM($C$2:C2)+SUM(C2:$C$41), filled down)", async () => {
    // B r = 3.000 + 100 x r (3.200 .. 7.100), each between 2.901 and 70.602: C r = 28% x B r = 840 + 28 x r
    // (C2 = 896, C41 = 1.988). D r counts C r twice: the total of C2..C41 plus C r.
    // Total: 40 x 840 + 28 x (2 + ... + 41) = 33.600 + 28 x 860 = 57.680; D r = 57.680 + 840 + 28 x r.
    const { report, value } = await recalc(
      kiaColumn(
        (r) => 3000 + 100 * r,
        (r) => `SUM($C$2:C${r})+SUM(C${r}:$C$41)`,
      ),
    );
    expect(report.notRecalculated).toEqual([]);
    expect(report.recalculated).toBe(80);
    expect([value("C2"), value("C41")]).toEqual([896, 1988]);
    expect(value("D2")).toBe(58576); // 57.680 + 896
    expect(value("D18")).toBe(59024); // 57.680 + 840 + 504: the first row whose area above is a growing one
    expect(value("D25")).toBe(59220); // 57.680 + 840 + 700: the last whose area below is
    expect(value("D41")).toBe(59668); // 57.680 + 1.988
  });

  test("a whole column plus what is left (SUM(C:C)+MAX(C2:C1048576), filled down)", async () => {
    // B r = 3.000 + 100 x (42 - r) (7.000 .. 3.100): C r = 840 + 28 x (42 - r), falling (C2 = 1.960,
    // C41 = 868), so MAX(C r:C1048576) = C r. SUM(C:C) = 40 x 840 + 28 x (1 + ... + 40) = 33.600 +
    // 22.960 = 56.560; D r = 56.560 + C r.
    const { report, value } = await recalc(
      kiaColumn(
        (r) => 3000 + 100 * (42 - r),
        (r) => `SUM(C:C)+MAX(C${r}:C1048576)`,
      ),
    );
    expect(report.notRecalculated).toEqual([]);
    expect(report.recalculated).toBe(80);
    expect(value("D2")).toBe(58520); // 56.560 + 1.960
    expect(value("D20")).toBe(58016); // 56.560 + 840 + 28 x 22 = 56.560 + 1.456
    expect(value("D41")).toBe(57428); // 56.560 + 868
  });

  test("running totals that read the running totals above them (SUM($C$2:C r)+SUM($D$1:D r-1))", async () => {
    // B r = 10.000: C r = 2.800. D2 = 2.800; D r = 2.800 x (r - 1) + D2 + ... + D r-1, so D r = 2 x D r-1 + 2.800:
    // D r = 2.800 x (2^(r-1) - 1); D20 = 2.800 x 524.287 = 1.468.003.600.
    const { report, value } = await recalc(
      kiaColumn(
        () => 10000,
        (r) => `SUM($C$2:C${r})+SUM($D$1:D${r - 1})`,
      ),
    );
    expect(report.notRecalculated).toEqual([]);
    expect(value("D2")).toBe(2800);
    expect(value("D3")).toBe(8400); // 5.600 + 2.800
    expect(value("D20")).toBe(1468003600);
  });
});

describe("a circular reference through a growing area", () => {
  test("is listed with the cells of its ring only, not with the totals between them", async () => {
    // E r = SUM($C$2:C r); C30 reads E35, whose area holds C30: the ring is C30 and E35. E30..E41
    // read C30 (E35 is on the ring itself); E2..E29 do not and are computed: with C r = 840 + 28 x r
    // (B r = 3.000 + 100 x r), E29 = 28 x 840 + 28 x (2 + ... + 29) = 23.520 + 12.152 = 35.672.
    const rows: string[] = [];
    for (let r = 2; r <= 41; r++) {
      const c = f(`C${r}`, `_xldudf_NL_KIA(2025,${r === 30 ? "E35" : `B${r}`})`);
      rows.push(row(r, v(`B${r}`, 3000 + 100 * r), c, `<c r="E${r}"><f>SUM($C$2:C${r})</f><v>0</v></c>`));
    }
    const { report, value } = await recalc(rows);
    const ring = "kringverwijzing tussen Blad1!C30, Blad1!E35";
    const reasons = new Map(report.notRecalculated.map((note) => [note.cell, note.reason]));
    expect(reasons.get("Blad1!C30")).toBe(ring);
    expect(reasons.get("Blad1!E35")).toBe(ring);
    for (let r = 30; r <= 41; r++) if (r !== 35) expect(reasons.get(`Blad1!E${r}`)).toBe(DEPENDENT_OF_KEPT);
    expect(reasons.size).toBe(13);
    expect(value("E29")).toBe(35672);
    expect(value("E30")).toBe(0); // Excel's cached value, kept
  });

  test("a column whose formulas each read the whole column is one ring of all its cells", async () => {
    // C r = NL.KIA(2025; B r + SUM($C$2:$C$41)): every C reads every other.
    const rows: string[] = [];
    for (let r = 2; r <= 41; r++)
      rows.push(row(r, v(`B${r}`, 10000), f(`C${r}`, `_xldudf_NL_KIA(2025,B${r}+SUM($C$2:$C$41))`)));
    const { report } = await recalc(rows);
    const ring = "kringverwijzing tussen Blad1!C2, Blad1!C3, Blad1!C4, Blad1!C5, Blad1!C6 en nog 35";
    expect(report.notRecalculated).toHaveLength(40);
    for (const note of report.notRecalculated) expect(note.reason).toBe(ring);
  });

  test("each cell of a running total over its own column reads itself", async () => {
    // D r = C r + SUM($D$2:D r): the area of each holds its own cell.
    const { report, value } = await recalc(
      kiaColumn(
        () => 10000,
        (r) => `C${r}+SUM($D$2:D${r})`,
      ),
    );
    const reasons = new Map(report.notRecalculated.map((note) => [note.cell, note.reason]));
    expect(reasons.size).toBe(40);
    expect(reasons.get("Blad1!D2")).toBe("kringverwijzing: Blad1!D2 leest zichzelf");
    expect(reasons.get("Blad1!D30")).toBe("kringverwijzing: Blad1!D30 leest zichzelf");
    expect(value("C30")).toBe(2800); // 28% x 10.000: the NL formulas are computed
  });
});
