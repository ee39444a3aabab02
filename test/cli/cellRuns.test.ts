/**
 * The CLI lists cells that keep Excel's value, or give an error, per column run: one line for a
 * filled-down column instead of one per cell.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cellRuns } from "../../src/cli/cellRuns";
import { runCli } from "../helpers/cli";
import { f, row, writeWorkbookFile } from "../helpers/xlsx";

const KEPT = "hangt af van een cel die niet herberekend kan worden";

describe("cells listed in runs down a column", () => {
  test("a column of 10.000 cells with one reason is one line; a gap starts a new run", () => {
    const items = [];
    for (let row = 2; row <= 10001; row++) items.push({ cell: "Klanten!F" + row, text: KEPT });
    items.push({ cell: "Klanten!F10003", text: KEPT });
    expect(cellRuns(items)).toEqual([`Klanten!F2:F10001 (10.000 cellen): ${KEPT}`, `Klanten!F10003: ${KEPT}`]);
  });

  test("another reason, another column or another sheet is another line, in sheet, row and column order", () => {
    const lines = cellRuns([
      { cell: "'Mijn blad'!AA3", text: "#N/A geen gegevens voor 2027" },
      { cell: "Blad1!B2", text: "#N/A geen gegevens voor 2027" },
      { cell: "Blad1!B3", text: "#VALUE! Argument 'winst'" },
      { cell: "Blad1!B4", text: "#N/A geen gegevens voor 2027" },
      { cell: "'Mijn blad'!B3", text: "#N/A geen gegevens voor 2027" },
      { cell: "'Mijn blad'!AA2", text: "#N/A geen gegevens voor 2027" },
      { cell: "Blad1!A2", text: "#N/A geen gegevens voor 2027" },
    ]);
    expect(lines).toEqual([
      "'Mijn blad'!AA2:AA3 (2 cellen): #N/A geen gegevens voor 2027",
      "'Mijn blad'!B3: #N/A geen gegevens voor 2027",
      "Blad1!A2: #N/A geen gegevens voor 2027",
      "Blad1!B2: #N/A geen gegevens voor 2027",
      "Blad1!B3: #VALUE! Argument 'winst'",
      "Blad1!B4: #N/A geen gegevens voor 2027",
    ]);
  });

  test("a cell named otherwise (a whole range) is listed as it is", () => {
    expect(cellRuns([{ cell: "Blad1!B2:C3", text: KEPT }])).toEqual([`Blad1!B2:C3: ${KEPT}`]);
  });
});

test("nl-aftrek recalc prints a filled-down column once, with its size", async () => {
  // Column A: NL.KIA(2025; 2901) = 812,28 in each row; column B joins it into text, which Excel
  // spells in the user's language: kept, row after row.
  const dir = mkdtempSync(join(tmpdir(), "nl-runs-"));
  const file = join(dir, "lijst.xlsx");
  const rows = [1, 2, 3, 4].map((r) => row(r, f(`A${r}`, "_xldudf_NL_KIA(2025,2901)"), f(`B${r}`, `"KIA: "&A${r}`)));
  writeWorkbookFile(file, { sheets: [{ name: "Blad1", data: rows.join("") }] });
  const { code, out } = await runCli("recalc", file, "-o", join(dir, "uit.xlsx"));
  expect(code).toBe(3); // written, but cells keep Excel's text: not all recalculated
  expect(out).toContain("4 niet herberekend");
  expect(out).not.toContain("waarvan"); // none of them an NL formula
  expect(out).toMatch(/\n {2}niet herberekend Blad1!B1:B4 \(4 cellen\): zet een getal of WAAR\/ONWAAR in tekst/);
  expect(out.match(/niet herberekend Blad1!/g)).toHaveLength(1);
});
