/**
 * `nl-aftrek recalc` on a firm's folder: every workbook gets its own line and its own output, a
 * broken one does not stop the others, the exit code says whether any failed, spreadsheets in
 * another format are named instead of passed over in silence, and the worker threads write the
 * same files as one thread.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../helpers/cli";
import { entryText, f, row, v, writeWorkbookFile, zipParts, workbookParts } from "../helpers/xlsx";

const root = join(__dirname, "../..");
const base = mkdtempSync(join(tmpdir(), "nl-aftrek-batch-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A client's workbook: KIA over one investment, and the zelfstandigenaftrek. */
function clientWorkbook(file: string, investering: number): void {
  writeWorkbookFile(file, {
    sheets: [
      {
        name: "Klant",
        data: row(
          1,
          v("A1", 2025),
          v("B1", investering),
          f("C1", "_xldudf_NL_KIA(A1,B1)"),
          f("D1", "_xldudf_NL_ZELFSTANDIGENAFTREK(A1,TRUE,50000)"),
        ),
      },
    ],
  });
}

/** The folder a firm points the tool at, with everything such a folder holds. */
function firmFolder(name: string, withBroken = true): string {
  const dir = join(base, name);
  mkdirSync(join(dir, "2025"), { recursive: true });
  // 10.000 -> KIA 28% = 2.800; 2.901 -> 28% = 812,28 (art. 3.41 Wet IB 2001, table 2025).
  clientWorkbook(join(dir, "bakker.xlsx"), 10000);
  clientWorkbook(join(dir, "2025", "slager.xlsm"), 2901);
  writeWorkbookFile(join(dir, "zonder-nl.xlsx"), {
    sheets: [{ name: "Blad1", data: row(1, v("A1", 1), f("B1", "A1*2")) }],
  });
  if (withBroken) writeFileSync(join(dir, "kapot.xlsx"), zipParts(workbookParts({ sheets: [] })).subarray(0, 200));
  // Not inputs: Excel's lock file, an earlier output, notes, and spreadsheets in another format.
  writeFileSync(join(dir, "~$bakker.xlsx"), "lock");
  clientWorkbook(join(dir, "bakker.herberekend.xlsx"), 1);
  writeFileSync(join(dir, "notities.txt"), "bel de klant");
  writeFileSync(join(dir, "oud.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  writeFileSync(join(dir, "2025", "export.ods"), "PK");
  return dir;
}

const value = (file: string, cell: string): string | undefined =>
  new RegExp(`<c r="${cell}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(
    entryText(file, "xl/worksheets/sheet1.xml"),
  )?.[1];

describe("a folder with healthy, broken and NL-free workbooks", () => {
  const dir = firmFolder("map");
  const out = join(base, "map-uit");
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    result = await runCli("recalc", dir, "-o", out, "--jobs", "1");
  });

  test("each workbook gets its own progress line, the broken one too", () => {
    const lines = result.err.split("\n").filter((l) => /^\[\d\/4\]/.test(l));
    expect(lines).toHaveLength(4);
    expect(lines.join("\n")).toContain(`${join(dir, "bakker.xlsx")}: 2 cel(len) herberekend`);
    expect(lines.join("\n")).toContain(`${join(dir, "2025", "slager.xlsm")}: 2 cel(len) herberekend`);
    expect(lines.join("\n")).toContain(`${join(dir, "zonder-nl.xlsx")}: geen NL-formules; ongewijzigd`);
    expect(lines.join("\n")).toMatch(/kapot\.xlsx: FOUT kapot\.xlsx: is beschadigd of onvolledig/);
  });

  test("a summary per run, and exit code 2 because one failed", () => {
    expect(result.code).toBe(2);
    expect(result.out).toMatch(
      /Samen: 4 bestand\(en\) in [\d,]+ s: 2 herberekend, 1 ongewijzigd, 1 mislukt; 4 cellen herberekend, 0 niet herberekend\./,
    );
  });

  test("the broken one did not stop the others: their results are written, the subfolder kept", () => {
    expect(value(join(out, "bakker.xlsx"), "C1")).toBe("2800");
    expect(value(join(out, "bakker.xlsx"), "D1")).toBe("2470");
    expect(value(join(out, "2025", "slager.xlsm"), "C1")).toBe("812.28");
    expect(readFileSync(join(out, "zonder-nl.xlsx")).equals(readFileSync(join(dir, "zonder-nl.xlsx")))).toBe(true);
    expect(existsSync(join(out, "kapot.xlsx"))).toBe(false);
  });

  test("lock files, earlier outputs and notes are no inputs; other spreadsheet formats are named", () => {
    expect(existsSync(join(out, "~$bakker.xlsx"))).toBe(false);
    expect(existsSync(join(out, "bakker.herberekend.xlsx"))).toBe(false);
    expect(result.err).toContain(
      `Overgeslagen: 2 rekenblad(en) in een ander formaat dan .xlsx of .xlsm (${join(dir, "2025", "export.ods")}, ${join(dir, "oud.xls")}); sla ze op als .xlsx om ze mee te laten herberekenen.`,
    );
    expect(result.err).not.toContain("notities.txt");
  });

  test("--json: one entry per workbook, the skipped ones and the totals", async () => {
    const { code, out: json } = await runCli("recalc", dir, "-o", join(base, "map-json"), "--json", "--jobs", "1");
    expect(code).toBe(2);
    const summary = JSON.parse(json);
    expect(summary.files).toHaveLength(4);
    expect(summary.files.filter((f: { error?: string }) => f.error)).toEqual([
      { input: join(dir, "kapot.xlsx"), error: expect.stringContaining("kapot.xlsx: is beschadigd") },
    ]);
    expect(summary.skipped).toEqual([join(dir, "2025", "export.ods"), join(dir, "oud.xls")]);
    expect(summary.totals).toEqual({
      recalculatedFiles: 2,
      unchangedFiles: 1,
      failedFiles: 1,
      cells: 4,
      notRecalculated: 0,
      nlNotRecalculated: 0,
      errors: 0,
    });
  });
});

test("without a broken workbook the exit code is 0", async () => {
  const dir = firmFolder("gezond", false);
  const { code, out } = await runCli("recalc", dir, "-o", join(base, "gezond-uit"), "--jobs", "1");
  expect(code).toBe(0);
  expect(out).toMatch(/Samen: 3 bestand\(en\) .*: 2 herberekend, 1 ongewijzigd, 0 mislukt/);
});

test("several files as arguments: each written beside its input; a missing one is named and counts as failed", async () => {
  const dir = join(base, "los");
  mkdirSync(dir);
  clientWorkbook(join(dir, "a.xlsx"), 10000);
  clientWorkbook(join(dir, "b.xlsx"), 2901);
  const { code, err } = await runCli("recalc", join(dir, "a.xlsx"), join(dir, "weg.xlsx"), join(dir, "b.xlsx"));
  expect(code).toBe(2);
  expect(err).toContain(`Fout: ${join(dir, "weg.xlsx")}: bestand of map niet gevonden.`);
  expect(value(join(dir, "a.herberekend.xlsx"), "C1")).toBe("2800");
  expect(value(join(dir, "b.herberekend.xlsx"), "C1")).toBe("812.28");
});

test("a folder with only other spreadsheet formats says so, exit code 2", async () => {
  const dir = join(base, "alleen-xls");
  mkdirSync(dir);
  writeFileSync(join(dir, "klant.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  const { code, err } = await runCli("recalc", dir);
  expect(code).toBe(2);
  expect(err).toContain("Geen .xlsx- of .xlsm-bestanden gevonden.");
  expect(err).toContain(
    `Overgeslagen: 1 rekenblad(en) in een ander formaat dan .xlsx of .xlsm (${join(dir, "klant.xls")})`,
  );
});

test("the compiled CLI on two worker threads writes the same files as on one thread", () => {
  const dir = firmFolder("draden");
  const cli = join(root, "bin/nl-aftrek.js");
  const one = spawnSync(process.execPath, [cli, "recalc", dir, "-o", join(base, "draden-1"), "--jobs", "1"], {
    encoding: "utf8",
  });
  const two = spawnSync(process.execPath, [cli, "recalc", dir, "-o", join(base, "draden-2"), "--jobs", "2"], {
    encoding: "utf8",
  });
  expect([one.status, two.status]).toEqual([2, 2]);
  for (const file of ["bakker.xlsx", join("2025", "slager.xlsm"), "zonder-nl.xlsx"]) {
    expect(readFileSync(join(base, "draden-2", file)).equals(readFileSync(join(base, "draden-1", file)))).toBe(true);
  }
  const summary = (s: string) => /Samen: 4 bestand\(en\) in [\d,]+ s: (.*)/.exec(s)?.[1];
  expect(summary(two.stdout)).toBe(
    "2 herberekend, 1 ongewijzigd, 1 mislukt; 4 cellen herberekend, 0 niet herberekend.",
  );
  expect(summary(two.stdout)).toBe(summary(one.stdout));
});

test("an output folder that cannot be made: a Dutch message, exit code 2, nothing written", async () => {
  const dir = firmFolder("naar-bestand", false);
  const notAFolder = join(base, "uit-is-een-bestand");
  writeFileSync(notAFolder, "");
  const { code, err } = await runCli("recalc", dir, "-o", notAFolder, "--jobs", "1");
  expect(code).toBe(2);
  expect(err).toMatch(
    /Fout: de map .*uit-is-een-bestand kan niet worden gemaakt \((er staat al een bestand met die naam|een deel van het pad is geen map maar een bestand)\); er is niets geschreven\./,
  );
  expect(readFileSync(notAFolder, "utf8")).toBe("");
});

test("an output folder inside the input folder is no input the next time", async () => {
  const dir = firmFolder("binnen", false);
  const out = join(dir, "herberekend");
  const first = await runCli("recalc", dir, "-o", out, "--jobs", "1");
  const second = await runCli("recalc", dir, "-o", out, "--jobs", "1");
  expect([first.code, second.code]).toEqual([0, 0]);
  expect(second.out).toMatch(/Samen: 3 bestand\(en\)/);
  expect(existsSync(join(out, "herberekend"))).toBe(false);
  expect(value(join(out, "bakker.xlsx"), "C1")).toBe("2800");
});

describe("what would overwrite a file or give one Excel cannot open is refused before anything is written", () => {
  test("two folders with a workbook of the same name, into one output folder: exit code 1, nothing written", async () => {
    const dir = join(base, "twee-mappen");
    for (const year of ["2024", "2025"]) {
      mkdirSync(join(dir, year), { recursive: true });
      clientWorkbook(join(dir, year, "bakker.xlsx"), 10000);
    }
    const out = join(base, "twee-mappen-uit");
    const { code, err } = await runCli("recalc", join(dir, "2024"), join(dir, "2025"), "-o", out);
    expect(code).toBe(1);
    expect(err).toContain(
      `${join(dir, "2024", "bakker.xlsx")} en ${join(dir, "2025", "bakker.xlsx")} komen allebei in ${join(out, "bakker.xlsx")} terecht: het tweede zou het eerste overschrijven.`,
    );
    expect(existsSync(out)).toBe(false);
  });

  test("an output that is another input: exit code 1, nothing written", async () => {
    const dir = join(base, "uitvoer-is-invoer");
    mkdirSync(dir);
    clientWorkbook(join(dir, "a.xlsx"), 10000);
    clientWorkbook(join(dir, "a.herberekend.xlsx"), 2901);
    const before = readFileSync(join(dir, "a.herberekend.xlsx"));
    const { code, err } = await runCli("recalc", join(dir, "a.xlsx"), join(dir, "a.herberekend.xlsx"));
    expect(code).toBe(1);
    expect(err).toContain(
      `De uitvoer van ${join(dir, "a.xlsx")} (${join(dir, "a.herberekend.xlsx")}) is ook een invoerbestand`,
    );
    expect(readFileSync(join(dir, "a.herberekend.xlsx")).equals(before)).toBe(true);
  });

  test("a workbook with macros written as .xlsx, or a workbook as .csv: exit code 1, nothing written", async () => {
    const dir = join(base, "extensie");
    mkdirSync(dir);
    clientWorkbook(join(dir, "slager.xlsm"), 2901);
    clientWorkbook(join(dir, "bakker.xlsx"), 10000);
    const macros = await runCli("recalc", join(dir, "slager.xlsm"), "-o", join(dir, "slager.xlsx"));
    expect(macros.code).toBe(1);
    expect(macros.err).toContain(
      `Het uitvoerbestand ${join(dir, "slager.xlsx")} heeft niet de extensie van ${join(dir, "slager.xlsm")} (.xlsm)`,
    );
    const csv = await runCli("recalc", join(dir, "bakker.xlsx"), "-o", join(dir, "bakker.csv"));
    expect(csv.code).toBe(1);
    expect(existsSync(join(dir, "slager.xlsx")) || existsSync(join(dir, "bakker.csv"))).toBe(false);
  });

  test("a file named twice, or again inside a folder also named, is recalculated once", async () => {
    const dir = join(base, "dubbel");
    mkdirSync(dir);
    clientWorkbook(join(dir, "a.xlsx"), 10000);
    const twice = await runCli("recalc", join(dir, "a.xlsx"), join(dir, "a.xlsx"), "--jobs", "2");
    expect(twice.code).toBe(0);
    expect(twice.out).toMatch(/Samen: 1 bestand\(en\) .*: 1 herberekend, 0 ongewijzigd, 0 mislukt/);
    const again = await runCli("recalc", dir, join(dir, "a.xlsx"), "-o", join(base, "dubbel-uit"));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Samen: 1 bestand\(en\)/);
    expect(value(join(base, "dubbel-uit", "a.xlsx"), "C1")).toBe("2800"); // KIA 2025: 28% of 10.000
  });

  test("one file with -o an existing folder goes into that folder under its own name", async () => {
    const dir = join(base, "naar-map");
    mkdirSync(join(dir, "uit"), { recursive: true });
    clientWorkbook(join(dir, "a.xlsx"), 2901);
    const { code } = await runCli("recalc", join(dir, "a.xlsx"), "-o", join(dir, "uit"));
    expect(code).toBe(0);
    expect(value(join(dir, "uit", "a.xlsx"), "C1")).toBe("812.28"); // KIA 2025: 28% of 2.901
  });
});
