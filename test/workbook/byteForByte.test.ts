/**
 * Surgical means byte for byte: the bytes of a sheet (and of the workbook part) outside the cells
 * the recalculation writes are copied as they were, whatever their encoding or validity. A cell
 * the recalculation does not touch keeps invalid UTF-8, or text in ISO-8859-1 or windows-1252 as
 * its part declares, instead of being rewritten as U+FFFD; a result with characters the part's
 * encoding lacks goes in as character references. Each workbook is made here, byte by byte.
 */
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recalcFile } from "../../src/engine/recalcFile";
import { openWorkbook } from "../../src/workbook/package";
import { ByteOffsets, decodeXml } from "../../src/workbook/partText";
import { entries, MAIN_NS, workbookParts, zipParts } from "../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-bytes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const latin1 = (text: string) => Buffer.from(text, "latin1");

/**
 * A workbook whose first sheet is `head + text + middle + tail` as bytes: `text` the bytes of an
 * inline string in B1 that nothing recalculates, A1 10.000, C1 =NL.KIA(2025; A1) and D1 a text that
 * depends on it. Returns the file and the sheet's bytes.
 */
function sheetWith(
  name: string,
  text: Buffer,
  options: { declaration?: string; workbookPart?: Buffer; otherCells?: string } = {},
) {
  const declaration = options.declaration ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const sheet = Buffer.concat([
    latin1(
      `${declaration}<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>10000</v></c><c r="B1" t="inlineStr"><is><t>`,
    ),
    text,
    latin1(
      `</t></is></c><c r="C1"><f>_xldudf_NL_KIA(2025,A1)</f></c><c r="D1" t="str"><f>IF(C1&gt;0,"ja "&amp;UNICHAR(8364),"nee")</f><v>nee</v></c>${options.otherCells ?? ""}</row></sheetData></worksheet>`,
    ),
  ]);
  const parts = workbookParts({ sheets: [{ name: "Blad1", data: "" }] });
  parts["xl/worksheets/sheet1.xml"] = sheet;
  if (options.workbookPart) parts["xl/workbook.xml"] = options.workbookPart;
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, zipParts(parts));
  return { file, sheet, workbookPart: options.workbookPart };
}

/** The sheet's bytes with C1's and D1's results put in as `c1` and `d1` (bytes as the part holds them). */
function expected(sheet: Buffer, c1: string, d1: Buffer): Buffer {
  const text = sheet.toString("latin1");
  const afterC1 = text.indexOf("</f></c>") + "</f>".length;
  const d1Value = text.indexOf("<v>nee</v>") + "<v>".length;
  return Buffer.concat([
    sheet.subarray(0, afterC1),
    latin1(`<v>${c1}</v>`),
    sheet.subarray(afterC1, d1Value),
    d1,
    sheet.subarray(d1Value + "nee".length),
  ]);
}

test("invalid UTF-8 in a cell nothing recalculates stays, byte for byte; the results go in as UTF-8", async () => {
  // A lone é in ISO-8859-1 (E9), a cut-off euro sign (E2 82), a byte UTF-8 never has (FF), a
  // surrogate encoded in UTF-8 (ED A0 80), and a valid euro sign (E2 82 AC) between them.
  const text = Buffer.from([
    0x43, 0x61, 0x66, 0xe9, 0x20, 0xe2, 0x82, 0x20, 0xe2, 0x82, 0xac, 0x20, 0xff, 0xed, 0xa0, 0x80,
  ]);
  const { file, sheet } = sheetWith("ongeldig-utf8", text);
  const output = join(dir, "ongeldig-utf8.uit.xlsx");
  const report = await recalcFile(file, output);
  expect(report.recalculated).toBe(2);
  // KIA 2025 on 10.000: 28% = 2.800; D1 "ja €" in UTF-8 (E2 82 AC), as the part is.
  expect(entries(output)["xl/worksheets/sheet1.xml"].equals(expected(sheet, "2800", Buffer.from("ja €", "utf8")))).toBe(
    true,
  );
});

test("a sheet declared ISO-8859-1: its text is read as ISO-8859-1 and kept; a euro sign goes in as &#8364;", async () => {
  const { file, sheet } = sheetWith("latin1", latin1("Café Müller"), {
    declaration: '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
  });
  const output = join(dir, "latin1.uit.xlsx");
  await recalcFile(file, output);
  const written = entries(output)["xl/worksheets/sheet1.xml"];
  // ISO-8859-1 has no euro sign: a character reference, which reads back as one.
  expect(written.equals(expected(sheet, "2800", latin1("ja &#8364;")))).toBe(true);
  const back = await openWorkbook(output);
  expect(back.sheets[0].cells.get(1, 2)?.value).toBe("Café Müller");
  expect(back.sheets[0].cells.get(1, 4)?.value).toBe("ja €");
});

test("a sheet declared windows-1252: its euro sign (byte 80) is read as € and its bytes are kept", async () => {
  const { file, sheet } = sheetWith("cp1252", Buffer.from([0x80, 0x20, 0x31, 0x30, 0x20, 0x93, 0x6f, 0x6b, 0x94]), {
    declaration: '<?xml version="1.0" encoding="windows-1252"?>',
  });
  expect((await openWorkbook(file)).sheets[0].cells.get(1, 2)?.value).toBe("€ 10 \u201cok\u201d");
  const output = join(dir, "cp1252.uit.xlsx");
  await recalcFile(file, output);
  expect(entries(output)["xl/worksheets/sheet1.xml"].equals(expected(sheet, "2800", latin1("ja &#8364;")))).toBe(true);
});

test("a UTF-16 sheet with an odd last byte keeps it", async () => {
  const parts = workbookParts({ sheets: [{ name: "Blad1", data: "" }] });
  const xml = `\ufeff<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>10000</v></c><c r="C1"><f>_xldudf_NL_KIA(2025,A1)</f></c></row></sheetData></worksheet>`;
  const sheet = Buffer.concat([Buffer.from(xml, "utf16le"), Buffer.from([0x0a])]);
  parts["xl/worksheets/sheet1.xml"] = sheet;
  const file = join(dir, "utf16-oneven.xlsx");
  writeFileSync(file, zipParts(parts));
  const output = join(dir, "utf16-oneven.uit.xlsx");
  await recalcFile(file, output);
  const at = sheet.indexOf(Buffer.from("</f>", "utf16le")) + 8;
  expect(
    entries(output)["xl/worksheets/sheet1.xml"].equals(
      Buffer.concat([sheet.subarray(0, at), Buffer.from("<v>2800</v>", "utf16le"), sheet.subarray(at)]),
    ),
  ).toBe(true);
});

test("the workbook part keeps its invalid bytes when fullCalcOnLoad is set in it", async () => {
  // A cell NL Aftrek cannot compute (an unknown function over the NL result) makes Excel recalculate on opening.
  const workbookPart = Buffer.concat([
    latin1(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Opmerking">"`,
    ),
    Buffer.from([0x43, 0x61, 0x66, 0xe9]),
    latin1('"</definedName></definedNames><calcPr calcId="191029"/></workbook>'),
  ]);
  const { file } = sheetWith("werkmap-ongeldig", latin1("x"), {
    workbookPart,
    otherCells: '<c r="E1"><f>_xll.ONBEKEND(C1)</f><v>1</v></c>',
  });
  const output = join(dir, "werkmap-ongeldig.uit.xlsx");
  const report = await recalcFile(file, output);
  expect(report.fullCalcOnLoad).toBe(true);
  const at = workbookPart.indexOf(latin1('calcId="191029"')) + 'calcId="191029"'.length;
  expect(
    entries(output)["xl/workbook.xml"].equals(
      Buffer.concat([workbookPart.subarray(0, at), latin1(' fullCalcOnLoad="1"'), workbookPart.subarray(at)]),
    ),
  ).toBe(true);
});

test("any bytes in a cell nothing recalculates come back as they were (property)", async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      // Any bytes XML text may hold whatever their encoding: no markup (< & ]), no control characters.
      fc
        .uint8Array({ minLength: 1, maxLength: 40 })
        .map((a) => Buffer.from(a.map((b) => (b < 0x20 || b === 0x3c || b === 0x26 || b === 0x5d ? 0x41 : b))))
        // U+FFFE and U+FFFF (EF BF BE/BF) are no XML characters: such a file is refused, not copied.
        .filter((b) => !/\xef\xbf[\xbe\xbf]/.test(b.toString("latin1"))),
      async (text) => {
        const { file, sheet } = sheetWith(`eigenschap-${run}`, text);
        const output = join(dir, `eigenschap-${run++}.uit.xlsx`);
        await recalcFile(file, output);
        expect(entries(output)["xl/worksheets/sheet1.xml"].equals(expected(sheet, "2800", Buffer.from("ja €")))).toBe(
          true,
        );
      },
    ),
    { numRuns: 40 },
  );
}, 60000);

test("decodeXml reads a part by its byte order mark, UTF-16 without one, or its declaration", () => {
  expect(decodeXml(Buffer.from('<?xml version="1.0"?><a>é</a>', "utf8"))).toMatchObject({
    encoding: "utf8",
    raw: null,
  });
  expect(decodeXml(Buffer.from('<?xml version="1.0"?><a/>', "utf16le"))).toMatchObject({
    encoding: "utf16le",
    text: '<?xml version="1.0"?><a/>',
  });
  expect(decodeXml(latin1("<?xml version='1.0' encoding='iso-8859-1'?><a>\u00e9</a>")).text).toContain("<a>é</a>");
  // Invalid UTF-8: each stray byte one U+FFFD, the bytes kept for the writer.
  const stray = decodeXml(Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0xff, 0x3c, 0x2f, 0x61, 0x3e]));
  expect(stray.text).toBe("<a>\ufffd\ufffd</a>");
  expect(stray.raw).not.toBeNull();
});

test("every place in the text of any bytes read as UTF-8 maps back to its byte (property)", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        // The edges of Unicode table 3-7: leads with narrowed second bytes, cut-off and overlong
        // sequences, surrogates, a real U+FFFD (EF BF BD), and ASCII between them.
        fc
          .array(
            fc.constantFrom(
              [0xe0, 0xa0],
              [0xe0, 0x9f],
              [0xed, 0x9f, 0xbf],
              [0xed, 0xa0, 0x80],
              [0xf0, 0x90, 0x80],
              [0xf0, 0x8f],
              [0xf4, 0x8f, 0xbf, 0xbf],
              [0xf4, 0x90],
              [0xc0, 0xaf],
              [0xc2],
              [0xef, 0xbf, 0xbd],
              [0xe2, 0x82, 0xac],
              [0x80],
              [0xff],
              [0x41],
            ),
            { maxLength: 24 },
          )
          .map((pieces) => Uint8Array.from(pieces.flat())),
      ),
      (array) => {
        const bytes = Buffer.concat([Buffer.from("<a>"), Buffer.from(array), Buffer.from("</a>")]);
        const part = decodeXml(bytes);
        if (part.raw === null) return; // valid UTF-8: the text encodes back as it is
        const offsets = new ByteOffsets(part);
        // Each ASCII character (the places the writer cuts at) is the byte at its offset, in order.
        for (let i = 0; i < part.text.length; i++) {
          const c = part.text.charCodeAt(i);
          if (c < 0x80) expect(bytes[offsets.at(i)]).toBe(c);
        }
        expect(offsets.at(part.text.length)).toBe(bytes.length);
      },
    ),
    { numRuns: 2000 },
  );
});
