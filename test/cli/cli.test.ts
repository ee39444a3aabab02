import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../helpers/cli";

const root = join(__dirname, "../..");
const fixtures = join(root, "test/fixtures");
const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

describe("nl-aftrek eval", () => {
  test("prints plain values", async () => {
    expect((await run("eval", "=NL.KIA(2025, 10000)")).out).toBe("2800\n");
    expect((await run("eval", "=NL.URENCRITERIUM(1450)")).out).toBe("TRUE\n");
    expect((await run("eval", "=NL.KIA(2025, 2901)")).out).toBe("812.28\n");
  });

  test("prints an error as its code and message, with exit code 1", async () => {
    const { out, code } = await run("eval", "=NL.MKBVRIJ(2019, 1000)");
    expect(code).toBe(1);
    expect(out).toMatch(/^#N\/A MKB-winstvrijstelling: geen gegevens voor jaar 2019/);
  });

  test("help and usage", async () => {
    expect((await run("eval", "--help")).out).toContain('nl-aftrek eval "=NL.KIA(2025; 10000)"');
    expect((await run("eval")).code).toBe(1);
    expect((await run("--help")).out).toContain("nl-aftrek recalc");
    expect((await run("frobnicate")).code).toBe(1);
  });

  test("runs as `npx nl-aftrek` from the repository", () => {
    const out = execFileSync("npx", ["--no-install", "nl-aftrek", "eval", "=NL.KIA(2025, 10000)"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    expect(out.trim()).toBe("2800");
  });
});

describe("nl-aftrek recalc", () => {
  test("writes <name>.herberekend.xlsx beside the input and never touches the input", async () => {
    const input = join(dir, "zzp.xlsx");
    copyFileSync(join(fixtures, "zzp-jaaroverzicht.xlsx"), input);
    const before = readFileSync(input);
    const { code, out } = await run("recalc", input);
    expect(code).toBe(0);
    expect(out).toContain("15 cel(len) herberekend");
    expect(out).not.toContain("foutwaarde");
    expect(existsSync(join(dir, "zzp.herberekend.xlsx"))).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("--json summary and formula errors with sheet!cell and message", async () => {
    const input = join(dir, "fout.xlsx");
    const { toFileFormula } = await import("../../src/workbook/formula/print");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Klanten");
    ws.getCell("A1").value = { formula: toFileFormula("NL.KIA(2027,1000)") };
    ws.getCell("A2").value = { formula: toFileFormula("NL.KIA(2025,2901)") };
    await wb.xlsx.writeFile(input);
    const { code, out } = await run("recalc", input, "-o", join(dir, "fout-uit.xlsx"), "--json");
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.formulas).toBe(2);
    expect(summary.errors).toEqual([
      { cell: "Klanten!A1", code: "#N/A", message: expect.stringContaining("geen gegevens voor jaar 2027") },
    ]);
  });

  test("--in-place rewrites the input itself", async () => {
    const input = join(dir, "inplace.xlsx");
    copyFileSync(join(fixtures, "vof.xlsx"), input);
    const before = readFileSync(input);
    expect((await run("recalc", input, "--in-place")).code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(false);
  });

  test.each([
    ["missing.xlsx", null, /niet gevonden/],
    ["notes.txt", "hello", /notes.txt: geen Excel-werkmap \(.xlsx of .xlsm\)/],
    ["protected.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /wachtwoord/],
    ["corrupt.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]), /beschadigd/],
    ["plain.xlsx", "just text", /plain.xlsx: is geen geldige werkmap \(geen zip-bestand\)/],
  ])("%s -> exit 2 with a clear message", async (name, contents, message) => {
    const input = join(dir, name);
    if (contents !== null) writeFileSync(input, contents);
    const { code, err } = await run("recalc", input);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  test("usage errors -> exit 1", async () => {
    expect((await run("recalc")).code).toBe(1);
    expect((await run("recalc", "a.xlsx", "-o", "a.xlsx")).err).toMatch(/--in-place/);
    expect((await run("recalc", "a.xlsx", "-o", "b.xlsx", "--in-place")).code).toBe(1);
    expect((await run("recalc", "--help")).out).toContain("--in-place");
  });
});
