/**
 * `nl-aftrek controleer`: the public JSON shape, the Dutch report, the exit codes, and that the
 * files are only read.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "../helpers/cli";
import { f, row, s, v, writeWorkbookFile } from "../helpers/xlsx";

const root = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "nl-controleer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

const template = join(dir, "klant.xlsx");
writeWorkbookFile(template, {
  sheets: [
    {
      name: "Aangifte",
      data: [
        row(1, s("A1", "Jaar"), v("B1", 2025)),
        row(3, s("A3", "Uren"), v("B3", 1400)),
        // the zelfstandigenaftrek of 2023 (art. 3.76): 5.030
        row(4, s("A4", "Zelfstandigenaftrek"), f("B4", "IF(B3>=1225,5030,0)")),
      ].join(""),
    },
  ],
});
const budget = join(dir, "begroting.xlsx");
writeWorkbookFile(budget, {
  sheets: [{ name: "Begroting", data: row(1, s("A1", "Huur"), v("B1", 1250), f("C1", "B1*12*1.21")) }],
});

describe("nl-aftrek controleer", () => {
  test("--json: the public shape, exit code 1 with findings", async () => {
    const before = readFileSync(template);
    const mtime = statSync(template).mtimeMs;
    const { code, out } = await run("controleer", template, "--json");
    expect(code).toBe(1);
    const { findings } = JSON.parse(out);
    expect(findings.map((x: Record<string, unknown>) => [x.cell, x.value, x.parameter, x.years, x.confidence])).toEqual(
      [
        ["Aangifte!B4", 1225, "urencriterium_uren", [2022, 2023, 2024, 2025, 2026, 2027], "hoog"],
        ["Aangifte!B4", 5030, "zelfstandigenaftrek", [2023], "hoog"],
      ],
    );
    expect(findings[1].suggestion).toBe('=IF(NL.URENCRITERIUM(B3),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)');
    expect(findings[1].stale).toBe(true);
    for (const key of ["cell", "value", "parameter", "years", "confidence", "suggestion"]) {
      expect(findings[0]).toHaveProperty(key);
    }
    // read, never written
    expect(readFileSync(template).equals(before)).toBe(true);
    expect(statSync(template).mtimeMs).toBe(mtime);
  });

  test("the Dutch report groups by sheet and names what to write instead", async () => {
    const { code, out } = await run("controleer", template);
    expect(code).toBe(1);
    expect(out).toContain("2 bevinding(en)");
    expect(out).toContain("  Blad Aangifte");
    expect(out).toContain("5030 = zelfstandigenaftrek (2023), zekerheid hoog; verouderd voor 2025");
    // in Dutch Excel's notation, as the bookkeeper sees and types it; the JSON keeps the file's
    expect(out).toContain("nu:      =ALS(B3>=1225;5030;0)");
    expect(out).toContain('voorstel: =ALS(NL.URENCRITERIUM(B3);NL.PARAMETER($B$1;"zelfstandigenaftrek");0)');
    const json = JSON.parse((await run("controleer", template, "--json")).out);
    expect(json.findings[0]).toMatchObject({
      current: "=IF(B3>=1225,5030,0)",
      suggestion: '=IF(NL.URENCRITERIUM(B3),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)',
    });
  });

  test("exit code 0 without findings, 2 for a file it cannot read (named, in Dutch)", async () => {
    expect((await run("controleer", budget)).code).toBe(0);
    const broken = join(dir, "kapot.xlsx");
    writeFileSync(broken, "geen zip");
    const { code, err } = await run("controleer", broken);
    expect(code).toBe(2);
    expect(err).toContain("kapot.xlsx");
    expect(readFileSync(broken, "utf8")).toBe("geen zip");
    // a folder: every workbook in it, the bad one reported, exit 2
    const all = await run("controleer", dir, "--json");
    expect(all.code).toBe(2);
    expect(JSON.parse(all.out).errors[0].file).toContain("kapot.xlsx");
  });

  test("formulas too deep to read are passed over; the rest of the workbook is checked", async () => {
    const deep = join(mkdtempSync(join(dir, "diep-")), "diep.xlsx");
    writeWorkbookFile(deep, {
      sheets: [
        {
          name: "Aangifte",
          data: row(
            1,
            v("B3", 1400),
            f("A1", `${"(".repeat(1000)}5030${")".repeat(1000)}`),
            f("A2", Array.from({ length: 2700 }, () => "B3").join("+")),
            f("B4", "IF(B3>=1225,5030,0)"),
          ),
        },
      ],
    });
    const { code, out } = await run("controleer", deep, "--json");
    expect(code).toBe(1);
    expect(JSON.parse(out).findings.map((x: Record<string, unknown>) => x.cell)).toEqual([
      "Aangifte!B4",
      "Aangifte!B4",
    ]);
  });

  test("a formula filled down is one entry in the report, one finding per cell in the JSON", async () => {
    const list = join(mkdtempSync(join(dir, "lijst-")), "klantenlijst.xlsx");
    const rows = Array.from({ length: 3000 }, (_, i) =>
      row(i + 2, v(`B${i + 2}`, 1400), f(`C${i + 2}`, `B${i + 2}>=1225`)),
    );
    writeWorkbookFile(list, { sheets: [{ name: "Klanten", data: rows.join("") }] });
    const text = await run("controleer", list);
    expect(text.code).toBe(1);
    expect(text.out.split("\n").slice(0, 5)).toEqual([
      `${list}: 3000 bevinding(en)`,
      "  Blad Klanten",
      "    C2:C3001 1225 = urencriterium_uren (2022–2027), zekerheid hoog (3.000 cellen onder elkaar)",
      "           nu:      =B2>=1225",
      "           voorstel: =NL.URENCRITERIUM(B2) (voor C2; de andere cellen elk voor hun eigen rij)",
    ]);
    const json = JSON.parse((await run("controleer", list, "--json")).out);
    expect(json.findings).toHaveLength(3000);
    expect(json.findings[2999]).toMatchObject({ cell: "Klanten!C3001", suggestion: "=NL.URENCRITERIUM(B3001)" });

    // Piped into a reader that stops early: no error and no stack trace
    const piped = spawnSync("sh", ["-c", `node bin/nl-aftrek.js controleer --json '${list}' | head -c 10`], {
      cwd: root,
      encoding: "utf8",
    });
    expect(piped.stderr).toBe("");
    expect(piped.stdout).toBe('{\n  "findi');
  });

  test("runs as `npx nl-aftrek controleer`", () => {
    let status = 0;
    try {
      execFileSync("npx", ["--no-install", "nl-aftrek", "controleer", budget], { cwd: root, encoding: "utf8" });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(0);
  });
});
