/**
 * A file that is not a healthy workbook is refused in seconds, with bounded memory, with a Dutch
 * message that names the file and says what is wrong, exit code 2, and nothing written. And the
 * atomic --in-place write keeps the file's permissions and writes through a symlink.
 */
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync, zipSync } from "fflate";
import { deflateRawSync } from "zlib";
import { runCli } from "../helpers/cli";
import { f, rawEntries, row, storedZip, v, workbookParts, zipParts } from "../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

const healthy = () =>
  workbookParts({ sheets: [{ name: "Blad1", data: row(1, v("A1", 10000), f("B1", "_xldudf_NL_KIA(2025,A1)")) }] });

/** Replaces the shared strings part by `xml` (an XML part every reader parses). */
function withStrings(xml: string): Buffer {
  const parts = healthy();
  parts["xl/sharedStrings.xml"] = xml;
  parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(
    "</Relationships>",
    '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  return zipParts(parts);
}

/** A zip with one entry whose deflated data inflates to `size` zero bytes, declaring `declared`. */
function bomb(size: number, declared: number): Buffer {
  const good = zipParts(healthy());
  const data = deflateRawSync(Buffer.alloc(size), { level: 9 });
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  // Replace the sheet with the bomb: rebuild a zip by hand around its entry (local header, data, central directory).
  const entries = unzipSync(good);
  delete entries["xl/worksheets/sheet1.xml"];
  const rest = Buffer.from(zipSync(entries));
  // Split the rest into its local part and its central directory.
  const eocd = rest.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdSize = rest.readUInt32LE(eocd + 12);
  const cdOffset = rest.readUInt32LE(eocd + 16);
  const count = rest.readUInt16LE(eocd + 10);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); // crc (never reached: the size check comes first)
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const head = rest.subarray(0, cdOffset);
  const cd = rest.subarray(cdOffset, cdOffset + cdSize);
  const newCdOffset = cdOffset + local.length + name.length + data.length;
  const end = Buffer.from(rest.subarray(eocd));
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + central.length + name.length, 12);
  end.writeUInt32LE(newCdOffset, 16);
  return Buffer.concat([head, local, name, data, cd, central, name, end]);
}

const cases: Array<[string, () => Buffer | string, RegExp]> = [
  ["leeg.xlsx", () => "", /leeg\.xlsx: het bestand is leeg/],
  ["tekst.xlsx", () => "dit is geen werkmap", /tekst\.xlsx: is geen geldige werkmap \(geen zip-bestand\)/],
  ["afgebroken.xlsx", () => zipParts(healthy()).subarray(0, 300), /afgebroken\.xlsx: is beschadigd of onvolledig/],
  [
    "xml-bom.xlsx",
    () =>
      withStrings(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol1;</t></si></sst>',
      ),
    /xml-bom\.xlsx: onderdeel xl\/sharedStrings\.xml bevat een DTD/,
  ],
  [
    "extern.xlsx",
    () =>
      withStrings(
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY geheim SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&geheim;</t></si></sst>',
      ),
    /extern\.xlsx: onderdeel xl\/sharedStrings\.xml bevat een DTD/,
  ],
  [
    "onbekende-entiteit.xlsx",
    () =>
      withStrings(
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&geheim;</t></si></sst>',
      ),
    /onbekende-entiteit\.xlsx: onderdeel xl\/sharedStrings\.xml is geen geldige XML \(onbekende entiteit/,
  ],
  [
    "zip-bom.xlsx",
    () => bomb(64 * 1024 * 1024, 64 * 1024 * 1024),
    /zip-bom\.xlsx: onderdeel xl\/worksheets\/sheet1\.xml pakt uit tot 67108864 bytes uit \d+ \(een zip-bom\)/,
  ],
  [
    "liegt.xlsx",
    () => bomb(64 * 1024 * 1024, 1000),
    /liegt\.xlsx: onderdeel xl\/worksheets\/sheet1\.xml is beschadigd of groter dan opgegeven/,
  ],
  [
    "buiten-blad.xlsx",
    () => zipParts(workbookParts({ sheets: [{ name: "Blad1", data: row(1, v("XFE1", 1)) }] })),
    /buiten-blad\.xlsx: blad 'Blad1' heeft een cel buiten het blad \(XFE1; het laatste is XFD1048576\)/,
  ],
  [
    "te-veel-rijen.xlsx",
    () =>
      zipParts(
        workbookParts({ sheets: [{ name: "Blad1", data: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }] }),
      ),
    /te-veel-rijen\.xlsx: blad 'Blad1' heeft een rij buiten het blad/,
  ],
  [
    "geen-werkmap.xlsx",
    () => zipParts({ "[Content_Types].xml": "<Types/>", "docProps/app.xml": "<Properties/>" }),
    /geen-werkmap\.xlsx: is geen Excel-werkmap \(het werkmaponderdeel xl\/workbook\.xml ontbreekt\)/,
  ],
  [
    "een-document.xlsx",
    () => zipParts({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    /een-document\.xlsx: is geen Excel-werkmap \(het is een Word-document \(\.docx\)\)/,
  ],
  [
    // LibreOffice's own format under an Excel name: said so, with what to do.
    "rekenblad-ods.xlsx",
    () =>
      zipParts({
        mimetype: "application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": "<office:document-content/>",
        "META-INF/manifest.xml": "<manifest:manifest/>",
      }),
    /rekenblad-ods\.xlsx: is geen Excel-werkmap \(het is een OpenDocument-rekenblad \(\.ods\); sla het in LibreOffice op als Excel-werkmap \(\.xlsx\)\)/,
  ],
  [
    "binair.xlsx",
    () => {
      const parts = workbookParts({ sheets: [{ name: "Blad1", data: row(1, v("A1", 1)) }] });
      parts["_rels/.rels"] = (parts["_rels/.rels"] as string).replace("xl/workbook.xml", "xl/workbook.bin");
      parts["xl/workbook.bin"] = "\u0083\u0001\u0000";
      return zipParts(parts);
    },
    /binair\.xlsx: is een binaire Excel-werkmap \(\.xlsb\); sla die in Excel op als \.xlsx of \.xlsm/,
  ],
  // Another spreadsheet format by its extension: what to save it as.
  [
    "oud.xls",
    () => zipParts(healthy()),
    /oud\.xls: geen Excel-werkmap \(\.xlsx of \.xlsm\); sla een oud \.xls-bestand op als \.xlsx\./,
  ],
  ["binair.xlsb", () => zipParts(healthy()), /binair\.xlsb: .*sla een binaire \.xlsb-werkmap in Excel op als \.xlsx\./],
  ["blad.ods", () => zipParts(healthy()), /blad\.ods: .*sla een OpenDocument-rekenblad in LibreOffice op als \.xlsx\./],
  ["export.csv", () => Buffer.from("a;b\n1;2\n"), /export\.csv: .*open het in Excel en sla het op als \.xlsx\./],
  ["notities.txt", () => Buffer.from("tekst"), /notities\.txt: geen Excel-werkmap \(\.xlsx of \.xlsm\)\.$/m],
  // A sheet twice under one name: a reader takes either, and a recalculation would change one of them.
  [
    "blad-twee-keer.xlsx",
    () => {
      const list = rawEntries(healthy());
      const sheet = list.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
      return storedZip([
        ...list,
        { name: sheet.name, data: Buffer.from(sheet.data.toString().replace("10000", "20000")) },
      ]);
    },
    /blad-twee-keer\.xlsx: is beschadigd: het onderdeel xl\/worksheets\/sheet1\.xml staat twee keer in het bestand/,
  ],
  // Names that differ in case only are one part name to OPC (ECMA-376 Part 2, 6.2.2.3 and M1.12).
  [
    "hoofdletters.xlsx",
    () => {
      const list = rawEntries(healthy());
      return storedZip([...list, { name: "XL/Worksheets/Sheet1.xml", data: list[0].data }]);
    },
    /hoofdletters\.xlsx: is beschadigd: het onderdeel XL\/Worksheets\/Sheet1\.xml staat twee keer in het bestand/,
  ],
  // 400 entries over one stored 5 MB stretch: the file is 5 MB, a copy of its entries 2 GB.
  [
    "gedeelde-bytes.xlsx",
    () => {
      const list = rawEntries(healthy());
      return storedZip([
        ...list,
        { name: "xl/media/blok0.bin", data: Buffer.alloc(5 * 1024 * 1024, 0x41) },
        ...Array.from({ length: 399 }, (_, i) => ({ name: `xl/media/blok${i + 1}.bin`, sameAs: list.length })),
      ]);
    },
    /gedeelde-bytes\.xlsx: is beschadigd: de onderdelen xl\/media\/blok\d+\.bin en xl\/media\/blok\d+\.bin delen dezelfde bytes/,
  ],
  // A cell twice in a row: the first copy would get the new result and the second stay stale, or
  // the other way round; which one a reader shows differs.
  [
    "cel-twee-keer.xlsx",
    () =>
      zipParts(
        workbookParts({
          sheets: [
            {
              name: "Blad1",
              data: row(1, v("A1", 10000), f("B1", "_xldudf_NL_KIA(2025,A1)"), f("B1", "_xldudf_NL_KIA(2025,A1)")),
            },
          ],
        }),
      ),
    /cel-twee-keer\.xlsx: blad 'Blad1' heeft cel B1 twee keer; welke van de twee geldt, verschilt per programma\. Het bestand is beschadigd/,
  ],
];

test.each(cases)(
  "%s is refused with a message that names it, exit code 2, nothing written",
  async (name, content, message) => {
    const input = join(dir, name);
    writeFileSync(input, content());
    const output = join(dir, `uit-${name}`);
    const { code, err } = await run("recalc", input, "-o", output);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/at .*\.(js|ts):\d+|Error:|ENOENT|RangeError/); // no library or stack text
    expect(existsSync(output)).toBe(false);
  },
);

describe("--in-place", () => {
  const make = (file: string) => writeFileSync(file, zipParts(healthy()));

  test("keeps the file's permissions", async () => {
    const file = join(dir, "rechten.xlsx");
    make(file);
    chmodSync(file, 0o640);
    expect((await run("recalc", file, "--in-place")).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(file).includes(Buffer.from("xl/worksheets/sheet1.xml"))).toBe(true);
  });

  test("writes through a symlink to its target and leaves the link a link", async () => {
    const target = join(dir, "doel.xlsx");
    const link = join(dir, "snelkoppeling.xlsx");
    make(target);
    const before = readFileSync(target);
    symlinkSync(target, link);
    expect((await run("recalc", link, "--in-place")).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target).equals(before)).toBe(false); // the target got the new value
  });
});
