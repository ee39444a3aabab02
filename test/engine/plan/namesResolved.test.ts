/**
 * Plan step "resolve names": a defined name is written out once per formula and sheet, and the
 * whole recalculation (what a formula reads, which evaluator takes it, what HyperFormula is given)
 * follows from that one tree.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { NamesResolved } from "../../../src/engine/plan/namesResolved";
import { Formula } from "../../../src/workbook/formula/ast";
import { printNode } from "../../../src/workbook/formula/print";
import { openWorkbook } from "../../../src/workbook/workbookReader";
import { CellFormula, isSyntaxError, WorkbookReferences } from "../../../src/workbook/references";
import { recalculator } from "../../helpers/recalc";
import { f, row, v, writeWorkbookFile, TestWorkbook } from "../../helpers/xlsx";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "nl-aftrek-names-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The formula of Blad1's `cell` with its names written out, printed, or the reason it cannot be. */
async function resolved(wb: TestWorkbook, cell = "A1", sheet = 0): Promise<string> {
  const file = join(dir, `wb${Math.random().toString(36).slice(2)}.xlsx`);
  writeWorkbookFile(file, wb);
  const pkg = await openWorkbook(file);
  const refs = new WorkbookReferences(pkg);
  const info = pkg.sheets[sheet];
  const at = info.cells.values().find((c) => `${String.fromCharCode(64 + c.col)}${c.row}` === cell)!;
  const formula: CellFormula = new NamesResolved(refs).formula(refs.formulaOf(info, at)!, sheet);
  if (isSyntaxError(formula)) return `onleesbaar: ${formula.syntaxError}`;
  const text = printNode((formula as Formula).node, { host: at, functionName: (c) => c });
  return formula.info.unsupported ? `${text} | ${formula.info.unsupported}` : text;
}

describe("names written out", () => {
  test("a name becomes its formula in brackets, with its own names written out too", async () => {
    const text = await resolved({
      names: '<definedName name="Tarief">Blad1!$B$1+Opslag</definedName><definedName name="Opslag">0.02</definedName>',
      sheets: [{ name: "Blad1", data: row(1, f("A1", "Tarief*C1"), v("B1", 0.28)) }],
    });
    expect(text).toBe("('Blad1'!$B$1+(0.02))*C1");
  });

  test("a relative reference in a name stays relative to the cell that uses it", async () => {
    // A file stores a name's relative reference as seen from A1: Buur = B1 is "the cell one column
    // to the right". Used in A2 it is B2.
    const text = await resolved(
      {
        names: '<definedName name="Buur">Blad1!B1</definedName>',
        sheets: [{ name: "Blad1", data: row(2, f("A2", "Buur*2")) }],
      },
      "A2",
    );
    expect(text).toBe("('Blad1'!B2)*2");
  });

  test("a sheet's own name used from another sheet reads that sheet", async () => {
    // Blad2's Tarief is $B$1+1 without a sheet: used on Blad1 as Blad2!Tarief it reads Blad2!$B$1.
    const text = await resolved({
      names: '<definedName name="Tarief" localSheetId="1">$B$1+1</definedName>',
      sheets: [
        { name: "Blad1", data: row(1, f("A1", "Blad2!Tarief*10")) },
        { name: "Blad2", data: row(1, v("B1", 3)) },
      ],
    });
    expect(text).toBe("('Blad2'!$B$1+1)*10");
  });

  test("an unknown name is #NAME?, as in Excel", async () => {
    const text = await resolved({ sheets: [{ name: "Blad1", data: row(1, f("A1", "Onbekend+1")) }] });
    expect(text).toBe("#NAME?+1");
  });

  test("names that refer to each other, or double at every step, keep the cell's value with a reason", async () => {
    const loop = await resolved({
      names: '<definedName name="Aa">Bb</definedName><definedName name="Bb">Aa+1</definedName>',
      sheets: [{ name: "Blad1", data: row(1, f("A1", "Aa")) }],
    });
    expect(loop).toMatch(/\| namen die naar elkaar verwijzen$/);
    // Stap_1 = Stap_2+Stap_2, ... Stap_18 = 1: 2^17 copies of Stap_18 when written out.
    const names = Array.from(
      { length: 17 },
      (_, i) => `<definedName name="Stap_${i + 1}">Stap_${i + 2}+Stap_${i + 2}</definedName>`,
    );
    const doubling = await resolved({
      names: names.join("") + '<definedName name="Stap_18">1</definedName>',
      sheets: [{ name: "Blad1", data: row(1, f("A1", "Stap_1")) }],
    });
    expect(doubling).toMatch(/\| namen die samen een te grote formule vormen$/);
  });
});

describe("a recalculation reads through names", () => {
  test("an NL formula over a name of another sheet, and a native formula over a name, are computed", async () => {
    const recalc = recalculator(dir);
    const { value, report } = await recalc({
      names:
        '<definedName name="Bedrag" localSheetId="1">$A$1*2</definedName><definedName name="Kia">Blad1!$A$1</definedName>',
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            `<c r="A1"><f>_xldudf_NL_KIA(2025,Blad2!Bedrag)</f><v>0</v></c>`,
            `<c r="B1"><f>ROUND(Kia/3,2)</f><v>0</v></c>`,
          ),
        },
        { name: "Blad2", data: row(1, v("A1", 5000)) },
      ],
    });
    // KIA 2025 over 2 x 5.000 = 10.000: 28% = 2.800; B1 = ROUND(2.800 / 3; 2) = 933,33.
    expect(value(0, "A1")).toBe(2800);
    expect(value(0, "B1")).toBe(933.33);
    expect(report.notRecalculated).toEqual([]);
  });
});
