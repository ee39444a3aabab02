/**
 * `nl-aftrek recalc` in a client folder that many people write to: each row of issue 31's table
 * that is about files, with the hostile file or situation made here. The tool writes only what it
 * means to write (never through a symbolic link, never over an input, through an exclusive
 * temporary file flushed to the disk), reads only regular files, cleans up after a run that was
 * killed, and every failure is a Dutch message with a documented exit code.
 */
import { execFileSync, spawnSync } from "child_process";
import crypto from "crypto";
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  promises,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "fs";
import { hostname, tmpdir } from "os";
import { join } from "path";
import * as batch from "../../src/cli/batch";
import * as recalcModule from "../../src/engine/recalc";
import * as recalcFileModule from "../../src/engine/recalcFile";
import { readRegularFile, removeLeftovers, temporaryName } from "../../src/workbook/files";
import { runCli } from "../helpers/cli";
import { entryText, f, rawEntries, row, storedZip, v, workbookParts, writeWorkbookFile } from "../helpers/xlsx";

const root = join(__dirname, "../..");
const base = mkdtempSync(join(tmpdir(), "nl-aftrek-gedeeld-"));
afterAll(() => execFileSync("rm", ["-rf", base])); // rm copes with the folder nested past PATH_MAX

let count = 0;
/** A fresh folder for one test. */
function folder(): string {
  const dir = join(base, `t${count++}`);
  mkdirSync(dir);
  return dir;
}

/** A client's workbook: A1 10.000, B1 =NL.KIA(2025; A1), whose result 2.800 (28%, art. 3.41 Wet IB 2001) is not cached. */
function client(file: string): Buffer {
  writeWorkbookFile(file, {
    sheets: [{ name: "Blad1", data: row(1, v("A1", 10000), f("B1", "_xldudf_NL_KIA(2025,A1)")) }],
  });
  return readFileSync(file);
}

const kia = (file: string) =>
  /<c r="B1"><f>[^<]*<\/f><v>([^<]*)<\/v>/.exec(entryText(file, "xl/worksheets/sheet1.xml"))?.[1];

/** No library English, no stack trace, no system error code in what the user reads. */
function expectDutchOnly(text: string): void {
  expect(text).not.toMatch(/\bat .*\.(js|ts):\d+|Error:|\bE[A-Z]{3,}\b|Cannot |Invalid |onverwachte fout/);
}

describe("writes only what it means to write", () => {
  test("a symbolic link at the default output name is refused, its target untouched; the next file is done", async () => {
    const dir = folder();
    client(join(dir, "klant.xlsx"));
    client(join(dir, "tweede.xlsx"));
    const victim = join(dir, "belangrijk.docx");
    writeFileSync(victim, "het contract");
    symlinkSync(victim, join(dir, "klant.herberekend.xlsx"));
    const { code, err } = await runCli("recalc", dir, "--jobs", "1");
    expect(code).toBe(2);
    expect(err).toContain(
      `${join(dir, "klant.herberekend.xlsx")} is een symbolische koppeling; NL Aftrek schrijft niet door een koppeling heen`,
    );
    expectDutchOnly(err);
    expect(readFileSync(victim, "utf8")).toBe("het contract");
    expect(lstatSync(join(dir, "klant.herberekend.xlsx")).isSymbolicLink()).toBe(true);
    expect(kia(join(dir, "tweede.herberekend.xlsx"))).toBe("2800");
  });

  test("a symbolic link among the output folder's subfolders is refused before anything is written", async () => {
    const dir = folder();
    mkdirSync(join(dir, "klanten", "2025"), { recursive: true });
    client(join(dir, "klanten", "2025", "klant.xlsx"));
    const elsewhere = join(dir, "elders");
    mkdirSync(elsewhere);
    mkdirSync(join(dir, "uit"));
    symlinkSync(elsewhere, join(dir, "uit", "2025"));
    const { code, err } = await runCli("recalc", join(dir, "klanten"), "-o", join(dir, "uit"));
    expect(code).toBe(2);
    expect(err).toContain(`${join(dir, "uit", "2025")} is geen gewone map maar een symbolische koppeling`);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  test("--in-place with symbolic links at the temporary names: nothing written through them, the file stays a file", async () => {
    const dir = folder();
    const file = join(dir, "klant.xlsx");
    client(file);
    const victim = join(dir, "ander.xlsx");
    writeFileSync(victim, "van een ander");
    // The names earlier versions used (predictable: this process's id), and the first two this run
    // draws: randomness made predictable here, as an attacker would need it to be.
    symlinkSync(victim, join(dir, `.klant.xlsx.${process.pid}.nl-aftrek.tmp`));
    const spy = jest.spyOn(crypto, "randomBytes");
    spy.mockReturnValueOnce(Buffer.alloc(8, 0xab) as never).mockReturnValueOnce(Buffer.alloc(8, 0xab) as never);
    const planted = join(dir, temporaryName(file)); // the name the run draws first
    symlinkSync(victim, planted);
    try {
      const { code, err } = await runCli("recalc", file, "--in-place");
      expect(err).toBe("");
      expect(code).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(victim, "utf8")).toBe("van een ander");
    expect(lstatSync(file).isFile()).toBe(true);
    expect(kia(file)).toBe("2800");
    expect(lstatSync(planted).isSymbolicLink()).toBe(true); // someone else's link: left alone
  });

  test.each([
    ["a symbolic link to the input", (input: string, out: string) => symlinkSync(input, out)],
    ["a hard link to the input", (input: string, out: string) => linkSync(input, out)],
  ])("-o naming %s is refused before anything is written (exit 1)", async (_, make) => {
    const dir = folder();
    const input = join(dir, "klant.xlsx");
    const before = client(input);
    const output = join(dir, "uit.xlsx");
    make(input, output);
    const { code, err } = await runCli("recalc", input, "-o", output);
    expect(code).toBe(1);
    expect(err).toContain(
      `Het uitvoerbestand ${output} is het invoerbestand (of een koppeling ernaar); gebruik --in-place`,
    );
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("-o spelling the input's path another way is the input too (exit 1)", async () => {
    const dir = folder();
    const input = join(dir, "klant.xlsx");
    const before = client(input);
    const { code } = await runCli("recalc", input, "-o", join(dir, ".", "..", `t${count - 1}`, "klant.xlsx"));
    expect(code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("400 entries over one 5 MB stretch: refused, and with --in-place the file stays as it was", async () => {
    const dir = folder();
    const file = join(dir, "klant.xlsx");
    const list = rawEntries(
      workbookParts({ sheets: [{ name: "Blad1", data: row(1, v("A1", 10000), f("B1", "_xldudf_NL_KIA(2025,A1)")) }] }),
    );
    const bytes = storedZip([
      ...list,
      { name: "xl/media/blok0.bin", data: Buffer.alloc(5 * 1024 * 1024, 0x41) },
      ...Array.from({ length: 399 }, (_, i) => ({ name: `xl/media/blok${i + 1}.bin`, sameAs: list.length })),
    ]);
    writeFileSync(file, bytes);
    const { code, err } = await runCli("recalc", file, "--in-place");
    expect(code).toBe(2);
    expect(err).toMatch(/klant\.xlsx: is beschadigd: de onderdelen .* delen dezelfde bytes/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(["klant.xlsx"]);
  });

  test("the file is flushed to the disk before the rename, and the folder after it", async () => {
    const dir = folder();
    const input = join(dir, "klant.xlsx");
    client(input);
    const steps: string[] = [];
    const realOpen = promises.open;
    const open = jest.spyOn(promises, "open").mockImplementation(async (...args: Parameters<typeof promises.open>) => {
      const handle = await realOpen(...args);
      const what = String(args[0]).endsWith(".nl-aftrek.tmp") ? "bestand" : String(args[0]) === dir ? "map" : null;
      if (what) {
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          steps.push(`sync ${what}`);
          return sync();
        };
      }
      return handle;
    });
    const realRename = promises.rename;
    const rename = jest.spyOn(promises, "rename").mockImplementation(async (from, to) => {
      steps.push("rename");
      return realRename(from, to);
    });
    try {
      expect((await runCli("recalc", input, "--in-place")).code).toBe(0);
    } finally {
      open.mockRestore();
      rename.mockRestore();
    }
    expect(steps).toEqual(["sync bestand", "rename", "sync map"]);
  });

  test("--in-place: a file saved by someone else while it was recalculated is kept, nothing written", async () => {
    const dir = folder();
    const file = join(dir, "klant.xlsx");
    client(file);
    // Between reading and writing, a colleague saves the workbook in Excel (a new file under the name).
    const real = recalcModule.recalculate;
    const spy = jest.spyOn(recalcModule, "recalculate").mockImplementationOnce(async (...args) => {
      writeFileSync(`${file}.nieuw`, "de versie van een collega");
      await promises.rename(`${file}.nieuw`, file);
      return real(...args);
    });
    let result;
    try {
      result = await runCli("recalc", file, "--in-place");
    } finally {
      spy.mockRestore();
    }
    const { code, err } = result;
    expect(code).toBe(2);
    expect(err).toContain(`${file} is tijdens het herberekenen gewijzigd of vervangen`);
    expect(readFileSync(file, "utf8")).toBe("de versie van een collega");
    expect(readdirSync(dir)).toEqual(["klant.xlsx"]);
  });
});

describe("reads only regular files", () => {
  test("/dev/zero behind a .xlsx name is refused before it is opened", async () => {
    const dir = folder();
    const link = join(dir, "nul.xlsx");
    symlinkSync("/dev/zero", link);
    const { code, err } = await runCli("recalc", link);
    expect(code).toBe(2);
    expect(err).toContain(`${link}: is een apparaat, geen gewoon bestand`);
    expect(existsSync(join(dir, "nul.herberekend.xlsx"))).toBe(false);
  });

  test("a FIFO named .xlsx does not block: refused, and in a folder the others are done", async () => {
    const dir = folder();
    execFileSync("mkfifo", [join(dir, "pijp.xlsx")]);
    client(join(dir, "klant.xlsx"));
    const { code, err } = await runCli("recalc", dir, "--jobs", "1");
    expect(code).toBe(2);
    expect(err).toContain(`${join(dir, "pijp.xlsx")}: is een FIFO (named pipe), geen gewoon bestand`);
    expect(kia(join(dir, "klant.herberekend.xlsx"))).toBe("2800");
  });

  test("a read is capped by what was read, not by stat: a file whose stat says 0 bytes", async () => {
    // Files of /proc say they are empty and are not: what counts is what comes.
    await expect(readRegularFile("/proc/self/smaps", 100, "te groot.")).rejects.toThrow(/smaps: te groot\./);
    const whole = await readRegularFile("/proc/self/status", 1024 * 1024, "te groot.");
    expect(statSync("/proc/self/status").size).toBe(0);
    expect(whole.data.toString()).toContain("Pid:");
  });
});

describe("after kill -9", () => {
  test("a run killed half-way through its write leaves the original whole; the next run removes what it left", async () => {
    const dir = folder();
    const file = join(dir, "klant.xlsx");
    const before = client(file);
    // A real process writes the result over klant.xlsx and is killed (SIGKILL) half-way. The
    // patch is preloaded (-r), so that it holds on the file worker that writes, too.
    const patch = join(dir, "..", `halverwege-${Date.now()}.js`);
    writeFileSync(
      patch,
      `
      const fs = require("fs");
      const realOpen = fs.promises.open;
      fs.promises.open = async (...args) => {
        const handle = await realOpen(...args);
        if (String(args[0]).endsWith(".nl-aftrek.tmp")) {
          const write = handle.write.bind(handle);
          handle.write = async (b, o) => { await write(b, o, 100); process.kill(process.pid, "SIGKILL"); };
        }
        return handle;
      };
    `,
    );
    const script = `require(${JSON.stringify(join(root, "lib/cli/main.js"))}).main(["recalc", ${JSON.stringify(file)}, "--in-place"]);`;
    const killed = spawnSync(process.execPath, ["-r", patch, "-e", script], { encoding: "utf8" });
    expect(killed.signal).toBe("SIGKILL");
    expect(readFileSync(file).equals(before)).toBe(true);
    const left = readdirSync(dir).filter((n) => n.endsWith(".nl-aftrek.tmp"));
    expect(left).toHaveLength(1);
    // This machine, the killed process.
    const [, machine, pid] = /\.([0-9a-f]{8})-(\d+)-[0-9a-f]{16}\.nl-aftrek\.tmp$/.exec(left[0])!;
    expect(Number(pid)).toBe(killed.pid);
    // Not ours to remove: one of another machine, made just now (it may be writing), and a link.
    const other = crypto.createHash("sha256").update(`ander-${hostname()}`).digest("hex").slice(0, 8);
    const foreign = `.klant.xlsx.${other}-12345-0123456789abcdef.nl-aftrek.tmp`;
    writeFileSync(join(dir, foreign), "van een andere computer, nog bezig");
    const link = `.klant.xlsx.${machine}-${pid}-fedcba9876543210.nl-aftrek.tmp`;
    symlinkSync(file, join(dir, link));
    const { code } = await runCli("recalc", file, "--in-place");
    expect(code).toBe(0);
    expect(kia(file)).toBe("2800");
    expect(readdirSync(dir).sort()).toEqual([foreign, link, "klant.xlsx"].sort());
  });

  test("a leftover of another machine goes after a day, one of a live process never", async () => {
    const dir = folder();
    const other = crypto.createHash("sha256").update(`ander-${hostname()}`).digest("hex").slice(0, 8);
    const old = join(dir, `.klant.xlsx.${other}-12345-0123456789abcdef.nl-aftrek.tmp`);
    writeFileSync(old, "oud");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    const live = join(dir, temporaryName(join(dir, "klant.xlsx"))); // this process: still running
    writeFileSync(live, "bezig");
    await removeLeftovers(dir);
    expect(readdirSync(dir)).toEqual([live.slice(dir.length + 1)]);
  });
});

describe("every failure is a Dutch message with a documented exit code", () => {
  test("a string too long for JavaScript: a Dutch message, no English", async () => {
    const dir = folder();
    const file = join(dir, "rept.xlsx");
    writeWorkbookFile(file, {
      sheets: [
        {
          name: "Blad1",
          data: row(1, v("A1", 10000), f("B1", "_xldudf_NL_KIA(2025,A1)"), f("C1", 'REPT("x",B1*1000000)', ' t="str"')),
        },
      ],
    });
    // The string itself, as JavaScript refuses it (V8 holds at most 2^29 - 24 characters), whatever REPT does.
    const spy = jest.spyOn(recalcFileModule, "recalcFile").mockImplementationOnce(async () => {
      throw "x".repeat(2 ** 29);
    });
    let result;
    try {
      result = await runCli("recalc", file);
    } finally {
      spy.mockRestore();
    }
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      `${file}: deze werkmap vraagt een tekst of onderdeel dat groter is dan NL Aftrek kan verwerken`,
    );
    expectDutchOnly(result.err);
    // And the workbook itself, through REPT: whatever it gives, the user reads Dutch and a documented code.
    const real = await runCli("recalc", file);
    expect([0, 2]).toContain(real.code);
    expectDutchOnly(real.err);
  });

  test("an unreadable subfolder in a batch is named and the batch goes on (exit 2)", async () => {
    const dir = folder();
    client(join(dir, "a-klant.xlsx"));
    // A folder nested past the longest path the system takes (4.096 bytes): readdir fails on it,
    // for any user, root too. Made with relative steps, as the system refuses the whole path.
    const script = `process.chdir(${JSON.stringify(dir)}); const fs = require("fs");
      for (let i = 0; i < 22; i++) { fs.mkdirSync("diep".padEnd(200, "x")); process.chdir("diep".padEnd(200, "x")); }`;
    execFileSync(process.execPath, ["-e", script]);
    mkdirSync(join(dir, "z-later"));
    client(join(dir, "z-later", "klant.xlsx"));
    const { code, err, out } = await runCli("recalc", dir, "--jobs", "1");
    expect(code).toBe(2);
    expect(err).toMatch(
      /Fout: .*diepx+: map niet te lezen \(de naam of het pad is te lang voor het bestandssysteem\); overgeslagen\./,
    );
    expectDutchOnly(err);
    expect(kia(join(dir, "a-klant.herberekend.xlsx"))).toBe("2800");
    expect(kia(join(dir, "z-later", "klant.herberekend.xlsx"))).toBe("2800");
    expect(out).toContain("2 herberekend");
    // controleer goes on past it the same way.
    const audit = await runCli("controleer", dir);
    expect(audit.code).toBe(2);
    expect(audit.err).toMatch(/Fout: .*diepx+: map niet te lezen \(de naam of het pad is te lang/);
    expect(audit.out).toContain(
      `${join(dir, "z-later", "klant.xlsx")}: geen vast ingetikte belastingbedragen gevonden.`,
    );
  });

  test("-o a path under a plain file: a Dutch message, exit 2", async () => {
    const dir = folder();
    const input = join(dir, "klant.xlsx");
    client(input);
    writeFileSync(join(dir, "gewoon"), "geen map");
    const one = await runCli("recalc", input, "-o", join(dir, "gewoon", "uit.xlsx"));
    expect(one.code).toBe(2);
    expect(one.err).toContain(
      "(een deel van het pad is geen map maar een bestand); het doelbestand is niet gewijzigd.",
    );
    expectDutchOnly(one.err);
    const many = await runCli("recalc", dir, "-o", join(dir, "gewoon", "uit"));
    expect(many.code).toBe(2);
    expect(many.err).toContain("kan niet worden gemaakt (een deel van het pad is geen map maar een bestand)");
    expectDutchOnly(many.err);
  });

  test("a 250-character file name: --in-place works; an output name too long is a Dutch message", async () => {
    const dir = folder();
    const file = join(dir, `${"k".repeat(245)}.xlsx`);
    client(file);
    const inPlace = await runCli("recalc", file, "--in-place");
    expect(inPlace.err).toBe("");
    expect(inPlace.code).toBe(0);
    expect(kia(file)).toBe("2800");
    // Beside it, <name>.herberekend.xlsx is longer than a file name may be (255 bytes).
    const beside = await runCli("recalc", file);
    expect(beside.code).toBe(2);
    expect(beside.err).toContain(
      "(de naam of het pad is te lang voor het bestandssysteem); het doelbestand is niet gewijzigd.",
    );
    expectDutchOnly(beside.err);
    expect(readdirSync(dir)).toEqual([`${"k".repeat(245)}.xlsx`]);
  });

  test("an error in NL Aftrek itself: Dutch, exit 4, no English and no stack trace", async () => {
    const dir = folder();
    client(join(dir, "klant.xlsx"));
    const spy = jest
      .spyOn(batch, "collectInputs")
      .mockRejectedValueOnce(new TypeError("Cannot read properties of undefined"));
    let result;
    try {
      result = await runCli("recalc", dir);
    } finally {
      spy.mockRestore();
    }
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/^Interne fout in NL Aftrek: een fout in het programma, niet in uw bestand/);
    expectDutchOnly(result.err);
    // For one file of a batch: that file fails in Dutch, the others are done, exit 4.
    client(join(dir, "tweede.xlsx"));
    const real = recalcFileModule.recalcFile;
    const one = jest
      .spyOn(recalcFileModule, "recalcFile")
      .mockImplementation((input, output, options) =>
        input.endsWith("klant.xlsx")
          ? Promise.reject(new TypeError("x is not a function"))
          : real(input, output, options),
      );
    try {
      result = await runCli("recalc", dir, "--jobs", "1");
    } finally {
      one.mockRestore();
    }
    expect(result.code).toBe(4);
    expect(result.err).toContain(`${join(dir, "klant.xlsx")}: interne fout in NL Aftrek bij deze werkmap`);
    expectDutchOnly(result.err);
    expect(kia(join(dir, "tweede.herberekend.xlsx"))).toBe("2800");
  });

  test("--help and the README list the exit codes 0 to 4", async () => {
    const help = (await runCli("--help")).out;
    for (const code of ["0", "1", "2", "3", "4"]) expect(help).toMatch(new RegExp(`^  ${code}  `, "m"));
    expect((await runCli("recalc", "--help")).out).toMatch(
      /Exitcodes: 0 .*; 1 .*; 2 .*; 3 als alles geschreven is maar cellen hun oude waarde\s+hielden.*; 4 bij een interne fout/s,
    );
    const readme = readFileSync(join(root, "README.md"), "utf8");
    for (const code of ["0", "1", "2", "3", "4"]) expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, "m"));
  });
});
