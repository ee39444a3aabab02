/**
 * A long recalculation shows it is busy: recalcFile reports its phases and, while computing, the
 * cells done of all; the command line turns that into at most a line a second, none for a quick file.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { RecalcProgress } from "../../src/engine/recalcInterface";
import { recalcFile } from "../../src/engine/recalcFile";
import { progressLines } from "../../src/cli/progress";
import { f, row, v, writeWorkbookFile } from "../helpers/xlsx";

const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("recalcFile tells its phases in order, and the cells computed up to all of them", async () => {
  // 5.000 rows of KIA, and a total over them that HyperFormula computes: 5.001 cells.
  const rows = Array.from({ length: 5000 }, (_, i) =>
    row(i + 1, v(`A${i + 1}`, 10000), f(`B${i + 1}`, `_xldudf_NL_KIA(2025,A${i + 1})`)),
  );
  const input = join(dir, "lang.xlsx");
  writeWorkbookFile(input, {
    sheets: [{ name: "Blad1", data: rows.join("") + row(5001, f("B5001", "SUM(B1:B5000)")) }],
  });
  const told: RecalcProgress[] = [];
  const report = await recalcFile(input, join(dir, "uit.xlsx"), { progress: (p) => told.push(p) });
  expect(report.recalculated).toBe(5001);
  expect(told[0]).toEqual({ phase: "lezen", done: 0, total: 0 });
  expect(told[1]).toEqual({ phase: "rekenen", done: 0, total: 5001 });
  const computing = told.filter((p) => p.phase === "rekenen").map((p) => p.done);
  expect(computing).toEqual([...computing].sort((a, b) => a - b)); // never backwards
  expect(computing).toContain(4096); // in between, not only at the end
  expect(computing[computing.length - 1]).toBe(5001);
  expect(told[told.length - 1]).toEqual({ phase: "schrijven", done: 5001, total: 5001 });
});

describe("progress lines", () => {
  let now = 0;
  const clock = () => now;
  const lines: string[] = [];
  const show = progressLines("klanten.xlsx", (l) => lines.push(l), clock);

  test("nothing in the first second", () => {
    show({ phase: "lezen", done: 0, total: 0 });
    now = 900;
    show({ phase: "rekenen", done: 0, total: 300000 });
    expect(lines).toEqual([]);
  });

  test("then at most one line a second, in Dutch with the counts", () => {
    now = 1000;
    show({ phase: "rekenen", done: 122880, total: 300000 });
    now = 1500;
    show({ phase: "rekenen", done: 204800, total: 300000 });
    now = 2100;
    show({ phase: "schrijven", done: 300000, total: 300000 });
    expect(lines).toEqual([
      "klanten.xlsx: rekenen, 122.880 van 300.000 cellen",
      "klanten.xlsx: schrijven (300.000 cellen)",
    ]);
  });
});
