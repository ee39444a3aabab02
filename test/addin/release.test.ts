/**
 * `npm run release -- --url ...`: what a firm hosts (the zip) and uploads (the manifest), for its
 * own URL; the manifest version follows package.json so that an update reaches the desks.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { unzipSync } from "fflate";
import { tmpdir } from "os";
import { join } from "path";

const root = join(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseUrl, manifestUrls } = require("../../scripts/release.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestVersion } = require("../../scripts/webpack-plugins.js");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = mkdtempSync(join(tmpdir(), "nl-aftrek-release-test-"));
const URL = "https://voorbeeld.nl/nl-aftrek/";
const made = { zip: join(out, `nl-aftrek-${pkg.version}.zip`), manifest: join(out, "manifest.xml") };
let report = "";

/** The manifest's version as office-addin-manifest reads it (in a child process: it is an ES module inside). */
function manifestVersionOf(file: string): string {
  const code = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(${JSON.stringify(file)}).then((i) => process.stdout.write(i.version))`;
  return execFileSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
}

beforeAll(() => {
  report = execFileSync(process.execPath, [join(root, "scripts/release.js"), "--url", URL, "--out", out], {
    cwd: root,
    encoding: "utf8",
  });
}, 240000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run release", () => {
  test("writes release/nl-aftrek-<versie>.zip and release/manifest.xml, and lists what is in the zip", () => {
    expect(report).toContain(`Klaar: versie ${manifestVersion(pkg.version)} voor ${URL}`);
    expect(report).toMatch(/\d+ {2}functions\.json/);
    const zipped = Object.keys(unzipSync(new Uint8Array(readFileSync(made.zip))));
    for (const f of ["taskpane.html", "functions.js", "functions.json", "help/index.html", "assets/icon-32.png"]) {
      expect(zipped).toContain(f);
    }
    expect(zipped.some((f) => f.endsWith(".map"))).toBe(false);
  });

  test("every URL in the released manifest is https, under the URL, and a file in the zip", () => {
    const xml = readFileSync(made.manifest, "utf8");
    const zipped = new Set(Object.keys(unzipSync(new Uint8Array(readFileSync(made.zip)))));
    const urls: string[] = manifestUrls(xml);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      expect(url.startsWith(URL)).toBe(true);
      expect(zipped.has(url.slice(URL.length))).toBe(true);
    }
    expect(xml).not.toContain("localhost");
    // the help links in the functions' metadata point at the firm's server too
    const functions = JSON.parse(
      Buffer.from(unzipSync(new Uint8Array(readFileSync(made.zip)))["functions.json"]).toString(),
    );
    for (const fn of functions.functions) expect(fn.helpUrl.startsWith(`${URL}help/`)).toBe(true);
  });

  test("the manifest version follows package.json (read with office-addin-manifest)", () => {
    expect(manifestVersionOf(made.manifest)).toBe(manifestVersion(pkg.version));
    // the check: the source manifest says the same, so a forgotten bump fails here
    expect(manifestVersionOf(join(root, "manifest.xml"))).toBe(manifestVersion(pkg.version));
    expect(manifestVersion("1.2.3")).toBe("1.2.3.0");
  });

  test("without a URL, with http, or with localhost it refuses with a Dutch message", () => {
    expect(() => parseUrl([])).toThrow(/Geen adres opgegeven[\s\S]*npm run release -- --url https:\/\//);
    expect(() => parseUrl(["--url", "http://voorbeeld.nl/"])).toThrow(/alleen via https/);
    expect(() => parseUrl(["--url", "https://localhost:3000/"])).toThrow(/npm start/);
    expect(parseUrl(["--url=https://voorbeeld.nl/addin"])).toBe("https://voorbeeld.nl/addin/");
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [join(root, "scripts/release.js")], {
        cwd: root,
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain("Geef het https-adres");
  });

  test("no fictional domain remains in the project", () => {
    // the old placeholder host, spelled out here in parts so that this file does not count itself
    const placeholder = ["addin", "nl-aftrek", "nl"].join(".");
    expect(pkg.config.production_url).toBeUndefined();
    const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
    const hits = tracked.filter(
      (f) => !/\.(png|zip|xlsx|xlsm)$/.test(f) && readFileSync(join(root, f), "utf8").includes(placeholder),
    );
    expect(hits).toEqual([]);
  });
});

describe("the Office tooling", () => {
  test("loads without a prompt or network, with usage-data reporting off", () => {
    const code = `
      require("office-addin-dev-settings");
      require("office-addin-manifest");
      const { OfficeAddinUsageData } = require("office-addin-usage-data");
      process.stdout.write(String(new OfficeAddinUsageData({ projectName: "nl-aftrek" }).isUsageDataOn()));`;
    const out = execFileSync(process.execPath, ["-e", code], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30000,
    });
    expect(out).toBe("false");
  });
});
