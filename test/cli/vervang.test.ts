/**
 * `nl-aftrek controleer --vervang`: a copy in which the hard-coded tax numbers are NL formulas,
 * recalculated, with a report that proves it. Each replaced cell keeps its value to the cent where
 * its number was current and differs exactly where the report says it was stale (or reads a cell
 * that was); nothing else in the file changes (the checks of `npm run fidelity`); the input is
 * never written. Expected values are the law's, worked out in the comments.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/workbook/package";
import { WorkbookReferences, isSyntaxError } from "../../src/workbook/references";
import { print } from "../../src/audit/suggest";
import { runCli } from "../helpers/cli";
import { entryText } from "../helpers/xlsx";
import { PROGNOSE, TemplateSheet, writeTemplate } from "../helpers/templates";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compare } = require("../../scripts/fidelity.js") as {
  compare(before: string, after: string, reach: Set<string>): Promise<Record<string, string[]>>;
};

const dir = mkdtempSync(join(tmpdir(), "nl-vervang-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonCell {
  cell: string;
  address: string;
  before: string;
  after: string;
  valueBefore: unknown;
  valueAfter: unknown;
  storedBefore?: unknown;
  equal: boolean;
  stale: boolean;
  outcome: string;
  reason: string;
}
interface JsonReport {
  counts: Record<string, number>;
  cells: JsonCell[];
  dependents: Array<{ cell: string; valueBefore: unknown; valueAfter: unknown; reason: string }>;
  skipped: Array<{ cell: string; reason: string }>;
  unmatched: string[];
  spelledOut: string[];
}
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as JsonReport;

/** The fidelity ids (`sheetIndex:row:col`) of the cells a report says changed. */
function reach(report: JsonReport): Set<string> {
  const id = (cell: string) => {
    const m = /!\$?([A-Z]+)\$?(\d+)$/.exec(cell)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return `0:${m[2]}:${col}`;
  };
  return new Set([...report.cells.map((c) => id(c.cell)), ...report.dependents.map((d) => id(d.cell))]);
}

describe("one template converted with proof", () => {
  const input = join(dir, "prognose.xlsx");
  const output = join(dir, "uit", "prognose.xlsx");
  let report: JsonReport;
  let before: Buffer;
  let mtime: number;

  beforeAll(async () => {
    await writeTemplate(input, [PROGNOSE]);
    before = readFileSync(input);
    mtime = statSync(input).mtimeMs;
    const { code, out, err } = await runCli("controleer", input, "--vervang", "-o", output, "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(out).files[0].report).toBe(join(dir, "uit", "prognose.rapport.md"));
    report = readJson(join(dir, "uit", "prognose.rapport.json"));
  });

  test("each replaced cell: what stood there, what stands there now, the value before and after", () => {
    const rows = report.cells.map((c) => [c.address, c.after, c.valueBefore, c.valueAfter, c.outcome]);
    expect(rows).toEqual([
      // art. 3.76 lid 2: the zelfstandigenaftrek is 1.200 in 2026 and 900 in 2027 (not 3.750, 2024's)
      ["B6", '=IF(NL.URENCRITERIUM(B5),NL.PARAMETER(B$3,"zelfstandigenaftrek"),0)', 3750, 1200, "verouderd"],
      ["C6", '=IF(NL.URENCRITERIUM(C5),NL.PARAMETER(C$3,"zelfstandigenaftrek"),0)', 3750, 900, "verouderd"],
      // art. 3.79a: 12,7% in 2026 and 2027 (14% was 2022/2023's), still as a whole percentage
      ["B8", '=NL.PARAMETER(B$3,"mkb_winstvrijstelling_percentage")*100', 14, 12.7, "verouderd"],
      ["C8", '=NL.PARAMETER(C$3,"mkb_winstvrijstelling_percentage")*100', 14, 12.7, "verouderd"],
      // 2026, art. 2.10 lid 1 and art. 11 Wfsv: 35,75%, 37,56%, 49,50%, bands to 38.883 and 78.426: current
      ["B11", '=NL.PARAMETER(B$3,"box1_tarief_schijf1_met_premie")*100', 35.75, 35.75, "gelijk"],
      ["B12", '=NL.PARAMETER(B$3,"box1_tarief_schijf2")*100', 37.56, 37.56, "gelijk"],
      ["B13", '=NL.PARAMETER(B$3,"box1_tarief_schijf3")*100', 49.5, 49.5, "gelijk"],
      ["B14", '=NL.PARAMETER(B$3,"box1_schijf1_einde")', 38883, 38883, "gelijk"],
      ["B15", '=NL.PARAMETER(B$3,"box1_schijf2_einde")', 78426, 78426, "gelijk"],
      // Zvw 2026 (4,85% to 79.409) is current; the cell reads B10, which changed:
      // (80.000 - 1.200) x (1 - 12,7%) = 68.792,40; x 4,85% = 3.336,4314 (was 65.575 x 4,85% = 3.180,3875)
      [
        "B17",
        '=MIN(B10,NL.PARAMETER(B$3,"zvw_maximum_bijdrage_inkomen"))*NL.PARAMETER(B$3,"zvw_percentage")',
        3180.3875,
        expect.closeTo(3336.4314, 9),
        "gevolg",
      ],
    ]);
    expect(report.cells[0]).toMatchObject({ before: "=IF(B5>=1225,3750,0)", stale: true, equal: false });
    expect(report.cells[0].reason).toBe(
      "verouderd voor 2026 (kolomkop Prognose!B3): 3.750 = zelfstandigenaftrek van 2024; in 2026 1.200",
    );
    expect(report.cells[9].reason).toBe(
      "volgt uit Prognose!B10, die een andere waarde kreeg; de getallen van deze cel zijn actueel voor 2026 (kolomkop Prognose!B3)",
    );
  });

  test("the values differ exactly where the report says the number was stale, or the cell reads one that changed", () => {
    for (const c of report.cells) {
      expect(c.equal).toBe(c.outcome === "gelijk");
      expect(c.stale).toBe(c.outcome === "verouderd");
      if (c.outcome === "gevolg") expect(c.reason).toMatch(/^volgt uit /);
    }
    expect(report.counts).toMatchObject({ replaced: 10, equal: 5, stale: 4, following: 1, unexplained: 0, errors: 0 });
  });

  test("the cells that depend on them, recalculated; the 2027 numbers the rules do not know yet left as they were", () => {
    expect(report.dependents.map((d) => [d.cell, d.valueBefore, d.valueAfter, d.reason])).toEqual([
      ["Prognose!B7", 76250, 78800, "volgt uit Prognose!B6"], // 80.000 - 1.200
      ["Prognose!C7", 81250, 84100, "volgt uit Prognose!C6"], // 85.000 - 900
      ["Prognose!B9", 10675, expect.closeTo(10007.6, 9), "volgt uit Prognose!B7, Prognose!B8"], // 78.800 x 12,7%
      ["Prognose!C9", 11375, expect.closeTo(10680.7, 9), "volgt uit Prognose!C7, Prognose!C8"], // 84.100 x 12,7%
      ["Prognose!B10", 65575, expect.closeTo(68792.4, 9), "volgt uit Prognose!B7, Prognose!B9"],
      ["Prognose!C10", 69875, expect.closeTo(73419.3, 9), "volgt uit Prognose!C7, Prognose!C9"],
      // 38.883 x 35,75% + (68.792,40 - 38.883) x 37,56% = 13.900,6725 + 11.233,970640
      ["Prognose!B16", expect.closeTo(23926.1877, 9), expect.closeTo(25134.64314, 9), "volgt uit Prognose!B10"],
      // 13.900,6725 + (73.419,30 - 38.883) x 37,56% = 13.900,6725 + 12.971,834280
      ["Prognose!C16", expect.closeTo(25541.2677, 9), expect.closeTo(26872.50678, 9), "volgt uit Prognose!C10"],
      // not replaced (the Zvw of 2027 is not known yet), but it reads C10: 73.419,30 x 4,85% = 3.560,836050
      ["Prognose!C17", 3388.9375, expect.closeTo(3560.83605, 9), "volgt uit Prognose!C10"],
    ]);
    expect(report.skipped.map((s) => s.cell)).toEqual([
      "Prognose!C11",
      "Prognose!C12",
      "Prognose!C13",
      "Prognose!C14",
      "Prognose!C15",
      "Prognose!C17",
    ]);
    expect(report.skipped[0].reason).toContain(
      "nog niet te controleren: de regels kennen box1_tarief_schijf1_met_premie voor 2027 nog niet (kolomkop Prognose!C3)",
    );
  });

  test("nothing else in the file changed, and the input is untouched", async () => {
    const diff = await compare(input, output, reach(report));
    expect(diff.lost).toEqual([]);
    expect(diff.added).toEqual([]);
    expect(diff.changedEntries).toEqual([]);
    expect(diff.formulasChanged).toEqual(report.cells.map((c) => c.cell));
    expect(diff.valuesChanged).toEqual([]);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
  });

  test("an independent reader sees the NL formulas and their values", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet("Prognose")!;
    expect(ws.getCell("B6").formula).toBe(
      'IF(_xldudf_NL_URENCRITERIUM(B5),_xldudf_NL_PARAMETER(B$3,"zelfstandigenaftrek"),0)',
    );
    expect(ws.getCell("B6").result).toBe(1200);
    expect(ws.getCell("C6").result).toBe(900);
    expect(ws.getCell("B8").result).toBe(12.7);
    expect(ws.getCell("C11").value).toBe(35.75); // not replaced: 2027 is not known yet
    expect(ws.getCell("B7").result).toBe(78800);
  });

  test("the Markdown report: per cell in Dutch, formulas as Dutch Excel shows them", () => {
    const md = readFileSync(join(dir, "uit", "prognose.rapport.md"), "utf8");
    expect(md).toContain(
      "10 cellen vervangen, 5 met dezelfde waarde, 4 anders omdat het getal verouderd was, 1 anders als gevolg daarvan, 6 niet vervangen.",
    );
    expect(md).toContain(
      '| Prognose | B6 | `=ALS(B5>=1225;3750;0)` | `=ALS(NL.URENCRITERIUM(B5);NL.PARAMETER(B$3;"zelfstandigenaftrek");0)` | 3.750 | 1.200 | verouderd voor 2026 (kolomkop Prognose!B3): 3.750 = zelfstandigenaftrek van 2024; in 2026 1.200 |',
    );
    expect(md).toContain(
      '| Prognose | B11 | `35,75` | `=NL.PARAMETER(B$3;"box1_tarief_schijf1_met_premie")*100` | 35,75 | 35,75 | gelijk; de getallen zijn actueel voor 2026 (kolomkop Prognose!B3) |',
    );
    expect(md).toContain("## Niet vervangen");
  });
});

describe("--alleen: a list of cells, ranges or parameters", () => {
  test("a parameter names its cells; a 2027 cell named explicitly is replaced and its #N/B explained", async () => {
    const input = join(dir, "alleen.xlsx");
    await writeTemplate(input, [PROGNOSE]);
    const output = join(dir, "alleen-uit.xlsx");
    const { code } = await runCli(
      "controleer",
      input,
      "--vervang",
      "-o",
      output,
      "--alleen",
      "zelfstandigenaftrek; Prognose!C11,Z99",
      "--json",
    );
    expect(code).toBe(0);
    const report = readJson(join(dir, "alleen-uit.rapport.json"));
    expect(report.cells.map((c) => [c.address, c.valueAfter, c.outcome])).toEqual([
      ["B6", 1200, "verouderd"],
      ["C6", 900, "verouderd"],
      ["C11", { error: "#N/A", message: expect.stringContaining("2027") }, "fout"],
    ]);
    expect(report.cells[2].reason).toBe(
      "de NL-formule geeft #N/B: de regels kennen box1_tarief_schijf1_met_premie voor 2027 (kolomkop Prognose!C3) nog niet",
    );
    expect(report.unmatched).toEqual(["Z99"]);
    expect(readFileSync(join(dir, "alleen-uit.rapport.md"), "utf8")).toContain("## Niet gevonden");
  });

  test("what is neither a cell nor a parameter is refused before anything is done", async () => {
    const input = join(dir, "alleen.xlsx");
    const { code, err } = await runCli(
      "controleer",
      input,
      "--vervang",
      "-o",
      join(dir, "x.xlsx"),
      "--alleen",
      "zelfstandig",
    );
    expect(code).toBe(2);
    expect(err).toContain("'zelfstandig' is geen cel, bereik of parameternaam");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});

describe("a template library: a folder converted, one report per file and one summary", () => {
  test("every workbook copied into the output folder (subfolders kept), a summary, a broken file named", async () => {
    const lib = join(dir, "sjablonen");
    mkdirSync(join(lib, "aangifte"), { recursive: true });
    await writeTemplate(join(lib, "prognose.xlsx"), [PROGNOSE]);
    const aangifte: TemplateSheet = {
      name: "Aangifte",
      cells: {
        A1: "Aangifte inkomstenbelasting 2025",
        A3: "Uren",
        B3: 1400,
        A4: "Zelfstandigenaftrek",
        B4: { f: "IF(B3>=1225,2470,0)", v: 2470 }, // 2025: 2.470, current (art. 3.76 lid 2)
        A5: "Investeringen",
        B5: 10000,
        A6: "KIA",
        // the KIA table of 2024 (art. 3.41 lid 2): 28% from 2.800; in 2025 from 2.900, 28% of 10.000 either way
        B6: { f: "IF(B5<=2800,0,IF(B5<=69765,B5*28%,19535))", v: 2800 },
      },
    };
    await writeTemplate(join(lib, "aangifte", "aangifte.xlsx"), [aangifte]);
    const budget: TemplateSheet = { name: "Begroting", cells: { A1: "Huur", B1: 1250, B2: { f: "B1*12", v: 15000 } } };
    await writeTemplate(join(lib, "begroting.xlsx"), [budget]);
    writeFileSync(join(lib, "kapot.xlsx"), "geen zip");
    const out = join(dir, "omgezet");
    const { code, out: stdout, err } = await runCli("controleer", lib, "--vervang", "-o", out);
    expect(code).toBe(2); // the broken file
    expect(err).toContain("kapot.xlsx");
    expect(stdout).toContain(`${join(lib, "prognose.xlsx")} -> ${join(out, "prognose.xlsx")}: 10 cellen vervangen`);
    expect(existsSync(join(out, "aangifte", "aangifte.xlsx"))).toBe(true);
    expect(existsSync(join(out, "aangifte", "aangifte.rapport.md"))).toBe(true);
    // a workbook without findings is copied as it is, with a report that says so
    expect(readFileSync(join(out, "begroting.xlsx")).equals(readFileSync(join(lib, "begroting.xlsx")))).toBe(true);
    expect(readFileSync(join(out, "begroting.rapport.md"), "utf8")).toContain("0 cellen vervangen");
    const summary = readFileSync(join(out, "samenvatting.md"), "utf8");
    expect(summary).toContain("| aangifte/aangifte.xlsx | 2 | 2 | 0 | 0 | 0 | 0 | 0 | aangifte/aangifte.rapport.md |");
    expect(summary).toContain("| prognose.xlsx | 10 | 5 | 4 | 1 | 0 | 0 | 6 | prognose.rapport.md |");
    expect(summary).toContain("| begroting.xlsx | 0 | 0 | 0 | 0 | 0 | 0 | 0 | begroting.rapport.md |");
    expect(summary).toContain("kapot.xlsx");
    // the KIA of 2025 on 10.000 is 28% = 2.800, as the table of 2024 gave: the same value, but
    // the table's bounds were not 2025's, and the report does not hide it
    const md = readFileSync(join(out, "aangifte", "aangifte.rapport.md"), "utf8");
    expect(md).toContain("| Aangifte | B4 |");
    expect(md).toContain("gelijk bij deze invoer, al was het getal verouderd voor 2025");
  });
});

describe("what --vervang refuses, before writing anything", () => {
  const input = join(dir, "weigeren.xlsx");
  beforeAll(() => writeTemplate(input, [PROGNOSE]));

  test("an output that is the input, a missing -o, -o without --vervang", async () => {
    const before = readFileSync(input);
    const same = await runCli("controleer", input, "--vervang", "-o", input);
    expect(same.code).toBe(2);
    expect(same.err).toContain("zou het bestand zelf overschrijven");
    expect(readFileSync(input).equals(before)).toBe(true);
    expect((await runCli("controleer", input, "--vervang")).err).toContain("Geef met -o waar de kopie komt");
    expect((await runCli("controleer", input, "-o", join(dir, "y.xlsx"))).code).toBe(2);
    expect(existsSync(join(dir, "y.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "weigeren.rapport.md"))).toBe(false);
  });
});

describe("shared formulas", () => {
  const sheet: TemplateSheet = {
    name: "Klanten",
    cells: {
      D1: "Jaar",
      E1: 2025,
      A1: "Uren",
      B1: "Zelfstandigenaftrek",
      A2: 1400,
      A3: 1000,
      A4: 1300,
      // 2.470, the zelfstandigenaftrek of 2025, filled down as one shared formula
      B2: { f: "IF(A2>=1225,2470,0)", v: 2470, shareRef: "B2:B4" },
      B3: { sharedWith: "B2", v: 0 },
      B4: { sharedWith: "B2", v: 2470 },
    },
  };

  test("replaced in every cell: still one shared formula, with the new text", async () => {
    const input = join(dir, "gedeeld.xlsx");
    await writeTemplate(input, [sheet]);
    const output = join(dir, "gedeeld-uit.xlsx");
    expect((await runCli("controleer", input, "--vervang", "-o", output)).code).toBe(0);
    const xml = entryText(output, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(
      /<c r="B2"[^>]*><f t="shared" ref="B2:B4" si="0">IF\(_xldudf_NL_URENCRITERIUM\(A2\),_xldudf_NL_PARAMETER\(\$E\$1,(?:"|&quot;)zelfstandigenaftrek(?:"|&quot;)\),0\)<\/f>/,
    );
    expect(xml).toMatch(/<c r="B3"[^>]*><f t="shared" si="0"\/>/);
    // 1.400 and 1.300 hours: 2.470; 1.000: none (art. 3.6, 3.76 lid 2, 2025)
    const pkg = await openWorkbook(output);
    expect([2, 3, 4].map((r) => pkg.sheets[0].cells.get(r, 2)!.value)).toEqual([2470, 0, 2470]);
  });

  test("replaced in its first cell only: the others keep their formula, written out, and the report says so", async () => {
    const input = join(dir, "gedeeld2.xlsx");
    await writeTemplate(input, [sheet]);
    const output = join(dir, "gedeeld2-uit.xlsx");
    expect((await runCli("controleer", input, "--vervang", "-o", output, "--alleen", "B2", "--json")).code).toBe(0);
    const report = readJson(join(dir, "gedeeld2-uit.rapport.json"));
    expect(report.spelledOut).toEqual(["Klanten!B3", "Klanten!B4"]);
    const formulas = async (file: string) => {
      const pkg = await openWorkbook(file);
      const refs = new WorkbookReferences(pkg);
      return [2, 3, 4].map((r) => {
        const cell = pkg.sheets[0].cells.get(r, 2)!;
        const f = refs.formulaOf(pkg.sheets[0], cell)!;
        return isSyntaxError(f) ? "" : print(f.node, cell);
      });
    };
    expect(await formulas(output)).toEqual([
      '=IF(NL.URENCRITERIUM(A2),NL.PARAMETER($E$1,"zelfstandigenaftrek"),0)',
      ...(await formulas(input)).slice(1),
    ]);
    expect((await formulas(input)).slice(1)).toEqual(["=IF(A3>=1225,2470,0)", "=IF(A4>=1225,2470,0)"]);
    expect(readFileSync(join(dir, "gedeeld2-uit.rapport.md"), "utf8")).toContain("## Gedeelde formule uitgeschreven");
  });
});

describe("a template written without cached values (openpyxl)", () => {
  test("the values before are computed as the values after: the same engine, the same inputs", async () => {
    const input = join(dir, "openpyxl-2026.xlsx");
    const script = [
      "import openpyxl, sys",
      "wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Aangifte'",
      "ws['A1'] = 'Uren'; ws['B1'] = 1400",
      "ws['A2'] = 'Zelfstandigenaftrek'; ws['B2'] = '=IF(B1>=1225,2470,0)'",
      "ws['A3'] = 'Winst'; ws['B3'] = 50000",
      "ws['A4'] = 'MKB-winstvrijstelling (%)'; ws['B4'] = 12.7",
      "ws['A5'] = 'MKB-winstvrijstelling'; ws['B5'] = '=(B3-B2)*B4/100'",
      "wb.save(sys.argv[1])",
    ].join("\n");
    const made = spawnSync("/usr/bin/python3", ["-c", script, input], { encoding: "utf8" });
    expect(made.stderr).toBe("");
    const output = join(dir, "openpyxl-uit.xlsx");
    expect((await runCli("controleer", input, "--vervang", "-o", output, "--json")).code).toBe(0);
    const report = readJson(join(dir, "openpyxl-uit.rapport.json"));
    // the file name says 2026: 2.470 (2025's) is stale, 1.200 now (art. 3.76 lid 2); 12,7% is current (art. 3.79a)
    expect(report.cells.map((c) => [c.address, c.valueBefore, c.valueAfter, c.outcome, c.storedBefore])).toEqual([
      ["B2", 2470, 1200, "verouderd", undefined],
      ["B4", 12.7, 12.7, "gelijk", undefined],
    ]);
    // (50.000 - 2.470) x 12,7% = 6.036,31; (50.000 - 1.200) x 12,7% = 6.197,60
    expect(report.dependents.map((d) => [d.cell, d.valueBefore, d.valueAfter])).toEqual([
      ["Aangifte!B5", expect.closeTo(6036.31, 9), expect.closeTo(6197.6, 9)],
    ]);
  });
});
