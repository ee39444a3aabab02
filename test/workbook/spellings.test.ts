/**
 * Every spelling of a formula that files carry is read: structured references with and without
 * the table's name, `[#This Row]` and `@`, bare and bracketed column names, names with spaces and
 * `'`-escaped characters, column spans, `#Headers`/`#Data`/`#Totals`/`#All`; function names in any
 * case (LibreOffice writes `_xldudf_nl_kia(`), and the `[N]!_xldudf_` prefix Excel writes when a
 * COM add-in interferes (OfficeDev/office-js #2568).
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recalcFile } from "../../src/engine/recalcFile";
import { StructSpec } from "../../src/workbook/formula/ast";
import { canonicalFunction, namesNlFunction, parseFormula } from "../../src/workbook/formula/parse";
import { openWorkbook } from "../../src/workbook/package";
import { f, row, s, v, writeWorkbookFile } from "../helpers/xlsx";

const spec = (text: string): StructSpec => {
  const { node } = parseFormula(text);
  if (node.k !== "struct") throw new Error(`no structured reference: ${text}`);
  return node.spec;
};

describe("structured references", () => {
  test.each<[string, StructSpec]>([
    ["Tabel[Omzet]", { table: "Tabel", items: [], columns: ["Omzet"] }],
    ["Tabel[Omzet 2025]", { table: "Tabel", items: [], columns: ["Omzet 2025"] }],
    ["Tabel[[Omzet 2025]]", { table: "Tabel", items: [], columns: ["Omzet 2025"] }],
    ["Tabel[[#This Row],[Omzet]]", { table: "Tabel", items: ["#This Row"], columns: ["Omzet"] }],
    // XlsxWriter: no table name, a plain column name without brackets
    ["[[#This Row],Omzet]", { table: null, items: ["#This Row"], columns: ["Omzet"] }],
    // LibreOffice writes them in lower case
    ["[[#this row],omzet]", { table: null, items: ["#This Row"], columns: ["omzet"] }],
    ["[#This Row]", { table: null, items: ["#This Row"], columns: [] }],
    ["Tabel[[#This Row]]", { table: "Tabel", items: ["#This Row"], columns: [] }],
    ["[@Omzet]", { table: null, items: ["#This Row"], columns: ["Omzet"] }],
    ["Tabel[@Omzet]", { table: "Tabel", items: ["#This Row"], columns: ["Omzet"] }],
    ["[@[Omzet 2025]]", { table: null, items: ["#This Row"], columns: ["Omzet 2025"] }],
    ["Tabel[@]", { table: "Tabel", items: ["#This Row"], columns: [] }],
    ["Tabel[[Activa 1]:[Activa 3]]", { table: "Tabel", items: [], columns: ["Activa 1", "Activa 3"] }],
    ["Tabel[@[Activa 1]:[Activa 3]]", { table: "Tabel", items: ["#This Row"], columns: ["Activa 1", "Activa 3"] }],
    ["[[#This Row],[Activa 1]:[Activa 3]]", { table: null, items: ["#This Row"], columns: ["Activa 1", "Activa 3"] }],
    ["[[#This Row],Activa1:Activa3]", { table: null, items: ["#This Row"], columns: ["Activa1", "Activa3"] }],
    ["Tabel[ [#This Row] , [Omzet] ]", { table: "Tabel", items: ["#This Row"], columns: ["Omzet"] }],
    ["Tabel[#All]", { table: "Tabel", items: ["#All"], columns: [] }],
    ["Tabel[#Headers]", { table: "Tabel", items: ["#Headers"], columns: [] }],
    ["Tabel[[#Totals],[Omzet]]", { table: "Tabel", items: ["#Totals"], columns: ["Omzet"] }],
    ["Tabel[[#Headers],[#Data],[Omzet]]", { table: "Tabel", items: ["#Headers", "#Data"], columns: ["Omzet"] }],
    ["Tabel[[#All],[Omzet]:[Kosten]]", { table: "Tabel", items: ["#All"], columns: ["Omzet", "Kosten"] }],
    ["Tabel[]", { table: "Tabel", items: [], columns: [] }],
    // `'` escapes [ ] # and ' in a column name
    ["Tabel[[Kosten '[excl. btw']]]", { table: "Tabel", items: [], columns: ["Kosten [excl. btw]"] }],
    ["Tabel[@[Kosten '[excl. btw']]]", { table: "Tabel", items: ["#This Row"], columns: ["Kosten [excl. btw]"] }],
    ["[[#This Row],[Nummer '#]]", { table: null, items: ["#This Row"], columns: ["Nummer #"] }],
    ["Tabel[[Klant''s omzet]]", { table: "Tabel", items: [], columns: ["Klant's omzet"] }],
  ])("%s", (text, expected) => {
    expect(spec(text)).toEqual(expected);
  });

  test.each([
    "Tabel[[Omzet],[Kosten]]", // two columns without a colon
    "Tabel[[#Bestaat niet]]",
    "Tabel[[#This Row],]",
    "Tabel[:[Omzet]]",
    "Tabel[[Omzet]:]",
    "Tabel[[Omzet]:[#Totals]]",
  ])("%s is no structured reference Excel writes: an unreadable formula", (text) => {
    expect(() => parseFormula(text)).toThrow(/gestructureerde verwijzing/);
  });
});

describe("function names", () => {
  test.each([
    ["NL.KIA", "NL.KIA"],
    ["nl.kia", "NL.KIA"],
    ["_xldudf_NL_KIA", "NL.KIA"],
    ["_xldudf_nl_kia", "NL.KIA"], // LibreOffice
    ["[2]!_xldudf_NL_KIA", "NL.KIA"], // a COM add-in in between (office-js #2568)
    ["[1]!_xldudf_nl_belastbarewinst", "NL.BELASTBAREWINST"],
    ["_xll.NL.KIA", "NL.KIA"],
    ["_xlfn.XOR", "XOR"],
    ["[1]!Macro", "[1]!MACRO"], // a function of another workbook stays one
  ])("%s is %s", (raw, canonical) => {
    expect(canonicalFunction(raw)).toBe(canonical);
  });

  test("an NL call is seen in a formula's text, also where the formula cannot be parsed", () => {
    expect(namesNlFunction("_xldudf_NL_KIA(A1,,(")).toBe(true);
    expect(namesNlFunction("[2]!_xldudf_nl_kia(1")).toBe(true);
    expect(namesNlFunction("SUM(nl.kia(2025,A1)")).toBe(true);
    expect(namesNlFunction("_xll.NL.KIA(")).toBe(true);
    expect(namesNlFunction("SUM(A1:A3")).toBe(false);
    expect(namesNlFunction("BASISNL.X(1)")).toBe(false);
  });
});

describe("read into a recalculation", () => {
  const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-spellings-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a table whose formulas are spelled as each tool writes them", async () => {
    // Table Activa (A1:E4, a totals row): "Activa 1" .. "Activa 3" and "Kosten [excl. btw]".
    const table = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Activa" displayName="Activa" ref="A1:E4" totalsRowCount="1"><tableColumns count="5"><tableColumn id="1" name="Activa 1"/><tableColumn id="2" name="Activa 2"/><tableColumn id="3" name="Activa 3"/><tableColumn id="4" name="Kosten [excl. btw]"/><tableColumn id="5" name="KIA"/></tableColumns></table>`;
    const input = join(dir, "activa.xlsx");
    const output = join(dir, "activa.uit.xlsx");
    writeWorkbookFile(input, {
      sheets: [
        {
          name: "Blad1",
          data:
            row(
              1,
              s("A1", "Activa 1"),
              s("B1", "Activa 2"),
              s("C1", "Activa 3"),
              s("D1", "Kosten [excl. btw]"),
              s("E1", "KIA"),
            ) +
            // KIA 2025 of 1.000 + 2.000 + 3.000 = 6.000: 28% = 1.680 (art. 3.41)
            row(
              2,
              v("A2", 1000),
              v("B2", 2000),
              v("C2", 3000),
              v("D2", 5),
              f("E2", "_xldudf_nl_kia(2025,[@[Activa 1]:[Activa 3]])"),
            ) +
            row(
              3,
              v("A3", 500),
              v("B3", 500),
              v("C3", 3000),
              v("D3", 7),
              f("E3", "[1]!_xldudf_NL_KIA(2025,[[#This Row],[Activa 1]:[Activa 3]])"),
            ) +
            row(4, f("D4", "SUM(Activa[Kosten '[excl. btw']])"), f("E4", "SUBTOTAL(109,Activa[KIA])")) +
            row(
              6,
              f("A6", "Activa[[#Totals],[KIA]]"),
              f("B6", "SUM(Activa[[#Headers],[#Data],[KIA]])"),
              f("C6", "ROWS(Activa[#All])"),
              f("D6", "[2]!_xldudf_NL_KIA(2025,Activa[[Activa 1]:[Activa 3]])"),
            ),
          rels: [["rIdT", "table", "../tables/table1.xml"]],
          after: '<tableParts count="1"><tablePart r:id="rIdT"/></tableParts>',
        },
      ],
      parts: { "xl/tables/table1.xml": table },
    });
    const report = await recalcFile(input, output);
    const pkg = await openWorkbook(output);
    const at = (r: number, c: number) => pkg.sheets[0].cells.get(r, c)?.value;
    expect(report.notRecalculated).toEqual([]);
    expect(report.nlFormulas).toBe(3);
    expect(at(2, 5)).toBe(1680);
    expect(at(3, 5)).toBe(1120); // 28% x 4.000
    expect(at(4, 4)).toBe(12); // 5 + 7: the totals row's own formula reads the data only
    expect(at(4, 5)).toBe(2800);
    expect(at(6, 1)).toBe(2800);
    expect(at(6, 2)).toBe(2800); // the header is text: SUM skips it
    expect(at(6, 3)).toBe(4);
    // 1.000 + 2.000 + 3.000 + 500 + 500 + 3.000 = 10.000: 28% = 2.800
    expect(at(6, 4)).toBe(2800);
  });
});
