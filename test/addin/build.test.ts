/**
 * The production build: runs webpack into a temporary folder and checks what Excel will load.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { NL_FUNCTIONS, NL_REQUIRED } from "../../src/functions/registry";

const root = join(__dirname, "../..");
const out = mkdtempSync(join(tmpdir(), "nl-aftrek-dist-"));
// `npm run build` is for the development server; a release for a firm's URL is release.test.ts.
const productionUrl = "https://localhost:3000/";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require("../../scripts/size.js");

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: Array<{ name: string; description: string; optional?: boolean }>;
}

beforeAll(() => {
  const env = { ...process.env };
  delete env.NL_AFTREK_URL;
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: root,
      env,
      stdio: "pipe",
    },
  );
}, 180000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (file: string): string => readFileSync(join(out, file), "utf8");

describe("npm run build", () => {
  test("writes the task pane page, the functions bundle, functions.json, the manifest, help and icons", () => {
    for (const file of [
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "manifest.xml",
      "help/index.html",
    ]) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(existsSync(join(out, `assets/icon-${size}.png`))).toBe(true);
  });

  test("functions.json has every function, with Dutch descriptions and a help page that exists", () => {
    const { functions } = JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(NL_FUNCTIONS).sort());
    for (const fn of functions) {
      expect(fn.name).toBe(fn.id);
      expect(fn.description.length).toBeGreaterThan(40);
      for (const p of fn.parameters) expect(p.description.length).toBeGreaterThan(10);
      expect(fn.helpUrl).toBe(`${productionUrl}help/${fn.id.toLowerCase()}.html`);
      const page = read(`help/${fn.id.toLowerCase()}.html`);
      expect(page).toContain(`NL.${fn.id}`);
      expect(page).toMatch(/<html lang="?nl"?>/);
      expect(page).toContain("Voorbeelden");
    }
  });

  test("what Excel shows of each function stays whole: descriptions ≤ 255, argument descriptions ≤ 128 characters", () => {
    // Excel cuts a function's description at 255 characters and an argument's at 128 (and Excel
    // for Mac a custom function's error message at about 255: office-js #4133; see docs/foutmeldingen.md)
    const { functions } = JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };
    const tooLong = functions.flatMap((fn) => [
      ...(fn.description.length > 255 ? [`${fn.id}: ${fn.description.length}`] : []),
      ...fn.parameters
        .filter((p) => p.description.length > 128)
        .map((p) => `${fn.id}.${p.name}: ${p.description.length}`),
    ]);
    expect(tooLong).toEqual([]);
  });

  test("the help page of NL.PARAMETER lists every name (its error message points there)", () => {
    const page = read("help/parameter.html");
    const names = JSON.parse(readFileSync(join(root, "help/parameters.json"), "utf8")) as Array<{ naam: string }>;
    expect(names.length).toBeGreaterThan(70);
    for (const { naam } of names) expect(page).toContain(`<code>${naam}</code>`);
  });

  test("a data-type cell reaches the functions as its object, so they can say what it is", () => {
    // docs: excel/custom-functions-data-types-concepts.md (allowCustomDataForDataTypeAny)
    expect(JSON.parse(read("functions.json")).allowCustomDataForDataTypeAny).toBe(true);
  });

  test("the headless engine requires the arguments Excel requires (NL_REQUIRED is the metadata's)", () => {
    const { functions } = JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };
    for (const fn of functions) {
      const required = fn.parameters.filter((p) => !p.optional).map((p) => p.name);
      expect([fn.id, NL_REQUIRED[fn.id]]).toEqual([fn.id, required]);
    }
  });

  test("the functions bundle registers every function with Excel", () => {
    const bundle = read("functions.js");
    for (const id of Object.keys(NL_FUNCTIONS)) expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
  });

  test("the task pane page loads the functions before the task pane code", () => {
    const html = read("taskpane.html");
    expect(html.indexOf("functions.js")).toBeGreaterThan(-1);
    expect(html.indexOf("functions.js")).toBeLessThan(html.indexOf("taskpane.js"));
  });

  test("every URL is the development server's (a firm's URL comes with npm run release)", () => {
    const manifest = read("manifest.xml");
    expect(manifest).toContain(`${productionUrl}taskpane.html`);
    expect(manifest).toContain(`${productionUrl}functions.json`);
  });

  test("no eval or new Function in any built bundle", () => {
    const bundles = readdirSync(out).filter((f) => f.endsWith(".js"));
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    for (const file of bundles) {
      const code = read(file);
      expect([file, /\beval\s*\(/.test(code)]).toEqual([file, false]);
      expect([file, /new\s+Function\s*\(/.test(code)]).toEqual([file, false]);
    }
  });

  test("the task pane has a Content-Security-Policy: its own origin and the Office CDN only", () => {
    const html = read("taskpane.html");
    const csp = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/)![1];
    const directives = Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["style-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-(inline|eval)|\*/);
    expect(html).not.toMatch(/<style|<script>(?!<\/script>)|\son\w+=/i); // nothing inline
  });

  test("the JavaScript loaded before the functions register stays within 60 KB gzipped", () => {
    const { functionsGzipBytes } = measure(out);
    expect(functionsGzipBytes).toBeLessThanOrEqual(60 * 1024);
  });
});
