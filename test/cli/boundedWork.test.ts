/**
 * `nl-aftrek recalc` on any file: the rows of issue 31's table that are about the work a workbook
 * asks for, each with the file it needs made here. A range to the bottom or the edge of the sheet
 * costs its used area (the right value, memory under 1 GB); a cell that reads itself is listed as a
 * circular reference, never computed from its stale cache; a text a formula builds follows Excel's
 * 32.767 characters; a legal formula of 600 additions is computed, and a nesting message names
 * Excel's limit of 64 functions.
 *
 * KIA 2025 (art. 3.41 lid 2 Wet IB 2001): more than 2.900 up to 70.602 invested gives 28%.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseA1 } from "../../src/workbook/address";
import { openWorkbook } from "../../src/workbook/workbookReader";
import { runCli, runCliProcess } from "../helpers/cli";
import { entryText, f, row, TestWorkbook, v, writeWorkbookFile } from "../helpers/xlsx";

const base = mkdtempSync(join(tmpdir(), "nl-aftrek-begrensd-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

let count = 0;
/** A workbook written to a fresh folder; its path. */
function workbook(wb: TestWorkbook): string {
  const dir = join(base, `t${count++}`);
  mkdirSync(dir);
  const file = join(dir, "klant.xlsx");
  writeWorkbookFile(file, wb);
  return file;
}

const output = (file: string) => file.replace(/\.xlsx$/, ".herberekend.xlsx");

/** The values of the output's cells on its first sheet, as read back by the product's reader. */
async function valuesOf(file: string, ...refs: string[]) {
  const pkg = await openWorkbook(file);
  return refs.map((ref) => {
    const at = parseA1(ref)!;
    return pkg.sheets[0].cells.get(at.row, at.col)?.value;
  });
}

/** `<c r="A1">…</c>` of the output's first sheet, as written. */
const cellXml = (file: string, ref: string) =>
  new RegExp(`<c r="${ref}"[^>]*>.*?</c>`).exec(entryText(file, "xl/worksheets/sheet1.xml"))?.[0];

describe("`NL.KIA($A$1; SOM(B2:B1048576))`, or ranges to the bottom of the sheet", () => {
  test("computes the right values with memory under 1 GB, for the single formula and a column of them", async () => {
    // B2:B1001 hold 10 each: 10.000 in all. Every range below reaches the bottom or the edge of the
    // sheet; read cell by cell that is a million cells per formula, and 1.000 formulas of them.
    const rows = [row(1, v("A1", 2025), f("F1", "_xldudf_NL_KIA($A$1,SUM(B2:B1048576))"))];
    rows.push(
      row(
        2,
        v("B2", 10),
        f("C2", "_xldudf_NL_KIA($A$1,SUM($B$2:$B$1048576))"),
        f("D2", "_xldudf_NL_KIA($A$1,SUM(B:B)/2)"),
        f("F2", "MAX(C2:C1048576)"),
        f("G2", "_xldudf_NL_KIA($A$1,COUNTBLANK(B2:B1048576)/100)"),
        f("H2", "_xldudf_NL_KIA($A$1,SUM(A2:B1048576))"),
        f("I2", "_xldudf_NL_KIA($A$1,SUMPRODUCT(B2:B1048576,B2:B1048576)/10)"),
      ),
    );
    for (let r = 3; r <= 1001; r++)
      rows.push(
        row(
          r,
          v(`B${r}`, 10),
          f(`C${r}`, "_xldudf_NL_KIA($A$1,SUM($B$2:$B$1048576))"),
          f(`D${r}`, "_xldudf_NL_KIA($A$1,SUM(B:B)/2)"),
        ),
      );
    // To the edge of the sheet both ways, from another sheet: B's 10.000 (the rest cancels out).
    const edge = row(1, f("A1", "_xldudf_NL_KIA(2025,SUM(Blad1!A2:XFD1048576)-SUM(Blad1!C2:XFD1048576))"));
    const file = workbook({
      sheets: [
        { name: "Blad1", data: rows.join("") },
        { name: "Blad2", data: edge },
      ],
    });
    expect(statSync(file).size).toBeLessThan(64 * 1024);
    const { code, out, peakMB } = runCliProcess("recalc", file);
    expect(out).toContain("2.006 cel(len) herberekend");
    expect(code).toBe(0);
    expect(peakMB).toBeLessThan(1024);
    expect(await valuesOf(output(file), "F1", "C2", "C1001", "D2", "D1001", "F2", "G2", "H2", "I2")).toEqual([
      2800, // 28% x 10.000
      2800,
      2800,
      1400, // 28% x 5.000 (SOM(B:B)/2)
      1400,
      2800, // the largest of column C
      2933.21, // COUNTBLANK: 1.048.575 cells, 1.000 filled: 1.047.575 / 100 = 10.475,75; 28% = 2.933,21
      2800, // two columns to the bottom of the sheet: A2:A1048576 is empty, B holds 10.000
      2800, // SOMPRODUCT: 1.000 x 10 x 10 / 10 = 10.000
    ]);
    const pkg = await openWorkbook(output(file));
    expect(pkg.sheets[1].cells.get(1, 1)?.value).toBe(2800);
  }, 120000);
});

describe("`A1 = NL.KIA(2025; A1+10000)` (a cell that reads itself)", () => {
  // Excel stored 1 in A1 (what it shows for a circular reference is its last value); computed from
  // that stale cache, A1 would be 28% x 10.001 = 2.800,28.
  const selfReading = (calcPr?: string) =>
    workbook({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            `<c r="A1"><f>_xldudf_NL_KIA(2025,A1+10000)</f><v>1</v></c>`,
            `<c r="B1"><f>A1*2</f><v>2</v></c>`,
            v("C1", 10000),
            f("D1", "_xldudf_NL_KIA(2025,C1)"),
          ),
        },
      ],
      calcPr,
    });

  test("is listed as a circular reference naming the cell, not written from the stale cache, exit code 3", async () => {
    const file = selfReading();
    const { code, out } = await runCli("recalc", file);
    expect(code).toBe(3);
    expect(out).toContain("niet herberekend Blad1!A1: kringverwijzing: Blad1!A1 leest zichzelf");
    expect(out).toContain("niet herberekend Blad1!B1: hangt af van een cel die niet herberekend kan worden");
    expect(out).toContain("Excel rekent deze werkmap bij openen helemaal opnieuw door.");
    expect(cellXml(output(file), "A1")).toBe(`<c r="A1"><f>_xldudf_NL_KIA(2025,A1+10000)</f><v>1</v></c>`);
    expect(cellXml(output(file), "B1")).toBe(`<c r="B1"><f>A1*2</f><v>2</v></c>`);
    expect(await valuesOf(output(file), "D1")).toEqual([2800]); // the rest is done: 28% x 10.000
    expect(entryText(output(file), "xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
    // In --json, by cell, with the reason.
    const json = await runCli("recalc", file, "--json", "-o", join(base, "kring.xlsx"));
    expect(json.code).toBe(3);
    expect(JSON.parse(json.out).notRecalculated).toEqual([
      { cell: "Blad1!A1", reason: "kringverwijzing: Blad1!A1 leest zichzelf" },
      { cell: "Blad1!B1", reason: "hangt af van een cel die niet herberekend kan worden" },
    ]);
  });

  test("a ring through an NL formula in a script's workbook (no cache to trust) is listed the same way", async () => {
    const file = workbook({
      application: "openpyxl",
      sheets: [
        { name: "Blad1", data: row(1, f("A1", "_xldudf_NL_KIA(2025,Blad2!A1)")) },
        { name: "Blad2", data: row(1, f("A1", "Blad1!A1+10000")) },
      ],
    });
    const { code, out } = await runCli("recalc", file);
    expect(code).toBe(3);
    expect(out).toContain("kringverwijzing tussen Blad1!A1, Blad2!A1");
    expect(cellXml(output(file), "A1")).toBe(`<c r="A1"><f>_xldudf_NL_KIA(2025,Blad2!A1)</f></c>`);
  });

  test('with iterate="1" in calcPr the reason says NL Aftrek does not iterate', async () => {
    const file = selfReading('<calcPr calcId="191029" iterate="1" iterateCount="100" iterateDelta="0.001"/>');
    const { code, out } = await runCli("recalc", file);
    expect(code).toBe(3);
    expect(out).toContain(
      "niet herberekend Blad1!A1: kringverwijzing: Blad1!A1 leest zichzelf (de werkmap laat Excel iteratief rekenen; NL Aftrek rekent niet iteratief, Excel rekent deze cellen bij openen)",
    );
    expect(cellXml(output(file), "A1")).toBe(`<c r="A1"><f>_xldudf_NL_KIA(2025,A1+10000)</f><v>1</v></c>`);
    // The workbook's own setting stays; Excel iterates it on opening.
    expect(entryText(output(file), "xl/workbook.xml")).toMatch(/<calcPr [^>]*iterate="1"[^>]*fullCalcOnLoad="1"\/>/);
  });
});

describe('a dependent `REPT("x"; C1*100000)` of an NL cell', () => {
  test("is #VALUE! as in Excel (32.767 characters at most), and the output stays small and readable", async () => {
    // C1 = 28% x 10.000 = 2.800: REPT would make 280 million characters.
    const file = workbook({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            v("A1", 10000),
            f("C1", "_xldudf_NL_KIA(2025,A1)"),
            f("D1", 'REPT("x",C1*100000)', ' t="str"'),
            f("E1", 'REPT("x",C1+29967)', ' t="str"'), // 32.767 characters: Excel's limit, allowed
            f("F1", 'REPT("x",C1+29968)', ' t="str"'), // 32.768: one too many
            f("G1", 'REPT("x",C1*10)&REPT("y",C1*10)', ' t="str"'), // 28.000 and 28.000 joined
            f("H1", 'IFERROR(REPT("x",C1*100000),"te lang")', ' t="str"'),
          ),
        },
      ],
    });
    const { code, out } = await runCli("recalc", file);
    expect(code).toBe(0);
    expect(out).toContain("Blad1!D1: #VALUE! De tekst is langer dan 32.767 tekens");
    expect(statSync(output(file)).size).toBeLessThan(64 * 1024);
    const [c, d, e, fv, g, h] = await valuesOf(output(file), "C1", "D1", "E1", "F1", "G1", "H1");
    expect(c).toBe(2800);
    expect(d).toMatchObject({ error: "#VALUE!" });
    expect(e).toBe("x".repeat(32767));
    expect(fv).toMatchObject({ error: "#VALUE!" });
    expect(g).toMatchObject({ error: "#VALUE!" });
    expect(h).toBe("te lang");
    expect(cellXml(output(file), "D1")).toBe(`<c r="D1" t="e"><f>REPT(&quot;x&quot;,C1*100000)</f><v>#VALUE!</v></c>`);
    // What was written is read again, and recalculated again to the same bytes.
    const again = await runCli("recalc", output(file), "-o", join(base, "rept-opnieuw.xlsx"));
    expect(again.code).toBe(0);
    expect(entryText(join(base, "rept-opnieuw.xlsx"), "xl/worksheets/sheet1.xml")).toBe(
      entryText(output(file), "xl/worksheets/sheet1.xml"),
    );
  });
});

describe("more than 500 `+` operators in one legal formula", () => {
  const additions = (n: number, term: string) => Array.from({ length: n }, () => term).join("+");

  test("600 additions in a cell are computed (Excel limits nesting, not operators)", async () => {
    // A1 = 20: 600 x 20 = 12.000, 28% = 3.360; 4.000 additions of 3: 12.000 as well.
    const file = workbook({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            v("A1", 20),
            f("B1", `_xldudf_NL_KIA(2025,${additions(600, "A1")})`),
            f("C1", `_xldudf_NL_KIA(2025,${additions(4000, "3")})`),
          ),
        },
      ],
    });
    const { code, out } = await runCli("recalc", file);
    expect(out).not.toContain("niveaus");
    expect(code).toBe(0);
    expect(await valuesOf(output(file), "B1", "C1")).toEqual([3360, 3360]);
    // And typed in Dutch in eval.
    const typed = await runCli("eval", `=NL.KIA(2025; ${additions(600, "20")})`);
    expect([typed.code, typed.out]).toEqual([0, "3360\n"]);
  });

  test("a nesting message names Excel's limit of 64 nested functions", async () => {
    const nested = (n: number) => `${"ABS(".repeat(n)}A1${")".repeat(n)}`;
    const file = workbook({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            v("A1", 10000),
            f("B1", `_xldudf_NL_KIA(2025,${nested(63)})`), // 64 functions with NL.KIA: allowed
            `<c r="C1"><f>_xldudf_NL_KIA(2025,${nested(64)})</f><v>7</v></c>`, // 65
          ),
        },
      ],
    });
    const { code, out } = await runCli("recalc", file);
    expect(code).toBe(3);
    expect(await valuesOf(output(file), "B1", "C1")).toEqual([2800, 7]);
    expect(out).toContain(
      "niet herberekend Blad1!C1: onleesbare formule (de formule nest meer dan 64 functies in elkaar; Excel staat ten hoogste 64 niveaus toe)",
    );
    const typed = await runCli("eval", `=${"ABS(".repeat(65)}1${")".repeat(65)}`);
    expect(typed.code).toBe(1);
    expect(typed.err).toContain(
      "de formule nest meer dan 64 functies in elkaar; Excel staat ten hoogste 64 niveaus toe",
    );
  });
});
