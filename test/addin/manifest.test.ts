/** What the XML schema cannot check about manifest.xml (the schema check itself runs in .ci/run). */
import { readFileSync } from "fs";
import { join } from "path";

const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
const all = (re: RegExp): string[] => Array.from(manifest.matchAll(re), (m) => m[1]);

describe("manifest.xml", () => {
  test("the shared runtime: Runtime, CustomFunctions Page and FunctionFile use the same resid", () => {
    const runtime = all(/<Runtime resid="([^"]+)" lifetime="long"\/>/g);
    const page = all(/<Page>\s*<SourceLocation resid="([^"]+)"\/>/g);
    const functionFile = all(/<FunctionFile resid="([^"]+)"\/>/g);
    expect(runtime).toHaveLength(1);
    expect(page).toEqual(runtime);
    expect(functionFile).toEqual(runtime);
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  });

  test("the task pane button opens the same page as the runtime", () => {
    const runtime = all(/<Runtime resid="([^"]+)"/g)[0];
    expect(manifest).toMatch(
      new RegExp(`<Action xsi:type="ShowTaskpane">[\\s\\S]*?<SourceLocation resid="${runtime}"/>`),
    );
  });

  test("every resid and resource id is at most 32 characters and every resid is defined", () => {
    const resids = all(/resid="([^"]+)"/g);
    const ids = all(/<bt:(?:Image|Url|String) id="([^"]+)"/g);
    expect(resids.length).toBeGreaterThan(5);
    for (const id of [...resids, ...ids]) expect(id.length).toBeLessThanOrEqual(32);
    for (const resid of resids) expect(ids).toContain(resid);
  });

  test("every URL is https", () => {
    const urls = all(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  test("namespace NL, Dutch by default with English overrides, no wider permission than ReadWriteDocument", () => {
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="NL"\/>/);
    expect(manifest).toMatch(/<DefaultLocale>nl-NL<\/DefaultLocale>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).not.toMatch(/<AppDomain>/);
    const strings = all(/<bt:String id="([^"]+)" DefaultValue="[^"]*">/g);
    for (const id of strings) {
      expect(manifest).toMatch(
        new RegExp(`<bt:String id="${id.replace(/\./g, "\\.")}"[^>]*>\\s*<bt:Override Locale="en-US"`),
      );
    }
  });

  test("the icons it names exist in assets/ at their sizes", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(join(__dirname, `../../assets/icon-${size}.png`));
      expect(png.readUInt32BE(16)).toBe(size); // PNG IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // PNG IHDR height
    }
  });
});
