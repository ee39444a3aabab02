/**
 * Values between HyperFormula and the engine (src/engine/hyperformula/hfValues.ts): every Excel error code both
 * ways, an NL function's error and message through HyperFormula, and what HyperFormula computed
 * read as it is.
 */
import { mkdtempSync, rmSync } from "fs";
import { CellError, EmptyValue, ErrorType } from "hyperformula";
import { tmpdir } from "os";
import { join } from "path";
import { evaluateFormula, formatValue } from "../../../src/engine/evalFormula";
import { toCellValue, toEngineValue } from "../../../src/engine/hyperformula/hfValues";
import { recalcFile } from "../../../src/engine/recalcFile";
import { openWorkbook } from "../../../src/workbook/workbookReader";
import { f, row, writeWorkbookFile } from "../../helpers/xlsx";

test("each of Excel's error codes is the same error after a round trip", () => {
  for (const code of ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#REF!", "#NAME?"]) {
    const there = toEngineValue({ error: code }) as CellError;
    expect(there).toBeInstanceOf(CellError);
    expect(toCellValue(there)).toEqual({ error: code });
  }
  expect((toEngineValue({ error: "#N/A" }) as CellError).type).toBe(ErrorType.NA);
  expect((toEngineValue({ error: "#DIV/0!" }) as CellError).type).toBe(ErrorType.DIV_BY_ZERO);
  // HyperFormula's own codes keep theirs: no workbook may hold them, and none is written
  expect(toCellValue(new CellError(ErrorType.CYCLE))).toEqual({ error: "#CYCLE!" });
});

test("empty, numbers, text and logical values", () => {
  expect(toCellValue(EmptyValue)).toBeNull();
  expect(toEngineValue(null)).toBe(EmptyValue);
  for (const value of [0, -812.28, "tekst", true, false]) expect(toCellValue(toEngineValue(value))).toBe(value);
});

test("an error made by the engine keeps its Dutch message; HyperFormula's own gets one", () => {
  // KIA for 2027, a year not covered: the NL function's own message, without a prefix
  expect(formatValue(evaluateFormula("=N(NL.KIA(2027; 1))"))).toBe(
    "#N/A Kleinschaligheidsinvesteringsaftrek: geen gegevens voor jaar 2027. Beschikbare jaren: 2022–2026.",
  );
  expect(toCellValue(new CellError(ErrorType.VALUE, "Value cannot be coerced to number."))).toEqual({
    error: "#VALUE!",
    message: "De waarde is geen getal.",
  });
});

test("an error in a range reaches an NL function inside HyperFormula as itself", async () => {
  const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-hfvalues-"));
  try {
    const input = join(dir, "in.xlsx");
    const output = join(dir, "uit.xlsx");
    // A1: KIA for 2021, not covered: #N/A; B1 gives the range A1:A2 to KIA inside N(), HyperFormula's
    writeWorkbookFile(input, {
      sheets: [
        {
          name: "Blad1",
          data: row(1, f("A1", "_xldudf_NL_KIA(2021,2901)"), f("B1", "N(_xldudf_NL_KIA(2025,A1:A2))")),
        },
      ],
    });
    await recalcFile(input, output);
    expect((await openWorkbook(output)).sheets[0].cells.get(1, 2)?.value).toEqual({ error: "#N/A" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
