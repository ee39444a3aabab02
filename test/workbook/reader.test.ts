/**
 * What Excel workbooks contain, recalculation reads: shared and array formulas, dynamic-array
 * spills, defined names (workbook- and sheet-scoped), cross-sheet references, structured
 * references, the `_xlfn.`/`_xldudf_` spellings, inline strings, 1904 dates, prefixed XML and zip
 * entries with backslashes or odd case. And what it cannot evaluate keeps Excel's value.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recalcFile } from "../../src/engine/recalcFile";
import { NL_SPILLS } from "../../src/functions/registry";
import { entries, f, MAIN_NS, row, s, v, workbookParts, zipParts } from "../helpers/xlsx";
import { recalculator } from "../helpers/recalc";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recalc = recalculator(dir);

test("shared formulas: the other cells take the master's formula, shifted", async () => {
  const { value, report } = await recalc({
    sheets: [
      {
        name: "Blad1",
        data:
          row(2, v("A2", 2901), `<c r="B2"><f t="shared" ref="B2:B4" si="0">_xldudf_NL_KIA(2025,A2)</f><v>0</v></c>`) +
          row(3, v("A3", 10000), `<c r="B3"><f t="shared" si="0"/><v>0</v></c>`) +
          row(4, v("A4", 200000), `<c r="B4"><f t="shared" si="0"/><v>0</v></c>`),
      },
    ],
  });
  expect(value(0, "B2")).toBe(812.28); // 28% x 2.901
  expect(value(0, "B3")).toBe(2800); // 28% x 10.000
  expect(value(0, "B4")).toBe(14533.25); // 19.769 - 7,56% x (200.000 - 130.744)
  expect(report.recalculated).toBe(3);
});

test("array formulas: an NL call over a range, and a legacy array formula over NL results", async () => {
  const { value } = await recalc({
    sheets: [
      {
        name: "Blad1",
        data:
          row(1, v("A1", 1000), `<c r="C1"><f t="array" ref="C1">_xldudf_NL_KIA(2025,A1:A3)</f><v>0</v></c>`) +
          row(
            2,
            v("A2", 2000),
            f("B2", "_xldudf_NL_KIA(2025,A2)"),
            `<c r="D2"><f t="array" ref="D2:D3">B2:B3*2</f><v>0</v></c>`,
          ) +
          row(3, v("A3", 400), f("B3", "_xldudf_NL_KIA(2025,A3+5000)"), `<c r="D3"><v>0</v></c>`),
      },
    ],
  });
  expect(value(0, "C1")).toBe(840); // 1.000 + 2.000 (400 is under 450 and does not count) = 3.000 x 28%
  expect(value(0, "B2")).toBe(0); // 2.000 is not above 2.900
  expect(value(0, "B3")).toBe(1512); // 28% x 5.400
  expect(value(0, "D2")).toBe(0); // 0 x 2
  expect(value(0, "D3")).toBe(3024); // 1.512 x 2
});

test("a dynamic-array spill saved by Excel 365 (NL.OVERZICHT), and a formula that reads a spilled cell", async () => {
  const rows = NL_SPILLS.OVERZICHT.rows;
  const cells = Array.from({ length: rows }, (_, i) => {
    const r = 10 + i;
    const first =
      i === 0
        ? `<c r="A${r}" t="str" cm="1"><f t="array" ref="A10:B${9 + rows}" aca="false">_xldudf_NL_OVERZICHT(2025,40000,TRUE)</f><v>oud</v></c>`
        : `<c r="A${r}" t="str"><v>oud</v></c>`;
    return row(r, first, `<c r="B${r}"><v>1</v></c>`);
  }).join("");
  const { value, report } = await recalc({
    sheets: [{ name: "Overzicht", data: cells + row(40, f("C40", "B19*2")) }],
  });
  expect(report.notRecalculated).toEqual([]);
  expect(value(0, "A10")).toBe("Winst uit onderneming");
  expect(value(0, "B10")).toBe(40000);
  const label = (i: number) => value(0, `A${10 + i}`);
  const amount = (label_: string) => value(0, `B${10 + [...Array(rows).keys()].find((i) => label(i) === label_)!}`);
  expect(amount("Belastbare winst uit onderneming")).toBe(32763.69); // 40.000 - 2.470 - 4.766,31
  expect(value(0, "C40")).toBe((value(0, "B19") as number) * 2);
});

test("defined names: a sheet-scoped name wins over the workbook's; cross-sheet references", async () => {
  const { value } = await recalc({
    names:
      '<definedName name="Jaar">Invoer!$B$1</definedName><definedName name="Jaar" localSheetId="2">2026</definedName>',
    sheets: [
      { name: "Invoer", data: row(1, v("B1", 2025)) + row(2, v("B2", 1500)) },
      { name: "Blad2025", data: row(1, f("A1", "_xldudf_NL_ZELFSTANDIGENAFTREK(Jaar,TRUE,Invoer!B2*10)")) },
      { name: "Blad2026", data: row(1, f("A1", "_xldudf_NL_ZELFSTANDIGENAFTREK(Jaar,TRUE,50000)")) },
    ],
  });
  expect(value(1, "A1")).toBe(2470); // 2025, capped at 15.000: the full 2.470
  expect(value(2, "A1")).toBe(1200); // the sheet's own Jaar: 2026
});

test("structured references: Tabel[Kolom], Tabel[[#This Row],[Kolom]] and [@Kolom]", async () => {
  const { value } = await recalc({
    sheets: [
      {
        name: "Lijst",
        data:
          row(1, s("A1", "Bedrag"), s("B1", "KIA")) +
          row(2, v("A2", 1000), f("B2", "_xldudf_NL_KIA(2025,[@Bedrag])")) +
          row(3, v("A3", 5000), f("B3", "_xldudf_NL_KIA(2025,Investeringen[[#This Row],[Bedrag]])")) +
          row(5, f("A5", "_xldudf_NL_KIA(2025,Investeringen[Bedrag])")),
        after: '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
        rels: [["rId1", "table", "../tables/table1.xml"]],
      },
    ],
    parts: {
      "xl/tables/table1.xml": `<table xmlns="${MAIN_NS}" id="1" name="Investeringen" displayName="Investeringen" ref="A1:B3"><tableColumns count="2"><tableColumn id="1" name="Bedrag"/><tableColumn id="2" name="KIA"/></tableColumns></table>`,
    },
  });
  expect(value(0, "B2")).toBe(0); // 1.000 alone is under 2.901
  expect(value(0, "B3")).toBe(1400); // 28% x 5.000
  expect(value(0, "A5")).toBe(1680); // 28% x (1.000 + 5.000)
});

test("_xlfn. spellings, inline strings and a precedent formula taken at its cached value", async () => {
  const { value, report } = await recalc({
    sheets: [
      {
        name: "Blad1",
        data:
          row(1, `<c r="A1"><f>1+1</f><v>5</v></c>`, s("B1", "vijfduizend"), f("C1", "_xldudf_NL_KIA(2025,A1*1000)")) +
          row(
            2,
            f("A2", "_xlfn.XOR(C2,TRUE)"),
            f("C2", "_xldudf_NL_URENCRITERIUM(1300)"),
            f("D2", "_xldudf_NL_KIA(2025,B1)"),
          ),
      },
    ],
  });
  expect(value(0, "A1")).toBe(5); // a precedent of an NL formula: read at its cached value, not recalculated
  expect(value(0, "C1")).toBe(1400); // 28% x 5.000 (the cached 5, not 1+1)
  expect(value(0, "C2")).toBe(true);
  expect(value(0, "A2")).toBe(false); // XOR(TRUE, TRUE)
  expect(value(0, "D2")).toEqual({ error: "#VALUE!" });
  expect(report.errors).toEqual([
    {
      cell: "Blad1!D2",
      code: "#VALUE!",
      message: expect.stringContaining('moet bedragen bevatten, niet tekst "vijfduizend"'),
    },
  ]);
});

test("1904 dates: YEAR of a date serial follows the workbook's date system", async () => {
  // Serial 43.465 is 1 January 2023 in the 1904 system (44.927 - 1.462) and 1 January 2019 in the 1900 system.
  const data = row(1, v("A1", 43465), f("B1", "_xldudf_NL_KIA(YEAR(A1),10000)"));
  const in1904 = await recalc({ workbookPr: '<workbookPr date1904="1"/>', sheets: [{ name: "Blad1", data }] });
  expect(in1904.value(0, "B1")).toBe(2800); // 2023: 28% x 10.000
  const in1900 = await recalc({ sheets: [{ name: "Blad1", data }] });
  expect(in1900.value(0, "B1")).toEqual({ error: "#N/A" }); // 2019 is not covered
});

test("XML with a namespace prefix and zip entries with backslashes and odd case", async () => {
  const parts = workbookParts({ sheets: [{ name: "Blad1", data: "" }] });
  const sheet = `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>10000</x:v></x:c><x:c r="B1"><x:f>_xldudf_NL_KIA(2025,A1)</x:f></x:c></x:row></x:sheetData></x:worksheet>`;
  delete parts["xl/worksheets/sheet1.xml"];
  parts["XL\\Worksheets\\Sheet1.xml"] = sheet;
  const input = join(dir, "vreemd.xlsx");
  writeFileSync(input, zipParts(parts));
  const output = join(dir, "vreemd.uit.xlsx");
  await recalcFile(input, output);
  const out = entries(output);
  expect(Object.keys(out)).toEqual(Object.keys(entries(input)));
  expect(out["XL\\Worksheets\\Sheet1.xml"].toString()).toContain(
    '<x:c r="B1"><x:f>_xldudf_NL_KIA(2025,A1)</x:f><x:v>2800</x:v></x:c>',
  );
});

describe("what cannot be evaluated here keeps Excel's value and makes Excel recalculate on opening", () => {
  test("an unknown function and an external link", async () => {
    const { value, report, input, output } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            f("A1", "_xldudf_NL_KIA(2025,10000)"),
            `<c r="B1"><f>_xlfn.FROBNICATE(A1)</f><v>7</v></c>`,
            `<c r="C1"><f>[1]Blad1!A1+A1</f><v>8</v></c>`,
            `<c r="D1"><f>B1+1</f><v>9</v></c>`,
          ),
        },
      ],
    });
    expect(value(0, "A1")).toBe(2800);
    expect([value(0, "B1"), value(0, "C1"), value(0, "D1")]).toEqual([7, 8, 9]);
    expect(report.notRecalculated).toEqual([
      { cell: "Blad1!B1", reason: "functie FROBNICATE kan zonder Excel niet worden berekend" },
      { cell: "Blad1!C1", reason: "verwijzing naar een andere werkmap" },
      { cell: "Blad1!D1", reason: "hangt af van een cel die niet herberekend kan worden" },
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
    const before = entries(input)["xl/workbook.xml"].toString();
    const after = entries(output)["xl/workbook.xml"].toString();
    expect(after).toBe(before.replace('<calcPr calcId="191029"/>', '<calcPr calcId="191029" fullCalcOnLoad="1"/>'));
  });

  test("TEXT with a format that depends on Excel's language keeps Excel's text; digits only are worked out", async () => {
    // HyperFormula wrote "1235,##0.00" for TEXT(1234,5;"#,##0.00") and knows no Dutch date codes;
    // "#,##0.00" in English Excel is "#.##0,00" in Dutch Excel: only Excel can tell.
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            f("A1", "_xldudf_NL_KIA(2025,10000)"),
            `<c r="B1" t="str"><f>"KIA: "&amp;TEXT(A1,"#,##0.00")</f><v>KIA: 2.800,00</v></c>`,
            `<c r="C1" t="str"><f>TEXT(A1,"0")</f><v>oud</v></c>`,
            `<c r="D1" t="str"><f>TEXT(A1,E1)</f><v>2800</v></c>`,
            `<c r="E1" t="str"><v>0</v></c>`,
          ),
        },
      ],
    });
    expect([value(0, "A1"), value(0, "B1"), value(0, "C1"), value(0, "D1")]).toEqual([
      2800,
      "KIA: 2.800,00",
      "2800",
      "2800",
    ]);
    expect(report.notRecalculated).toEqual([
      {
        cell: "Blad1!B1",
        reason: 'TEKST met de notatie "#,##0.00": die hangt af van de taal van Excel en rekent alleen Excel precies',
      },
      {
        cell: "Blad1!D1",
        reason: "TEKST met een notatie uit een cel of formule: die leest alleen Excel, in zijn eigen taal",
      },
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("a number or WAAR joined into text keeps Excel's text: its spelling is the user's language", async () => {
    // NL.KIA(2025; 2901) = 28% x 2901 = 812,28. Dutch Excel (Windows set to Dutch) writes
    // "KIA: 812,28" and "WAAR", English "KIA: 812.28" and "TRUE"; the file says neither.
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            f("A1", "_xldudf_NL_KIA(2025,2901)"),
            `<c r="B1" t="str"><f>"KIA: "&amp;A1</f><v>KIA: 812,28</v></c>`,
            `<c r="C1" t="str"><f>CONCATENATE("Urencriterium: ",_xldudf_NL_URENCRITERIUM(1300))</f><v>Urencriterium: WAAR</v></c>`,
            `<c r="D1" t="str"><f>"KIA: "&amp;TEXT(A1,"0")&amp;" euro"</f><v>oud</v></c>`,
            `<c r="E1"><f>A1*2</f><v>0</v></c>`,
            `<c r="F1" t="str"><f>"KIA "&amp;IF(A1>0,"ja","nee")&amp;UNICHAR(33)</f><v>oud</v></c>`,
          ),
        },
      ],
    });
    expect(["A1", "B1", "C1", "D1", "E1", "F1"].map((cell) => value(0, cell))).toEqual([
      812.28,
      "KIA: 812,28",
      "Urencriterium: WAAR",
      "KIA: 812 euro",
      1624.56,
      "KIA ja!",
    ]);
    const reason =
      "zet een getal of WAAR/ONWAAR in tekst (&, TEKST.SAMENVOEGEN): komma of punt en de woorden hangen af van de taal van Excel en Windows, die het bestand niet noemt";
    expect([...report.notRecalculated].sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([
      { cell: "Blad1!B1", reason },
      { cell: "Blad1!C1", reason },
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("a text function or VALUE reading a number, WAAR or a text in the user's language keeps Excel's result", async () => {
    // NL.KIA(2025; 2901) = 28% x 2901 = 812,28. Dutch Excel reads it as the text "812,28" (LINKS(...; 4)
    // is "812,"), English Excel as "812.28"; WAARDE("812,28") is 812,28 in Dutch Excel only.
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            f("A1", "_xldudf_NL_KIA(2025,2901)"),
            `<c r="B1" t="str"><f>LEFT(A1,4)</f><v>812,</v></c>`,
            `<c r="C1"><f>LEN(_xldudf_NL_URENCRITERIUM(1300))</f><v>4</v></c>`,
            `<c r="D1" t="str"><f>IF(A1>0,LEFT("ja!",2),"")</f><v>oud</v></c>`,
            `<c r="E1"><f>VALUE("812,28")+A1*0</f><v>812.28</v></c>`,
            `<c r="F1"><f>VALUE(5)+A1</f><v>0</v></c>`,
          ),
        },
      ],
    });
    // D1 reads only a text, F1 VALUE of a number: recalculated (5 + 812,28 = 817,28)
    expect(["B1", "C1", "D1", "E1", "F1"].map((cell) => value(0, cell))).toEqual(["812,", 4, "ja", 812.28, 817.28]);
    const text =
      "leest een getal of WAAR/ONWAAR als tekst (LINKS, DEEL, SUBSTITUEREN, LENGTE): komma of punt en de woorden hangen af van de taal van Excel en Windows, die het bestand niet noemt";
    const fromText =
      "leest tekst als getal of datum (WAARDE, DATUMWAARDE, TIJDWAARDE): komma of punt en de notatie hangen af van de taal van Excel en Windows, die het bestand niet noemt";
    expect([...report.notRecalculated].sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([
      { cell: "Blad1!B1", reason: text },
      { cell: "Blad1!C1", reason: text },
      { cell: "Blad1!E1", reason: fromText },
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("a workbook without calcPr gets one in the right place", async () => {
    const { output, report } = await recalc({
      calcPr: null,
      names: '<definedName name="X">Blad1!$A$1</definedName>',
      sheets: [
        {
          name: "Blad1",
          data: row(1, f("A1", "_xldudf_NL_KIA(2025,10000)"), `<c r="B1"><f>FROBNICATE(A1)</f><v>1</v></c>`),
        },
      ],
    });
    expect(report.fullCalcOnLoad).toBe(true);
    expect(entries(output)["xl/workbook.xml"].toString()).toContain(
      '</definedNames><calcPr fullCalcOnLoad="1"/></workbook>',
    );
  });

  test("a circular reference is listed, never written as HyperFormula's #CYCLE!", async () => {
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data: row(1, `<c r="A1"><f>_xldudf_NL_KIA(2025,B1)</f><v>3</v></c>`, `<c r="B1"><f>A1+1</f><v>4</v></c>`),
        },
      ],
    });
    expect([value(0, "A1"), value(0, "B1")]).toEqual([3, 4]);
    expect(report.notRecalculated.map((n) => n.reason)).toEqual([
      "kringverwijzing tussen Blad1!A1, Blad1!B1",
      "kringverwijzing tussen Blad1!A1, Blad1!B1",
    ]);
  });

  test("a formula of any depth within Excel's length is recalculated; a longer one is listed as unreadable", async () => {
    const chain = (terms: number, cell: string) => Array.from({ length: terms }, () => cell).join("+");
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            `<c r="A1"><f>_xldudf_NL_KIA(2025,10000)</f><v>0</v></c>`,
            // 500 levels, evaluated here and by HyperFormula (SUM is not evaluated here; its
            // argument is a level below the chain of 499 additions)
            `<c r="B1"><f>${chain(500, "A1")}</f><v>1</v></c>`,
            `<c r="C1"><f>SUM(A1)+${chain(498, "A1")}</f><v>2</v></c>`,
            // 2.000 levels (a chain of additions) and 1.000 nested parentheses: computed on a
            // thread with a larger stack; 18.000 characters: more than a formula can have
            `<c r="D1"><f>${chain(2000, "A1")}</f><v>3</v></c>`,
            `<c r="E1"><f>_xldudf_NL_KIA(2025,${chain(9000, "1")})</f><v>4</v></c>`,
            `<c r="F1"><f>${"(".repeat(1000)}A1${")".repeat(1000)}</f><v>5</v></c>`,
          ),
        },
      ],
    });
    expect(value(0, "A1")).toBe(2800); // 28% x 10.000
    expect(value(0, "B1")).toBe(1400000); // 500 x 2.800
    expect(value(0, "C1")).toBe(1397200); // 499 x 2.800
    expect(value(0, "D1")).toBe(5600000); // 2.000 x 2.800
    expect(value(0, "F1")).toBe(2800);
    expect(value(0, "E1")).toBe(4);
    expect(report.notRecalculated).toEqual([
      {
        cell: "Blad1!E1",
        reason:
          "onleesbare formule (de formule is 18.020 tekens lang; Excel staat 8.192 tekens toe, in het bestand 16.384)",
      },
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("a formula that cannot be read may read an NL result: it is listed and Excel recalculates", async () => {
    const { report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data: row(1, `<c r="A1"><f>_xldudf_NL_KIA(2025,10000)</f><v>0</v></c>`, `<c r="B1"><f>A1+(</f><v>9</v></c>`),
        },
      ],
    });
    expect(report.recalculated).toBe(1);
    expect(report.notRecalculated.map((n) => n.cell)).toEqual(["Blad1!B1"]);
    expect(report.notRecalculated[0].reason).toMatch(/^onleesbare formule \(/);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("a data table (what-if analysis) keeps its values and is left to Excel", async () => {
    // A one-variable data table over B1 = NL.KIA(2025, A1): Excel stores only r1 (the input cell)
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data:
            row(1, v("A1", 10000), `<c r="B1"><f>_xldudf_NL_KIA(2025,A1)</f><v>0</v></c>`) +
            row(2, v("A2", 20000), `<c r="B2"><f t="dataTable" ref="B2:B3" dt2D="0" dtr="0" r1="A1"/><v>5600</v></c>`) +
            row(3, v("A3", 30000), v("B3", 8400)),
        },
      ],
    });
    expect(value(0, "B1")).toBe(2800); // 28% x 10.000
    expect([value(0, "B2"), value(0, "B3")]).toEqual([5600, 8400]);
    expect(report.notRecalculated).toEqual([{ cell: "Blad1!B2", reason: "gegevenstabel (wat-als-analyse)" }]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("an array formula whose area the file does not hold is kept, and so is what reads it", async () => {
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          // B1:B2 holds only B1; C1 reads B1
          data: row(
            1,
            v("A1", 10000),
            `<c r="B1"><f t="array" ref="B1:B2">_xldudf_NL_KIA(2025,A1)</f><v>7</v></c>`,
            `<c r="C1"><f>B1+1</f><v>8</v></c>`,
          ),
        },
      ],
    });
    expect([value(0, "B1"), value(0, "C1")]).toEqual([7, 8]);
    expect(report.notRecalculated).toEqual([
      { cell: "Blad1!B1", reason: "cel B2 van het matrixbereik ontbreekt in het bestand" },
      { cell: "Blad1!C1", reason: "hangt af van een cel die niet herberekend kan worden" },
    ]);
  });

  test("array formulas that claim the whole sheet are kept at once, not walked cell by cell", async () => {
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data:
            row(
              1,
              v("A1", 10000),
              `<c r="B1"><f t="array" ref="B1:XFD1048576">_xldudf_NL_KIA(2025,A1)</f><v>7</v></c>`,
            ) +
            row(2, `<c r="B2"><f t="array" ref="B2:XFD1048576">A3*2</f><v>8</v></c>`) +
            row(3, f("A3", "_xldudf_NL_KIA(2025,10000)")),
        },
      ],
    });
    expect(value(0, "A3")).toBe(2800); // 28% x 10.000
    expect([value(0, "B1"), value(0, "B2")]).toEqual([7, 8]);
    expect(report.notRecalculated).toEqual([
      { cell: "Blad1!B1", reason: "cel C1 van het matrixbereik ontbreekt in het bestand" },
      { cell: "Blad1!B2", reason: "cel C2 van het matrixbereik ontbreekt in het bestand" },
    ]);
  });

  test("a range of more than a whole column (cut to the cells the sheet holds) is left to Excel", async () => {
    // Values in the last row: A:XFD holds 1.048.576 x 16.384 cells, E:Z 1.048.576 x 22
    const { value, report } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data:
            row(
              1,
              v("A1", 10000),
              `<c r="C1"><f>_xldudf_NL_KIA(2025,A:A)</f><v>2</v></c>`,
              `<c r="D1"><f>C1+SUM(E:Z)</f><v>3</v></c>`,
            ) + row(1048576, v("A1048576", 20000), v("Z1048576", 5), v("XFD1048576", 5)),
        },
        // (on Blad1 itself, A:XFD would hold the formula: a circular reference)
        { name: "Blad2", data: row(1, `<c r="B1"><f>_xldudf_NL_KIA(2025,Blad1!A:XFD)</f><v>1</v></c>`) },
      ],
    });
    expect(value(0, "C1")).toBe(8400); // one whole column: 28% x (10.000 + 20.000)
    expect([value(1, "B1"), value(0, "D1")]).toEqual([1, 3]);
    expect(report.notRecalculated).toEqual([
      {
        cell: "Blad2!B1",
        reason: "leest een bereik van 17.179.869.184 cellen; zonder Excel ten hoogste 1.048.576 (één hele kolom)",
      },
      {
        cell: "Blad1!D1",
        reason: "leest een bereik van 23.068.672 cellen; zonder Excel ten hoogste 1.048.576 (één hele kolom)",
      },
    ]);
  });

  test("names that refer to each other are listed, not followed for ever", async () => {
    // Aa is Bb and Bb is Aa+1: Excel calls a formula over them a circular reference. Following the
    // names to find what they read used to run until the stack ran out.
    const { value, report } = await recalc({
      names: '<definedName name="Aa">Bb</definedName><definedName name="Bb">Aa+1</definedName>',
      sheets: [
        {
          name: "Blad1",
          data: row(
            1,
            `<c r="A1"><f>_xldudf_NL_KIA(2025,10000)</f><v>0</v></c>`,
            `<c r="B1"><f>A1+Aa</f><v>5</v></c>`,
            `<c r="C1"><f>_xldudf_NL_KIA(2025,Aa)</f><v>6</v></c>`,
          ),
        },
      ],
    });
    expect(value(0, "A1")).toBe(2800); // 28% x 10.000
    expect([value(0, "B1"), value(0, "C1")]).toEqual([5, 6]);
    expect(report.notRecalculated.map((n) => n.reason).sort()).toEqual([
      "namen die naar elkaar verwijzen",
      "namen die naar elkaar verwijzen",
    ]);
    expect(report.fullCalcOnLoad).toBe(true);
  });

  test("only Excel's own error codes are written", async () => {
    const { value } = await recalc({
      sheets: [
        {
          name: "Blad1",
          data: row(1, f("A1", "_xldudf_NL_KIA(2025,10000)"), f("B1", "A1/0"), f("C1", "_xldudf_NL_KIA(2031,A1)")),
        },
      ],
    });
    expect(value(0, "B1")).toEqual({ error: "#DIV/0!" });
    expect(value(0, "C1")).toEqual({ error: "#N/A" });
  });
});
