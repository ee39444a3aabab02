/**
 * The built add-in in the fake host where real Excels differ (test/browser/fakeOffice.js): empty
 * cells as null (web) or 0 (desktop), the 5 MB per request of Excel on the web, a shared runtime
 * whose page keeps running while the pane is hidden, document settings that make the workbook
 * "changed", and an Excel whose office.js did not load.
 */
import type { Page } from "playwright-core";
import { Harness, openPane, startHarness } from "./harness";
import { chooseLanguage, openTab } from "./steps";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180000);
afterAll(async () => h?.close());

interface Cell {
  formula: unknown;
  value: unknown;
  spill?: string;
  spilledFrom?: string;
}
interface Fake {
  host: "web" | "desktop";
  runs: number;
  wb: {
    changed: boolean;
    sheets: Array<{ name: string; cells: Record<string, Cell | null> }>;
    syncs: Array<{ writes: number; request: number; response: number }>;
  };
  setCells(sheet: string, cells: Array<[string, unknown, unknown]>): void;
  setCellObject(sheet: string, address: string, cell: Cell): void;
  generate(sheet: string, rows: number, columns: number, cell: (r: number, c: number) => Cell | null): void;
  cell(sheet: string, address: string): Cell | null;
  select(sheet: string, row: number, col: number): void;
  setVisibility(mode: "Taskpane" | "Hidden"): void;
  invoke(sheet: string, address: string, name: string, ...args: unknown[]): unknown;
}
declare global {
  interface Window {
    __fake: Fake;
  }
}

/** What `fn` finds in the fake host of the page. */
const fake = <T>(page: Page, fn: (f: Fake) => T) => page.evaluate(`(${fn.toString()})(window.__fake)`) as Promise<T>;
const cellOfCopy = (page: Page, address: string) => page.evaluate((a) => window.__fake.cell("Blad1 (2)", a), address);

describe("empty cells: the built functions give one answer in both hosts", () => {
  test("the issue's three workbooks, and a Stocks cell", async () => {
    const { page } = await openPane(h, "excel");
    const results = await page.evaluate(() => {
      const f = window.__fake;
      f.setCells("Blad1", [
        ["A2", 80000, 80000],
        ["E2", 2025, 2025],
        ["F2", 970, 970],
      ]);
      f.setCellObject("Blad1", "G2", {
        formula: "MSFT",
        value: { type: "LinkedEntity", text: "Microsoft Corporation", basicType: "Error", basicValue: "#VALUE!" },
      });
      const out: Record<string, unknown[]> = {};
      for (const host of ["web", "desktop"] as const) {
        f.host = host;
        out[host] = [
          // =NL.ZELFSTANDIGENAFTREK(2025; WAAR; C5) with C5 empty
          f.invoke("Blad1", "D1", "ZELFSTANDIGENAFTREK", 2025, true, { ref: "C5" }),
          // =NL.KIADITJAAR(2025; A2; B2; C2) and NL.KIALATER with B2 and C2 empty: in use
          f.invoke("Blad1", "D2", "KIADITJAAR", 2025, { ref: "A2" }, { ref: "B2" }, { ref: "C2" }),
          f.invoke("Blad1", "D3", "KIALATER", 2025, { ref: "A2" }, { ref: "B2" }, { ref: "C2" }),
          // =NL.NGZVERREKENING(2026; 1500; WAAR; E2:F4) with rows 3-4 empty
          f.invoke("Blad1", "D4", "NGZVERREKENING", 2026, 1500, true, { ref: "E2:F4" }),
          f.invoke("Blad1", "D5", "KIA", 2025, { ref: "G2" }),
        ];
      }
      return out;
    });
    // art. 3.76 lid 5: at most the winst, 0; 80.000 in use: the KIA maximum of 2025, 19.769, none
    // later; 2026: 1.500 - 1.200 = 300 room for the 970 of 2025
    const expected = [
      0,
      19769,
      0,
      300,
      {
        error: "#VALUE!",
        message:
          "Argument 'investeringen' bevat een gegevenstype (\"Microsoft Corporation\"), zoals Aandelen of Aardrijkskunde: geen getal. Verwijs naar één veld ervan, bijvoorbeeld A2.Prijs.",
      },
    ];
    expect(results).toEqual({ web: expected, desktop: expected });
    await page.close();
  });
});

describe("Excel on the web: at most 5 MB per request", () => {
  /**
   * A client list of 50.000 rows × 30 columns: eight columns of notes (some 180 characters each),
   * amounts, an NL formula per row. Some 3 KB a row, so 2.000 rows are more than 5 MB.
   */
  const bigSheet = (page: Page) =>
    page.evaluate(() => {
      const f = window.__fake;
      const notes = Array.from(
        { length: 300 },
        (_, i) => `Klant ${i}, Hoofdstraat ${i}: ${"afspraken over facturen, uren en investeringen; ".repeat(3)}`,
      );
      f.generate("Blad1", 50000, 30, (r, c) => {
        if (r === 0) return { formula: `Kolom ${c + 1}`, value: `Kolom ${c + 1}` };
        if (c === 29) return { formula: `=NL.KIA(2025,A${r + 1})`, value: 2800 };
        if (c >= 1 && c <= 8) return { formula: notes[(r + c) % 300], value: notes[(r + c) % 300] };
        return { formula: 10000 + r + c, value: 10000 + r + c };
      });
      // A text Excel would read as a date if it were typed again, another formula's spill, and
      // an NL table (NL.OVERZICHT spills 23 rows × 2 columns).
      f.setCellObject("Blad1", "C5", { formula: "1-2", value: "1-2" });
      f.setCellObject("Blad1", "D5", { formula: "=SORT(D6:D8)", value: 1, spill: "D5:D7" });
      f.setCellObject("Blad1", "D6", { formula: 2, value: 2, spilledFrom: "D5" });
      f.setCellObject("Blad1", "D7", { formula: 3, value: 3, spilledFrom: "D5" });
      f.setCellObject("Blad1", "F10", { formula: "=NL.OVERZICHT(2025,40000,TRUE)", value: "Winst", spill: "F10:G11" });
      f.setCellObject("Blad1", "G10", { formula: 40000, value: 40000, spilledFrom: "F10" });
      f.setCellObject("Blad1", "F11", {
        formula: "Zelfstandigenaftrek",
        value: "Zelfstandigenaftrek",
        spilledFrom: "F10",
      });
      f.setCellObject("Blad1", "G11", { formula: 2470, value: 2470, spilledFrom: "F10" });
    });

  test("the fake refuses a read of more than 5 MB: the whole sheet, or 2.000 of its rows", async () => {
    const { page } = await openPane(h, "excel");
    await bigSheet(page);
    const refused = await page.evaluate(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const codes: string[] = [];
        for (const range of [sheet.getUsedRange(), sheet.getRangeByIndexes(0, 0, 2000, 30)]) {
          range.load("formulas,values");
          try {
            await context.sync();
            codes.push("read");
          } catch (error) {
            codes.push((error as { code: string }).code);
          }
        }
        return codes;
      }),
    );
    expect(refused).toEqual(["ResponsePayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
    await page.close();
  }, 300000);

  test("the workbook check reads a 50.000 × 30 sheet in requests of at most 5 MB", async () => {
    const { page } = await openPane(h, "excel");
    await bigSheet(page);
    await openTab(page, "check");
    // Clicked in the page: the check keeps the page busy for a while, longer than a click waits.
    await page.$eval("#audit-run", (b) => (b as HTMLButtonElement).click());
    await page.waitForFunction(
      () =>
        /Geen vast|met vast ingetikte|Excel voerde/.test(document.querySelector("#audit-progress")?.textContent ?? ""),
      null,
      { timeout: 240000 },
    );
    const syncs = await fake(page, (f) => f.wb.syncs);
    const reads = syncs.filter((s) => s.response > 1000000);
    expect(reads.length).toBeGreaterThan(30); // the sheet is some 150 MB: many requests
    expect(Math.max(...syncs.map((s) => s.response))).toBeLessThanOrEqual(5000000);
    await expect(page.textContent("#panel")).resolves.not.toMatch(/Excel voerde dit niet uit/);
    await page.close();
  }, 300000);

  test("the values-only copy writes only the NL cells, in requests of at most 5 MB", async () => {
    const { page } = await openPane(h, "excel");
    await bigSheet(page);
    await openTab(page, "insert");
    await page.click("#export-values");
    await page.waitForFunction(
      () => /Kopie gemaakt|Excel voerde/.test(document.querySelector("#insert-status")?.textContent ?? ""),
      null,
      {
        timeout: 240000,
      },
    );
    await expect(page.textContent("#insert-status")).resolves.toBe("Kopie gemaakt: Blad1 (2).");
    const copy = (address: string) => cellOfCopy(page, address);
    // the NL formulas are values now, down to the last row
    expect(await copy("AD2")).toEqual({ formula: 2800, value: 2800 });
    expect(await copy("AD50000")).toEqual({ formula: 2800, value: 2800 });
    // the NL table: its whole spill as values, the labels as text
    expect(await copy("F10")).toEqual({ formula: "Winst", value: "Winst" });
    expect(await copy("G11")).toEqual({ formula: 2470, value: 2470 });
    // everything else as the copy of the sheet made it: no date from '1-2, the other spill intact
    expect(await copy("C5")).toEqual({ formula: "1-2", value: "1-2" });
    expect(await copy("D5")).toEqual({ formula: "=SORT(D6:D8)", value: 1, spill: "D5:D7" });
    expect(await copy("D6")).toEqual({ formula: 2, value: 2, spilledFrom: "D5" });
    expect(((await copy("B3")) as Cell).formula).toMatch(/^Klant 3, Hoofdstraat 3: afspraken/);
    const syncs = await fake(page, (f) => f.wb.syncs);
    expect(Math.max(...syncs.map((s) => Math.max(s.request, s.response)))).toBeLessThanOrEqual(5000000);
    // written: the 49.999 NL cells and the table, nothing else
    const written = await fake(page, (f) => Object.keys(f.wb.sheets.find((s) => s.name === "Blad1 (2)")!.cells));
    expect(written.filter((a) => /^AD\d+$/.test(a))).toHaveLength(49999);
    expect(written.filter((a) => !/^AD\d+$/.test(a)).sort()).toEqual(
      ["C5", "D5", "D6", "D7", "F10", "F11", "G10", "G11"].sort(),
    );
    await page.close();
  }, 300000);
});

describe("a quiet background", () => {
  test("no Excel.run per selection change while the pane is hidden or not explaining", async () => {
    const { page } = await openPane(h, "excel");
    await page.evaluate(() => window.__fake.setCells("Blad1", [["B7", "=NL.KIA(2025,2901)", 812.28]]));
    const runs = () => fake(page, (f) => f.runs);
    await page.waitForTimeout(300);
    const start = await runs();
    // the scenario tab is open: selecting cells asks Excel nothing
    for (let i = 0; i < 5; i++) await page.evaluate((r) => window.__fake.select("Blad1", r, 1), i);
    await page.waitForTimeout(300);
    expect(await runs()).toBe(start);
    // the Explain tab reads the selection, once per change
    await openTab(page, "explain");
    await page.waitForSelector("#explain-output");
    const explaining = await runs();
    expect(explaining).toBe(start + 1);
    await page.evaluate(() => window.__fake.select("Blad1", 6, 1));
    await page.waitForFunction(() => document.querySelector("#explain-output")?.textContent?.includes("B7"));
    expect(await runs()).toBe(explaining + 1);
    // hidden (closed, the shared runtime keeps the page): nothing, however often the selection moves
    await page.evaluate(() => window.__fake.setVisibility("Hidden"));
    for (let i = 0; i < 5; i++) await page.evaluate((r) => window.__fake.select("Blad1", r, 2), i);
    await page.waitForTimeout(300);
    expect(await runs()).toBe(explaining + 1);
    // shown again: the explanation catches up with one read
    await page.evaluate(() => window.__fake.setVisibility("Taskpane"));
    await page.waitForFunction(() => document.querySelector("#explain-output")?.textContent?.includes("C5"));
    expect(await runs()).toBe(explaining + 2);
    await page.close();
  });

  test("switching tabs or the language leaves the workbook unchanged; a scenario edit is saved in it", async () => {
    const { page } = await openPane(h, "excel");
    for (const tab of ["compare", "insert", "check", "explain", "scenario"] as const) await openTab(page, tab);
    await chooseLanguage(page, "en");
    await chooseLanguage(page, "nl");
    await page.waitForTimeout(300);
    expect(await fake(page, (f) => f.wb.changed)).toBe(false);
    await page.fill("#f-winst", "61.000");
    await page.waitForFunction(() => window.__fake.wb.changed);
    // the language and the tab come back on this computer
    await chooseLanguage(page, "en");
    await openTab(page, "compare");
    await page.reload();
    await page.waitForSelector("#panel");
    await expect(page.getAttribute("#tab-compare", "aria-selected")).resolves.toBe("true");
    await expect(page.getAttribute("html", "lang")).resolves.toBe("en");
    await page.close();
  });
});

describe("office.js from Microsoft's CDN", () => {
  test("inside Excel without office.js the pane says so, instead of 'opened in a browser'", async () => {
    const { page } = await openPane(h, "offline", { query: "?_host_Info=Excel$Win32$16.01$nl-NL$$$$0" });
    const text = await page.textContent("#start-error");
    expect(text).toContain("office.js");
    expect(text).toContain("appsforoffice.microsoft.com");
    expect(text).toContain("#NAAM?");
    await expect(page.locator("#host-status").count()).resolves.toBe(0);
    await page.close();
  });

  test("in a plain browser without office.js it is the scenario calculator", async () => {
    const { page } = await openPane(h, "offline");
    await expect(page.textContent("#host-status")).resolves.toContain("geen werkmap");
    await page.close();
  });
});
