/**
 * Recalculation is surgical: a bookkeeper's template with NL formulas beside a chart, a comment, a
 * VBA project, a protected sheet, a named year, an Excel table with structured references and a
 * SUM over the NL results. Every NL result and the SUM come out right to the cent; every other zip
 * entry is identical after decompression, and inside the sheet only the recalculated cells'
 * cached results differ.
 */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recalcFile } from "../../src/engine/recalcFile";
import { openWorkbook } from "../../src/workbook/package";
import { entries, f, row, s, v, withoutResults, workbookParts, writeWorkbookFile, zipParts } from "../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-surgical-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHART_NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';
const VBA = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256); // binary, not UTF-8

function richTemplate(file: string): void {
  writeWorkbookFile(file, {
    names:
      '<definedName name="Jaar">Instellingen!$B$1</definedName><definedName name="Drempel" localSheetId="1">1225</definedName>',
    sheets: [
      { name: "Instellingen", data: row(1, s("A1", "Jaar"), v("B1", 2025)) },
      {
        name: "Klanten",
        data:
          row(1, s("A1", "Naam"), s("B1", "Winst"), s("C1", "Uren"), s("D1", "Urencriterium"), s("E1", "Belastbaar")) +
          [
            [2, "Jansen", 40000, 1400],
            [3, "De Vries", 60000, 1000],
            [4, "Bakker", 25000, 1800],
          ]
            .map(([r, naam, winst, uren]) =>
              row(
                r as number,
                s(`A${r}`, naam as string),
                v(`B${r}`, winst as number),
                v(`C${r}`, uren as number),
                // the short form a tool may write, and the explicit form Excel writes
                f(`D${r}`, "_xldudf_NL_URENCRITERIUM([@Uren])"),
                f(
                  `E${r}`,
                  "_xldudf_NL_BELASTBAREWINST(Jaar,Klantenlijst[[#This Row],[Winst]],Klantenlijst[[#This Row],[Urencriterium]])",
                ),
              ),
            )
            .join("") +
          row(6, s("A6", "Totaal"), f("E6", "SUM(Klantenlijst[Belastbaar])"), f("F6", "C2>=Drempel")),
        after:
          '<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/><drawing r:id="rId2"/><legacyDrawing r:id="rId4"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
        rels: [
          ["rId1", "table", "../tables/table1.xml"],
          ["rId2", "drawing", "../drawings/drawing1.xml"],
          ["rId3", "comments", "../comments1.xml"],
          ["rId4", "vmlDrawing", "../drawings/vmlDrawing1.vml"],
        ],
      },
    ],
    workbookRels: [["rIdV", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"]],
    parts: {
      "xl/tables/table1.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Tabel1" displayName="Klantenlijst" ref="A1:E4" totalsRowShown="0"><autoFilter ref="A1:E4"/><tableColumns count="5"><tableColumn id="1" name="Naam"/><tableColumn id="2" name="Winst"/><tableColumn id="3" name="Uren"/><tableColumn id="4" name="Urencriterium"/><tableColumn id="5" name="Belastbaar"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>',
      "xl/drawings/drawing1.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:graphicFrame/></xdr:twoCellAnchor></xdr:wsDr>',
      "xl/drawings/_rels/drawing1.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
      "xl/charts/chart1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${CHART_NS}><c:chart><c:plotArea><c:barChart><c:ser><c:val><c:numRef><c:f>Klanten!$E$2:$E$4</c:f><c:numCache><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
      "xl/comments1.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Boekhouder</author></authors><commentList><comment ref="E2" authorId="0"><text><r><t>Controleren na 1 januari</t></r></text></comment></commentList></comments>',
      "xl/drawings/vmlDrawing1.vml":
        '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025" type="#_x0000_t202"/></xml>',
      "xl/vbaProject.bin": VBA,
      "customXml/item1.xml":
        '<?xml version="1.0" encoding="UTF-8"?><klant xmlns="urn:voorbeeld">Jansen &amp; Zn.</klant>',
      "docProps/core.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Kantoor</dc:creator></cp:coreProperties>',
    },
  });
}

describe("a template with everything a bookkeeper's workbook has", () => {
  const input = join(dir, "sjabloon.xlsm");
  const output = join(dir, "sjabloon.herberekend.xlsm");
  let report: Awaited<ReturnType<typeof recalcFile>>;
  beforeAll(async () => {
    richTemplate(input);
    report = await recalcFile(input, output);
  });

  test("every NL result and the SUM over them right to the cent", async () => {
    const pkg = await openWorkbook(output);
    const klanten = pkg.sheets[1].cells;
    const value = (r: number, c: number) => klanten.get(r, c)!.value;
    expect([value(2, 4), value(3, 4), value(4, 4)]).toEqual([true, false, true]); // 1.400, 1.000, 1.800 hours
    // 40.000 - 2.470 = 37.530; MKB 12,7% = 4.766,31; 37.530 - 4.766,31 = 32.763,69
    expect(value(2, 5)).toBe(32763.69);
    // no urencriterium: 60.000 - 12,7% x 60.000 (7.620) = 52.380
    expect(value(3, 5)).toBe(52380);
    // 25.000 - 2.470 = 22.530; MKB 12,7% = 2.861,31; 22.530 - 2.861,31 = 19.668,69
    expect(value(4, 5)).toBe(19668.69);
    // 32.763,69 + 52.380 + 19.668,69 = 104.812,38
    expect(value(6, 5)).toBe(104812.38);
    // F6 reads no NL result: it keeps what the file had (no cached value)
    expect(klanten.hasValueElement(klanten.get(6, 6)!)).toBe(false);
    expect(report.recalculated).toBe(7);
    expect(report.notRecalculated).toEqual([]);
    expect(report.fullCalcOnLoad).toBe(false);
  });

  test("every other zip entry is identical after decompression, in the same order", () => {
    const before = entries(input);
    const after = entries(output);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) {
      if (name === "xl/worksheets/sheet2.xml") continue;
      expect([name, after[name].equals(before[name])]).toEqual([name, true]);
    }
    expect(after["xl/vbaProject.bin"].equals(Buffer.from(VBA))).toBe(true);
  });

  test("inside the sheet only the recalculated cells' results changed; formulas and protection stay", () => {
    const before = entries(input)["xl/worksheets/sheet2.xml"].toString("utf8");
    const after = entries(output)["xl/worksheets/sheet2.xml"].toString("utf8");
    const cells = ["D2", "D3", "D4", "E2", "E3", "E4", "E6"];
    expect(withoutResults(after, cells)).toBe(withoutResults(before, cells));
    expect(after).toContain('<c r="E6"><f>SUM(Klantenlijst[Belastbaar])</f><v>104812.38</v></c>');
    expect(after).toContain('<c r="D3" t="b"><f>_xldudf_NL_URENCRITERIUM([@Uren])</f><v>0</v></c>');
    expect(after).toContain('<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>');
  });

  test("recalculating the result again changes nothing: the file comes back byte for byte", async () => {
    const again = join(dir, "opnieuw.xlsm");
    const second = await recalcFile(output, again);
    expect(second.unchanged).toBe(true);
    expect(readFileSync(again).equals(readFileSync(output))).toBe(true);
  });

  test("recalculating the same input twice gives the same bytes", async () => {
    const other = join(dir, "tweede.xlsm");
    await recalcFile(input, other);
    expect(readFileSync(other).equals(readFileSync(output))).toBe(true);
  });
});

test("a workbook without NL formulas comes out byte for byte the same", async () => {
  const input = join(dir, "begroting.xlsx");
  writeWorkbookFile(input, {
    sheets: [{ name: "Begroting", data: row(1, v("A1", 1200), v("A2", 300)) + row(2, f("B2", "SUM(A1:A2)*1.21")) }],
  });
  const output = join(dir, "begroting.uit.xlsx");
  const report = await recalcFile(input, output);
  expect(report.unchanged).toBe(true);
  expect(readFileSync(output).equals(readFileSync(input))).toBe(true);
});

test("a copy keeps working when the input is read-only", async () => {
  const input = join(dir, "alleen-lezen.xlsx");
  copyFileSync(join(__dirname, "../fixtures/vof.xlsx"), input);
  chmodSync(input, 0o444);
  const report = await recalcFile(input, join(dir, "alleen-lezen.uit.xlsx"));
  expect(report.recalculated).toBeGreaterThan(0);
});

// The unchanged stretches are encoded as they were, the results byte by byte while they are ASCII:
// a sheet with and one without other characters come back with only the results in.
test.each([
  ["alleen ASCII", "Jansen"],
  ["met tekens buiten ASCII", "Café € 😀"],
])("a UTF-8 sheet (%s) is written back with only its results changed", async (_, name) => {
  const parts = workbookParts({
    sheets: [
      {
        name: "Blad1",
        data: row(
          1,
          v("A1", 10000),
          s("B1", name),
          f("C1", "_xldudf_NL_KIA(2025,A1)"),
          f("D1", 'IF(C1>0,"Caf"&UNICHAR(233),"nee")', ' t="str"'),
          f("E1", "C1/2"),
        ),
      },
    ],
  });
  const xml = parts["xl/worksheets/sheet1.xml"] as string;
  const input = join(dir, `utf8-${name.length}.xlsx`);
  const output = join(dir, `utf8-${name.length}-uit.xlsx`);
  writeFileSync(input, zipParts(parts));
  await recalcFile(input, output);
  // KIA 2025 on 10.000: 28% = 2.800; D1 the text with é (U+00E9), E1 2.800 / 2 = 1.400.
  expect(entries(output)["xl/worksheets/sheet1.xml"].toString("utf8")).toBe(
    xml
      .replace("(2025,A1)</f></c>", "(2025,A1)</f><v>2800</v></c>")
      .replace("&quot;nee&quot;)</f></c>", "&quot;nee&quot;)</f><v>Café</v></c>")
      .replace("C1/2</f></c>", "C1/2</f><v>1400</v></c>"),
  );
});

test.each(["utf16le", "utf16be"] as const)(
  "a sheet stored as %s is written back in that encoding, only its result changed",
  async (encoding) => {
    const parts = workbookParts({
      sheets: [{ name: "Blad1", data: row(1, v("A1", 10000), s("B1", "Café"), f("C1", "_xldudf_NL_KIA(2025,A1)")) }],
    });
    const xml = `\ufeff${parts["xl/worksheets/sheet1.xml"] as string}`;
    const bytes = Buffer.from(xml, "utf16le");
    if (encoding === "utf16be") bytes.swap16();
    parts["xl/worksheets/sheet1.xml"] = bytes;
    const input = join(dir, `${encoding}.xlsx`);
    const output = join(dir, `${encoding}-uit.xlsx`);
    writeFileSync(input, zipParts(parts));
    await recalcFile(input, output);
    const written = entries(output)["xl/worksheets/sheet1.xml"];
    // The byte order mark of the encoding, and the sheet as before with the result 2.800 (28% of 10.000).
    expect([...written.subarray(0, 2)]).toEqual(encoding === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff]);
    const back = Buffer.from(written);
    if (encoding === "utf16be") back.swap16();
    expect(back.toString("utf16le")).toBe(xml.replace("</f></c>", "</f><v>2800</v></c>"));
    expect((await openWorkbook(output)).sheets[0].cells.get(1, 3)?.value).toBe(2800);
  },
);
