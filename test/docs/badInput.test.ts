import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { badInputTable } from "./badInputTable";

const file = join(__dirname, "../../docs/foutmeldingen.md");

test("docs/foutmeldingen.md is what the functions really answer", () => {
  const generated = badInputTable();
  if (process.env.UPDATE_DOCS) writeFileSync(file, generated);
  expect(readFileSync(file, "utf8")).toBe(generated);
});

test("every error in the table names its argument or the year, in Dutch", () => {
  const rows = badInputTable()
    .split("\n")
    .filter((l) => /^\| `/.test(l));
  expect(rows.length).toBeGreaterThan(150);
  for (const row of rows) {
    const [, arg, , result] = row.split(/(?<!\\)\|/).map((c) => c.trim());
    if (!/^#(VALUE!|N\/A)/.test(result)) continue;
    const name = arg.replace(/`/g, "");
    expect([row, result.includes(`'${name}'`) || /jaar/i.test(result) || /argumenten/.test(result)]).toEqual([
      row,
      true,
    ]);
  }
});

test("every message in the table fits what Excel shows whole (Excel for Mac cuts at about 255 characters)", () => {
  // OfficeDev/office-js #4133: the error hint on a Mac is cut at about 255 characters
  const rows = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => /^\| /.test(l));
  const messages = rows
    .map((row) => row.split(/(?<!\\)\|/).map((c) => c.trim())[3] ?? "")
    .map((result) => /^#(VALUE!|N\/A) (.*)$/.exec(result.replace(/\\\|/g, "|"))?.[2])
    .filter((m): m is string => m !== undefined);
  expect(messages.length).toBeGreaterThan(150);
  const tooLong = messages.filter((m) => m.length > 255);
  expect(tooLong).toEqual([]);
});
