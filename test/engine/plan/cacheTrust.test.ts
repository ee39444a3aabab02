/**
 * A cached formula result is used only where Excel wrote it. Where the file says its results are
 * not Excel's (fullCalcOnLoad, written by another program), or a formula cell has no cached result
 * or an error, the ordinary formulas the NL formulas read are computed too, all the way up; what
 * cannot be computed is listed with its NL cells, which keep what they had.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cachesNotExcel } from "../../../src/engine/plan/cacheTrust";
import { WorkbookOrigin } from "../../../src/workbook/package";
import { openWorkbook } from "../../../src/workbook/workbookReader";
import { runCli } from "../../helpers/cli";
import { recalculator } from "../../helpers/recalc";
import { entryText, f, row, TestWorkbook, v, workbookParts, writeWorkbookFile, zipParts } from "../../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-trust-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXCEL: WorkbookOrigin = {
  application: "Microsoft Excel",
  appVersion: "16.0300",
  fileVersionApp: "xl",
  calcPr: { calcId: "191029" },
  folderEntries: false,
  firstEntry: "[Content_Types].xml",
};

describe("whose cached results a workbook holds", () => {
  test("Excel's, from Windows, Mac and the web", () => {
    expect(cachesNotExcel(EXCEL)).toBeNull();
    expect(cachesNotExcel({ ...EXCEL, application: "Microsoft Macintosh Excel", appVersion: "16.0300" })).toBeNull();
    expect(cachesNotExcel({ ...EXCEL, application: "Microsoft Excel Online" })).toBeNull();
    expect(cachesNotExcel({ ...EXCEL, appVersion: "12.0000" })).toBeNull();
    expect(cachesNotExcel({ ...EXCEL, calcPr: null })).toBeNull();
    // Manual calculation, but calculated before saving (Excel's default): up to date.
    expect(cachesNotExcel({ ...EXCEL, calcPr: { calcMode: "manual" } })).toBeNull();
  });

  test.each<[string, Partial<WorkbookOrigin>, RegExp]>([
    ["XlsxWriter and openpyxl ask for a full calculation", { calcPr: { fullCalcOnLoad: "1" } }, /fullCalcOnLoad/],
    ["fullCalcOnLoad spelled true", { calcPr: { fullCalcOnLoad: "true" } }, /fullCalcOnLoad/],
    ["manual, not before saving", { calcPr: { calcMode: "manual", calcOnSave: "0" } }, /verouderd/],
    ["SheetJS", { application: "SheetJS", appVersion: null, fileVersionApp: null }, /geschreven door SheetJS/],
    [
      "LibreOffice, told without its build",
      { application: "LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2", fileVersionApp: "Calc" },
      /^geschreven door LibreOffice\/7\.4\.7\.2, niet door Excel/,
    ],
    ["Apache POI", { application: "Apache POI" }, /Apache POI/],
    ["no extended properties", { application: null, appVersion: null }, /noemt het programma niet/],
    ["openpyxl's version", { appVersion: "3.0" }, /versie 3\.0/],
    ["no fileVersion", { fileVersionApp: null }, /fileVersion/],
    ["ExcelJS: folders in the zip", { folderEntries: true }, /zip is niet zoals Excel/],
    ["ExcelJS's streaming writer: the theme first", { firstEntry: "xl/theme/theme1.xml" }, /zip is niet zoals Excel/],
  ])("not Excel's: %s", (_name, origin, reason) => {
    expect(cachesNotExcel({ ...EXCEL, ...origin })).toMatch(reason);
  });
});

describe("what a file says about the program that wrote it", () => {
  const origin = async (wb: TestWorkbook) => {
    const file = join(dir, `herkomst${++files}.xlsx`);
    writeWorkbookFile(file, wb);
    return (await openWorkbook(file)).origin;
  };
  let files = 0;
  const sheets = [{ name: "Blad1", data: row(1, v("A1", 1)) }];

  test("Excel's extended properties, fileVersion and calcPr", async () => {
    expect(await origin({ sheets, calcPr: '<calcPr calcId="191029" fullCalcOnLoad="1"/>' })).toEqual({
      application: "Microsoft Excel",
      appVersion: "16.0300",
      fileVersionApp: "xl",
      calcPr: { calcId: "191029", fullCalcOnLoad: "1" },
      folderEntries: false,
      firstEntry: "[Content_Types].xml",
    });
  });

  test("none of them", async () => {
    expect(await origin({ sheets, application: null, calcPr: null })).toEqual({
      application: null,
      appVersion: null,
      fileVersionApp: null,
      calcPr: null,
      folderEntries: false,
      firstEntry: "[Content_Types].xml",
    });
  });

  test("a part that cannot be read names no program, and the workbook is read as before", async () => {
    const o = await origin({
      sheets,
      parts: { "docProps/app.xml": "<Properties><Application>Microsoft Excel</Propert" },
    });
    expect(o.application).toBeNull();
    expect(cachesNotExcel(o)).toMatch(/noemt het programma niet/);
  });

  test("the relationship type of Strict OOXML, and folders in the zip", async () => {
    const parts = workbookParts({ sheets });
    parts["_rels/.rels"] = (parts["_rels/.rels"] as string).replace(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
      "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
    );
    parts["xl/"] = new Uint8Array(0);
    const file = join(dir, "strict.xlsx");
    writeFileSync(file, zipParts(parts));
    const o = (await openWorkbook(file)).origin;
    expect(o.application).toBe("Microsoft Excel");
    expect(o.folderEntries).toBe(true);
    expect(o.firstEntry).toBe("[Content_Types].xml");
  });
});

const recalcIn = recalculator(dir);
async function recalc(wb: TestWorkbook) {
  const result = await recalcIn(wb);
  return { ...result, value: (ref: string) => result.value(0, ref) };
}

/**
 * The issue's workbook: A1 = 40.000, A2 = A1+5000, B1 = 2025, C1 = NL.BELASTBAREWINST(B1; A2; WAAR).
 * 45.000 - 2.470 (zelfstandigenaftrek 2025, art. 3.76) = 42.530; MKB-winstvrijstelling 12,7% x
 * 42.530 = 5.401,31 (art. 3.79a); 42.530 - 5.401,31 = 37.128,69.
 */
const issueSheet = (a2: string) => [
  {
    name: "Blad1",
    data:
      row(1, v("A1", 40000), v("B1", 2025), `<c r="C1"><f>NL.BELASTBAREWINST(B1, A2, TRUE)</f><v></v></c>`) +
      row(2, a2),
  },
];

describe("the ordinary formulas an NL formula reads", () => {
  test("openpyxl's file (fullCalcOnLoad, <v></v>): A2 is computed, C1 = 37.128,69", async () => {
    const { report, value } = await recalc({
      sheets: issueSheet('<c r="A2"><f>A1+5000</f><v></v></c>'),
      calcPr: '<calcPr calcId="124519" fullCalcOnLoad="1"/>',
    });
    expect(value("C1")).toBe(37128.69);
    expect(value("A2")).toBe(45000); // the file asked to be recalculated: it gets a cached value too
    expect(report.precedentsComputed).toBe(1);
    expect(report.cachesNotExcel).toMatch(/fullCalcOnLoad/);
    expect(report.fullCalcOnLoad).toBe(true);
    expect(report.notRecalculated).toEqual([]);
  });

  test("XlsxWriter's 0 is no result either", async () => {
    const { value } = await recalc({
      sheets: issueSheet('<c r="A2"><f>A1+5000</f><v>0</v></c>'),
      calcPr: '<calcPr calcId="124519" fullCalcOnLoad="1"/>',
    });
    expect(value("C1")).toBe(37128.69);
  });

  test("in a workbook Excel wrote, its cached result is read as it is (not computed again)", async () => {
    // A cached 50.000 (Excel's, as the file says): 50.000 - 2.470 = 47.530; 12,7% = 6.036,31; 41.493,69.
    const { report, value } = await recalc({ sheets: issueSheet('<c r="A2"><f>A1+5000</f><v>50000</v></c>') });
    expect(value("A2")).toBe(50000);
    expect(value("C1")).toBe(41493.69);
    expect(report.precedentsComputed).toBe(0);
    expect(report.cachesNotExcel).toBeNull();
  });

  test.each([
    ["no <v>", '<c r="A2"><f>A1+5000</f></c>'],
    ["an empty <v>", '<c r="A2"><f>A1+5000</f><v></v></c>'],
    ["an error Excel cached", '<c r="A2" t="e"><f>A1+5000</f><v>#NAME?</v></c>'],
  ])("in a workbook Excel wrote, a formula with %s is computed", async (_name, a2) => {
    const { report, value } = await recalc({ sheets: issueSheet(a2) });
    expect(value("A2")).toBe(45000);
    expect(value("C1")).toBe(37128.69);
    expect(report.precedentsComputed).toBe(1);
    expect(report.fullCalcOnLoad).toBe(true); // Excel confirms the value it did not write
  });

  test("all the way up, across sheets and through names", async () => {
    // Invoer!A1 = 40.000; Invoer!A2 = A1 + 2.000; Omzet (a name) = Invoer!$A$2; Blad1!A1 = Omzet + 3.000.
    const { report, value } = await recalc({
      application: "SheetJS",
      names: '<definedName name="Omzet">Invoer!$A$2</definedName>',
      sheets: [
        {
          name: "Blad1",
          data: row(1, f("A1", "Omzet+3000"), v("B1", 2025), f("C1", "_xldudf_NL_BELASTBAREWINST(B1,A1,TRUE)")),
        },
        { name: "Invoer", data: row(1, v("A1", 40000)) + row(2, `<c r="A2"><f>A1+2000</f><v>1</v></c>`) },
      ],
    });
    expect(value("C1")).toBe(37128.69);
    expect(report.precedentsComputed).toBe(2);
    expect(report.cachesNotExcel).toMatch(/SheetJS/);
  });

  test("a precedent that cannot be computed: the NL cell is listed and keeps what it had; exit code 3", async () => {
    const wb: TestWorkbook = {
      application: "SheetJS",
      sheets: [
        {
          name: "Blad1",
          data:
            row(1, `<c r="A1"><f>_xll.ONBEKEND(40000)</f><v>45000</v></c>`, v("B1", 2025)) +
            row(2, `<c r="C2"><f>_xldudf_NL_BELASTBAREWINST(B1,A1,TRUE)</f><v>12</v></c>`, f("D2", "C2*2")),
        },
      ],
    };
    const { report, value } = await recalc(wb);
    expect(value("C2")).toBe(12); // what it had: never a value computed from SheetJS's 45.000
    expect([...report.notRecalculated].sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([
      { cell: "Blad1!A1", reason: "functie _XLL.ONBEKEND kan zonder Excel niet worden berekend" },
      { cell: "Blad1!C2", reason: "hangt af van een cel die niet herberekend kan worden" },
      { cell: "Blad1!D2", reason: "hangt af van een cel die niet herberekend kan worden" },
    ]);
    expect(report.nlNotRecalculated).toBe(1);
    const input = join(dir, "onbekend.xlsx");
    writeWorkbookFile(input, wb);
    const { code, out } = await runCli("recalc", input, "-o", join(dir, "onbekend.uit.xlsx"));
    expect(code).toBe(3);
    expect(out).toContain("0 cel(len) herberekend, 3 niet herberekend, waarvan 1 NL-formule");
  });

  test("a running total the NL formulas read, in a file without Excel's results: computed in full", async () => {
    // B: running totals SUM($A$1:A1) .. SUM($A$1:A40) of A = 1.000 each; C: NL.MKBVRIJ(2025; B) =
    // 12,7% x the total: row 40 reads 40.000 -> 5.080.
    const rows = [];
    for (let r = 1; r <= 40; r++)
      rows.push(row(r, v(`A${r}`, 1000), f(`B${r}`, `SUM($A$1:A${r})`), f(`C${r}`, `_xldudf_NL_MKBVRIJ(2025,B${r})`)));
    const { report, value } = await recalc({ sheets: [{ name: "Blad1", data: rows.join("") }], application: null });
    expect(value("C40")).toBe(5080);
    expect(value("C17")).toBe(2159); // 12,7% x 17.000
    expect(value("B40")).toBe(40000);
    expect(report.precedentsComputed).toBe(40);
  });
});

describe("an NL formula that cannot be read is never invisible", () => {
  test("listed by cell, counted, not 'geen NL-formules', exit code 3", async () => {
    const wb: TestWorkbook = {
      sheets: [{ name: "Blad1", data: row(1, v("A1", 2025), `<c r="B1"><f>_xldudf_NL_KIA(A1,,,(</f><v>0</v></c>`) }],
    };
    const { report, value } = await recalc(wb);
    expect(report.nlFormulas).toBe(1);
    expect(report.nlNotRecalculated).toBe(1);
    expect(report.notRecalculated).toEqual([
      { cell: "Blad1!B1", reason: expect.stringMatching(/^onleesbare formule/) },
    ]);
    expect(value("B1")).toBe(0);
    const input = join(dir, "onleesbaar.xlsx");
    writeWorkbookFile(input, wb);
    const { code, out } = await runCli("recalc", input, "-o", join(dir, "onleesbaar.uit.xlsx"));
    expect(code).toBe(3);
    expect(out).not.toContain("geen NL-formules");
    expect(out).toContain("1 niet herberekend, waarvan 1 NL-formule");
    expect(entryText(join(dir, "onleesbaar.uit.xlsx"), "xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
  });

  test("a formula using a name whose NL formula cannot be read", async () => {
    const { report } = await recalc({
      names: '<definedName name="Aftrek">_xldudf_NL_KIA(2025,,(</definedName>',
      sheets: [{ name: "Blad1", data: row(1, f("A1", "Aftrek*2")) }],
    });
    expect(report.nlFormulas).toBe(1);
    expect(report.notRecalculated).toEqual([{ cell: "Blad1!A1", reason: "onleesbare naam Aftrek" }]);
  });

  test("a workbook without NL formulas says so, and is left as it is", async () => {
    const { report, input, output } = await recalc({
      application: "SheetJS",
      sheets: [{ name: "Blad1", data: row(1, v("A1", 1), f("B1", "A1+1"), f("C1", "SUM(B1:B3")) }],
    });
    expect(report.nlFormulas).toBe(0);
    expect(report.notRecalculated).toEqual([]);
    const { out } = await runCli("recalc", input, "-o", output);
    expect(out).toContain("geen NL-formules; ongewijzigd");
  });
});
