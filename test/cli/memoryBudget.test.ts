/**
 * `nl-aftrek recalc` stays under 1 GB of memory on any input the limits let through (issue 31): a
 * workbook that needs more is a Dutch message naming it, exit code 2, nothing written (no output,
 * no temporary file; with --in-place the original byte for byte), and a batch goes on with the
 * next file. The peak is the whole process's (its worker threads included), as the operating
 * system counts it.
 *
 * The workbooks are text: two sheets of 12.000 cells of 32.000 characters (Excel's limit for a cell
 * is 32.767), 384 MB of XML each, within the reader's limits (400 MB per part, 1 GB in all); before
 * the budget, reading them took 1,6 GB. KIA 2025 (art. 3.41 lid 2 Wet IB 2001): 10.000 invested
 * gives 28% = 2.800.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parseA1 } from "../../src/workbook/address";
import { openWorkbook } from "../../src/workbook/workbookReader";
import { runCliProcess, runCliProcessWith } from "../helpers/cli";
import { f, rawEntries, row, storedZip, v, workbookParts, writeWorkbookFile } from "../helpers/xlsx";

const base = mkdtempSync(join(tmpdir(), "nl-aftrek-geheugen-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** `rows` rows (from row 2) of one cell of 32.000 characters each: rows × 32 KB of sheet XML. */
function textRows(rows: number): Buffer {
  // Letters that repeat every 1.000 characters: deflate packs them well, yet far less than the
  // 1.000 to 1 from which the reader refuses a part as a zip bomb.
  const block = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join("");
  const text = Buffer.from(block.repeat(32));
  const pieces: Buffer[] = [];
  for (let r = 2; r <= rows + 1; r++) {
    pieces.push(
      Buffer.from(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>`),
      text,
      Buffer.from("</t></is></c></row>"),
    );
  }
  return Buffer.concat(pieces);
}

/** A workbook with an NL formula in B1 and `rowsPerSheet` rows of long text in each of two sheets. */
function bigWorkbook(file: string, rowsPerSheet: number): void {
  const first = row(1, v("A1", 10000), f("B1", "_xldudf_NL_KIA(2025,A1)"));
  const parts = workbookParts({
    sheets: [
      { name: "Blad1", data: `${first}@ROWS@` },
      { name: "Blad2", data: `${first}@ROWS@` },
    ],
  });
  const rows = textRows(rowsPerSheet);
  for (const name of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
    const [head, tail] = (parts[name] as string).split("@ROWS@");
    parts[name] = Buffer.concat([Buffer.from(head), rows, Buffer.from(tail)]);
  }
  writeFileSync(file, storedZip(rawEntries(parts), { deflate: true }));
}

/** A small workbook with one NL formula (B1 = KIA 2025 over 10.000 invested) and a stale cache. */
function smallWorkbook(file: string): void {
  writeWorkbookFile(file, {
    sheets: [{ name: "Blad1", data: row(1, v("A1", 10000), f("B1", "_xldudf_NL_KIA(2025,A1)")) }],
  });
}

async function b1(file: string) {
  const pkg = await openWorkbook(file);
  const at = parseA1("B1")!;
  return pkg.sheets[0].cells.get(at.row, at.col)?.value;
}

const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".nl-aftrek.tmp"));

test("a workbook that needs more than 1 GB: a Dutch message naming it, exit code 2, nothing written, the process under 1 GB", () => {
  const dir = join(base, "een");
  mkdirSync(dir);
  const file = join(dir, "groot.xlsx");
  bigWorkbook(file, 12000);
  const { code, err, peakMB } = runCliProcess("recalc", file);
  expect(code).toBe(2);
  expect(err).toContain(`${file}: deze werkmap is te groot om binnen 1 GB geheugen te herberekenen`);
  expect(err).toContain("er is niets geschreven");
  expect(err).not.toMatch(/heap|Error|at .*\.js/);
  expect(readdirSync(dir)).toEqual(["groot.xlsx"]); // no output, no temporary file
  expect(peakMB).toBeLessThan(1024); // 1,6 GB before the budget
});

test("a batch with --in-place goes on past a file over the budget: it stays byte for byte, the others are recalculated", async () => {
  // A budget of 384 MB (NL_AFTREK_GEHEUGEN_MB, for tests; the product's is 1 GB) and sheets of
  // 3.000 rows (96 MB of XML each): the same story, a quarter of the time.
  const dir = join(base, "map");
  mkdirSync(dir);
  smallWorkbook(join(dir, "a.xlsx"));
  bigWorkbook(join(dir, "b-groot.xlsx"), 3000);
  smallWorkbook(join(dir, "c.xlsx"));
  const before = readFileSync(join(dir, "b-groot.xlsx"));
  const { code, out, err, peakMB } = runCliProcessWith(
    { NL_AFTREK_GEHEUGEN_MB: "384" },
    "recalc",
    dir,
    "--in-place",
    "--jobs",
    "2",
  );
  expect(code).toBe(2);
  expect(err).toContain(
    `${join(dir, "b-groot.xlsx")}: deze werkmap is te groot om binnen 384 MB geheugen te herberekenen`,
  );
  expect(out).toMatch(/3 bestand\(en\) .*2 herberekend, 0 ongewijzigd, 1 mislukt/);
  expect(readFileSync(join(dir, "b-groot.xlsx")).equals(before)).toBe(true);
  expect(await b1(join(dir, "a.xlsx"))).toBe(2800);
  expect(await b1(join(dir, "c.xlsx"))).toBe(2800);
  expect(temporaries(dir)).toEqual([]);
  expect(peakMB).toBeLessThan(384);
});
