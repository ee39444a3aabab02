/**
 * Precision on real-world workbooks: the 214 workbooks of ../shared/corpus (Apache POI's test
 * files: budgets, reports, forms, none of them a Dutch tax template) give no finding at all, with
 * every way of finding a year and a whole percentage switched on.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { auditWorkbook } from "../../src/audit/workbookAudit";
import { WorkbookError } from "../../src/workbook/errors";

const corpus = join(__dirname, "../../../shared/corpus/workbooks");

test("0 findings on the real-world corpus", async () => {
  const files = readdirSync(corpus).filter((f) => /\.xls[xm]$/i.test(f));
  expect(files.length).toBeGreaterThanOrEqual(200);
  let read = 0;
  const found: string[] = [];
  for (const file of files) {
    try {
      const { findings } = await auditWorkbook(join(corpus, file), { today: 2026 });
      read++;
      found.push(...findings.map((f) => `${file} ${f.cell} ${f.written} ${f.parameter}`));
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
    }
  }
  expect(read).toBeGreaterThanOrEqual(200);
  expect(found).toEqual([]);
}, 120000);
