import { readFileSync } from "fs";
import { join } from "path";
import { ALL_PARAMETERS, coveredYears } from "../../src/rules/parameters";
import { ENGINE_VERSION } from "../../src/rules/version";

describe("parameters", () => {
  test("every value of every parameter has a legal source: an https URL and an article", () => {
    expect(ALL_PARAMETERS.length).toBeGreaterThan(10);
    for (const p of ALL_PARAMETERS) {
      for (const year of coveredYears(p)) {
        const { source, value } = p.values[year];
        expect(value).toMatch(/^-?\d+(\.\d+)?$/);
        expect(source.url).toMatch(/^https:\/\/(wetten\.overheid\.nl|www\.belastingdienst\.nl)\//);
        expect(source.article).toMatch(/^art\. \d+(\.\d+)?[a-z]?( lid \d+)? (Wet IB 2001|Wfsv|Wet OB 1968|Zvw)$/);
        if (source.url.includes("wetten.overheid.nl")) expect(source.url).toContain(`/${year}-01-01#Artikel`);
      }
    }
  });

  test("names are unique and lowercase", () => {
    const names = ALL_PARAMETERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]+$/);
  });

  test("2022 through 2026 are covered by every parameter (the EU-KOR exists from 2025)", () => {
    for (const p of ALL_PARAMETERS) {
      const from = p.name === "eu_kor_omzetgrens" ? 2025 : 2022;
      const expected = [2022, 2023, 2024, 2025, 2026].filter((y) => y >= from);
      expect(coveredYears(p)).toEqual(expect.arrayContaining(expected));
    }
  });

  test("a 2027 value is only there where the law fixes it, and says so", () => {
    const with2027 = ALL_PARAMETERS.filter((p) => p.values[2027]).map((p) => p.name);
    expect(with2027).not.toContain("kia_ondergrens");
    for (const p of ALL_PARAMETERS.filter((x) => x.values[2027])) expect(p.values[2027].source.note).toBeTruthy();
  });

  test("the engine version is the package version", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
