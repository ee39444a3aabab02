/**
 * The workbooks firms generate, made in this run by the generators themselves (ExcelJS, SheetJS,
 * openpyxl, XlsxWriter, and LibreOffice saving some of them again: scripts/generated-corpus.js).
 * A list of 40 clients whose winst and uren are ordinary formulas, three NL formulas per client,
 * and formulas on their results: every cell gets the value the law gives (worked out in the
 * corpus script from the law's numbers for 2025, not from the rules code), to the cent.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { recalcFile } from "../../src/engine/recalcFile";
import { parseA1 } from "../../src/workbook/address";
import { openWorkbook, WorkbookPackage } from "../../src/workbook/package";
import { CellValue } from "../../src/workbook/values";
import { runCli } from "../helpers/cli";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeGeneratedCorpus, checkRecalculated, lawFor, clients } = require("../../scripts/generated-corpus.js");

interface Entry {
  readonly file: string;
  readonly generator: string;
  readonly expected: Record<string, { cents?: number; value?: unknown }>;
  readonly nlCells: readonly string[];
}

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-generated-"));
let corpus: { files: Entry[]; missing: Array<{ generator: string; reason: string }> };

beforeAll(async () => {
  corpus = await makeGeneratedCorpus(join(dir, "werkmappen"));
}, 600000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const valueIn =
  (pkg: WorkbookPackage) =>
  (cell: string): CellValue => {
    const [sheet, address] = cell.split("!");
    const at = parseA1(address)!;
    return pkg.sheets.find((s) => s.name === sheet)!.cells.get(at.row, at.col)?.value ?? null;
  };

test("the law's values the corpus expects (2025): the issue's client and the edges", () => {
  const list = clients();
  // Winst 45.000, 1.400 hours: 45.000 - 2.470 = 42.530; 12,7% x 42.530 = 5.401,31; 37.128,69.
  expect(lawFor(list[0])).toMatchObject({ winst: 4500000, urencriterium: true, za: 247000, belastbareWinst: 3712869 });
  // Winst 45.005: 42.535 x 12,7% = 5.401,945, rounded half up 5.401,95: 37.133,05; per month 3.094,42.
  expect(lawFor(list[1])).toMatchObject({ belastbareWinst: 3713305, perMaand: 309442 });
  // A loss of 5.000: no zelfstandigenaftrek above the winst, MKB-winstvrijstelling -635: -4.365.
  expect(lawFor(list[2])).toMatchObject({ za: 0, belastbareWinst: -436500 });
  // Winst 1.500 at exactly 1.225 hours: zelfstandigenaftrek 1.500 (the Belastingdienst's example).
  expect(lawFor(list[3])).toMatchObject({ urencriterium: true, za: 150000, belastbareWinst: 0 });
  // 1.224 hours: no urencriterium; winst 40.000 - 12,7% = 34.920.
  expect(lawFor(list[4])).toMatchObject({ urencriterium: false, za: 0, belastbareWinst: 3492000 });
  expect(lawFor(list[5])).toMatchObject({ urencriterium: true, za: 247000 });
  expect(list).toHaveLength(40);
});

test("every generator of the machine made its workbooks (in CI all of them)", () => {
  const generators = new Set(corpus.files.map((f) => f.generator));
  expect(generators).toContain("exceljs");
  expect(generators).toContain("sheetjs");
  // .ci/run installs python3-openpyxl, python3-xlsxwriter and LibreOffice: there none may be missing.
  if (process.env.CI) expect(corpus.missing).toEqual([]);
  for (const m of corpus.missing) console.warn(`gegenereerde werkmappen zonder ${m.generator}: ${m.reason}`);
  for (const f of corpus.files) expect(f.nlCells).toHaveLength(120);
});

test("each workbook: every NL cell and every formula on it right to the cent, nothing left out", async () => {
  const summary: string[] = [];
  for (const entry of corpus.files) {
    const output = join(dir, `uit-${basename(entry.file)}`);
    const report = await recalcFile(entry.file, output);
    const result = checkRecalculated(entry, {
      before: valueIn(await openWorkbook(entry.file)),
      after: valueIn(await openWorkbook(output)),
      listed: new Set(report.notRecalculated.map((n) => n.cell)),
    });
    summary.push(`${basename(entry.file)}: ${result.right} goed, ${result.listed} gemeld, ${result.wrong.length} fout`);
    expect({ file: entry.file, wrong: result.wrong }).toEqual({ file: entry.file, wrong: [] });
    // In these files everything can be computed: nothing is left at its cache.
    expect({ file: entry.file, notRecalculated: report.notRecalculated }).toEqual({
      file: entry.file,
      notRecalculated: [],
    });
    expect(result.right).toBe(Object.keys(entry.expected).length);
    expect(report.nlFormulas).toBe(120);
    // Not one of them carries Excel's results: the ordinary formulas are computed, not read.
    expect(report.cachesNotExcel).not.toBeNull();
    expect(report.precedentsComputed).toBe(80);
  }
  expect(summary).toHaveLength(corpus.files.length);
});

test("the folder through the command line: no file says 'geen NL-formules', exit code 0", async () => {
  const { code, out, err } = await runCli("recalc", join(dir, "werkmappen"), "-o", join(dir, "map-uit"), "--jobs", "1");
  expect(err).not.toContain("geen NL-formules");
  expect(out).not.toContain("geen NL-formules");
  expect(out).toContain(`${corpus.files.length} herberekend, 0 ongewijzigd, 0 mislukt`);
  expect(code).toBe(0);
});
