/**
 * Workbook safety: --in-place survives a failure half-way through the write, recalculating twice
 * gives identical files, and a 100.000-row workbook recalculates without running out of memory.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, promises, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";

const root = join(__dirname, "../..");
const fixtures = join(root, "test/fixtures");
const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-safety-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quiet = { out: () => undefined, err: () => undefined };

/** Makes the temporary file's writes fail after `written` bytes with the given system error. */
function failingTemporaryWrites(code: string, written = 200) {
  const realOpen = promises.open;
  return jest.spyOn(promises, "open").mockImplementation(async (...args: Parameters<typeof promises.open>) => {
    const handle = await realOpen(...args);
    if (String(args[0]).endsWith(".nl-aftrek.tmp")) {
      const realWrite = handle.write.bind(handle) as (b: Buffer, o: number, l: number) => Promise<unknown>;
      handle.write = (async (buffer: Buffer, offset: number) => {
        await realWrite(buffer, offset, written); // part of the file...
        throw Object.assign(new Error(`${code}: system text, write '/x'`), { code }); // ...then the disk fails
      }) as unknown as typeof handle.write;
    }
    return handle;
  });
}

test("--in-place: a failure half-way through the write leaves the original byte-identical", async () => {
  const input = join(dir, "klant.xlsx");
  copyFileSync(join(fixtures, "zzp-jaaroverzicht.xlsx"), input);
  const before = readFileSync(input);
  const spy = failingTemporaryWrites("ENOSPC");
  let err = "";
  try {
    const code = await main(["recalc", input, "--in-place"], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(2);
  } finally {
    spy.mockRestore();
  }
  expect(err).toMatch(/Schrijven naar .* is mislukt \(de schijf is vol\); het doelbestand is niet gewijzigd/);
  expect(readFileSync(input).equals(before)).toBe(true);
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

test.each([
  ["ENOSPC", /\(de schijf is vol\)/],
  ["EROFS", /\(de schijf is alleen-lezen\)/],
  ["EBUSY", /\(het bestand is in gebruik, misschien geopend in Excel\)/],
  ["EPERM", /\(geen toestemming; is het bestand misschien geopend in Excel\?\)/],
  ["EIO", /\(lees- of schrijffout van de schijf\)/],
])("a write that fails with %s says why in Dutch, without the system's English", async (code, reason) => {
  const input = join(dir, `fout-${code}.xlsx`);
  copyFileSync(join(fixtures, "zzp-jaaroverzicht.xlsx"), input);
  const spy = failingTemporaryWrites(code, 0);
  let err = "";
  try {
    expect(
      await main(["recalc", input, "-o", join(dir, `uit-${code}.xlsx`)], {
        out: () => undefined,
        err: (t) => (err += t),
      }),
    ).toBe(2);
  } finally {
    spy.mockRestore();
  }
  expect(err).toMatch(reason);
  expect(err).toMatch(/het doelbestand is niet gewijzigd/);
  expect(err).not.toMatch(/system text/);
  expect(existsSync(join(dir, `uit-${code}.xlsx`))).toBe(false);
});

test("an output in a folder that does not exist names the folder", async () => {
  const missing = join(dir, "bestaat-niet");
  let err = "";
  const code = await main(["recalc", join(fixtures, "vof.xlsx"), "-o", join(missing, "uit.xlsx")], {
    out: () => undefined,
    err: (t) => (err += t),
  });
  expect(code).toBe(2);
  expect(err).toContain(`Schrijven naar ${join(missing, "uit.xlsx")} is mislukt (de map ${missing} bestaat niet)`);
  expect(existsSync(missing)).toBe(false);
});

test("recalculating a workbook twice gives identical files, and recalculating the result changes nothing", async () => {
  const input = join(fixtures, "klantenlijst.xlsx");
  const [a, b, c] = ["a.xlsx", "b.xlsx", "c.xlsx"].map((f) => join(dir, f));
  expect(await main(["recalc", input, "-o", a], quiet)).toBe(0);
  await new Promise((r) => setTimeout(r, 1100)); // a different second on the clock
  expect(await main(["recalc", input, "-o", b], quiet)).toBe(0);
  expect(await main(["recalc", a, "-o", c], quiet)).toBe(0);
  expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  expect(readFileSync(a).equals(readFileSync(c))).toBe(true);
}, 60000);

test("a 100.000-row workbook recalculates without running out of memory", () => {
  const big = join(dir, "klanten-100k.xlsx");
  execFileSync(process.execPath, [join(root, "scripts/make-big-workbook.js"), big], { cwd: root });
  const out = execFileSync(process.execPath, [join(root, "bin/nl-aftrek.js"), "recalc", big, "--json"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const summary = JSON.parse(out);
  expect(summary.formulas).toBe(300000);
  expect(summary.errors).toEqual([]);
  expect(existsSync(join(dir, "klanten-100k.herberekend.xlsx"))).toBe(true);
}, 300000);
