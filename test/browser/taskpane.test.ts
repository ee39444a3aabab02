/**
 * The task pane in Chromium: as a plain browser page (the standalone scenario calculator) and in a
 * fake Excel host. Screenshots of the main states go to test-artifacts/.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Page } from "playwright-core";
import { runCli } from "../helpers/cli";
import { TemplateSheet, writeTemplate } from "../helpers/templates";
import { bookkeeperTests } from "./bookkeeper";
import { axeViolations, Harness, openPane, screenshot, startHarness } from "./harness";
import { fillClient, openTab, rowValue, scenarioAction } from "./steps";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 180000);
afterAll(async () => h?.close());

/** The fake host's workbook: its cells and, per context.sync(), how many writes it carried. */
interface FakeWorkbook {
  sheets: Array<{ cells: Record<string, { formula: unknown }> }>;
  syncs: Array<{ writes: number }>;
}
const fakeWorkbook = (page: Page) =>
  page.evaluate(() => (window as unknown as { __fake: { wb: FakeWorkbook } }).__fake.wb);

/** A cell for the fake host's first sheet: its address, formula or constant, cached value, and number format. */
type FakeCell = [string, unknown, unknown, string?];
const setCells = (page: Page, cells: FakeCell[]) =>
  page.evaluate((list) => {
    const fake = (window as unknown as { __fake: { setCells(s: string, cells: FakeCell[]): void } }).__fake;
    fake.setCells("Blad1", list);
  }, cells);

/**
 * A 2025 client list whose column C hard-codes the zelfstandigenaftrek of 2024 (art. 3.76: 3.750)
 * behind the urencriterium, filled down from row 2 for `rows` rows (B: 1.400 hours each).
 */
const zelfstandigenaftrek2024FilledDown = (rows: number): FakeCell[] => [
  ["A1", "Jaar", "Jaar"],
  ["B1", 2025, 2025],
  ...Array.from({ length: rows }, (_, i) => i + 2).flatMap((r): FakeCell[] => [
    [`B${r}`, 1400, 1400],
    [`C${r}`, `=IF(B${r}>=1225,3750,0)`, 3750],
  ]),
];

/** What the fake host "computes" for formulas the pane writes (Excel's results, from the law). */
const setResults = (page: Page, results: Record<string, unknown>) =>
  page.evaluate((r) => {
    (window as unknown as { __fake: { results: Record<string, unknown> } }).__fake.results = r;
  }, results);

describe("outside Excel: the standalone scenario calculator", () => {
  test("computes the known scenario to the cent and says it has no workbook", async () => {
    const { page } = await openPane(h, "browser");
    await page.fill("#f-winst", "40.000");
    await page.fill("#f-urenOnderneming", "1.400");
    await page.selectOption("#f-jaar", "2025");
    // 40.000 - 2.470 - 4.766,31
    await expect(page.textContent(rowValue("belastbareWinst"))).resolves.toBe("€ 32.763,69");
    await expect(page.textContent(rowValue("zelfstandigenaftrek"))).resolves.toBe("€ 2.470,00");
    await expect(page.textContent("#host-status")).resolves.toContain("geen werkmap");
    await page.click("#tab-compare");
    await page.click("#tabs-more");
    await page.click("#more-insert");
    await expect(page.textContent("#panel")).resolves.toContain("Invoegen werkt alleen in Excel");
    await screenshot(page, "01-scenario-browser");
    await page.close();
  });

  test("validates as you type, with the message next to the field", async () => {
    const { page } = await openPane(h, "browser");
    await page.fill("#f-winst", "veertig");
    await expect(page.textContent("#f-winst-msg")).resolves.toContain("Vul een bedrag in");
    await expect(page.getAttribute("#f-winst", "aria-invalid")).resolves.toBe("true");
    await expect(page.textContent("#result")).resolves.toContain("Verbeter eerst de velden");
    await page.fill("#f-winst", "-10.000");
    await page.fill("#f-urenOnderneming", "600");
    await expect(page.textContent("#f-winst-msg")).resolves.toBe("");
    // no urencriterium: -10.000 + 1.270
    await expect(page.textContent(rowValue("belastbareWinst"))).resolves.toBe("€ -8.730,00");
    await page.close();
  });

  test("investments: the KIA and the curve with the client's total marked", async () => {
    const { page } = await openPane(h, "browser");
    await fillClient(page, "40.000", "1.400");
    // nothing invested: no "changes the KIA by € 0,00", but where the KIA starts
    await expect(page.textContent("#kia-marginal")).resolves.toContain("Nog geen investeringen");
    await expect(page.textContent("#kia-marginal")).resolves.not.toContain("€ 0,00");
    await page.click("#f-inv-add");
    await page.fill("#f-inv-1-bedrag", "1.000");
    await expect(page.textContent("#kia-marginal")).resolves.toContain("Tot en met € 2.900");
    await page.fill("#f-inv-1-bedrag", "2.901");
    await expect(page.textContent(rowValue("kia"))).resolves.toBe("€ 812,28");
    // 100 more: 28% x 100 = 28 more KIA; what that saves netto comes from the whole chain
    await expect(page.textContent("#kia-marginal")).resolves.toContain("KIA € 28,00 hoger, netto €");
    await page.fill("#f-inv-1-bedrag", "2.900");
    // at the threshold 100 more jumps from 0 to 28% of 3.000
    await expect(page.textContent("#kia-marginal")).resolves.toContain("KIA € 840,00 hoger");
    // the axes in the pane's own format and round: € 22.000 (2025: vast bedrag 19.769 + 8%, to
    // thousands of 2.000) and € 0 ... € 400.000 (bovengrens 392.230, in steps of 100.000), never "€22k"
    const axis = await page.locator("figure.chart svg text").allTextContents();
    expect(axis).toContain("€ 22.000");
    expect(axis).toContain("€ 0");
    expect(axis).toContain("€ 400.000");
    expect(axis.join(" ")).not.toMatch(/\dk\b/);
    await screenshot(page, "02-kia-curve");
    await page.close();
  });

  test("the answer stays in view while the form is edited, and no word breaks in the middle", async () => {
    const { page } = await openPane(h, "browser");
    await fillClient(page, "60.000", "1.400");
    await page.selectOption("#f-jaar", "2025");
    // 2025 winst 60.000: belasting 18.185,09 - kortingen 6.184 (1.686 + 4.498, as the aanslag) + Zvw 2.641,77
    await expect(page.textContent("#sum-totaalTeBetalen")).resolves.toContain("€ 14.642,86");
    await expect(page.textContent("#sum-marginaal")).resolves.toMatch(/\d+(,\d)?%/);
    await page.click("#f-inv-add");
    await page.fill("#f-inv-1-bedrag", "10.000");
    await expect(page.textContent("#sum-nettoKia")).resolves.toMatch(/€ [\d.]+,\d\d/);
    // scroll to the last field of the form: the summary is still at the top of the pane
    await page.locator("#f-particulierZelfdePrijs").scrollIntoViewIfNeeded();
    const box = await page.locator("#summary").boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(5);
    // every label fits its column without breaking a word anywhere but at a compound joint
    const overflowing = await page.$$eval(".chain th .label", (labels) =>
      labels
        .filter(
          (l) => l.scrollWidth > l.clientWidth + 1 || getComputedStyle(l.parentElement!).overflowWrap === "anywhere",
        )
        .map((l) => l.textContent),
    );
    expect(overflowing).toEqual([]);
    await screenshot(page, "02b-summary-320px");
    await page.close();
  });

  test("compares scenarios side by side and highlights the difference", async () => {
    const { page } = await openPane(h, "browser");
    await fillClient(page, "40.000", "1.400");
    await page.fill("#scenario-name", "Met uren");
    await scenarioAction(page, "scenario-duplicate");
    await page.fill("#scenario-name", "Zonder uren");
    await page.fill("#f-urenOnderneming", "1.000");
    await page.click("#tab-compare");
    const boxes = page.locator(".picks input[type=checkbox]");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const za = page.locator('#compare-table tr[data-key="zelfstandigenaftrek"] td');
    await expect(za.nth(0).textContent()).resolves.toBe("€ 2.470,00");
    await expect(za.nth(1).getAttribute("class")).resolves.toBe("diff");
    await expect(za.nth(1).textContent()).resolves.toContain("verschil € -2.470,00");
    await expect(page.locator("figure.chart svg[role=img]").count()).resolves.toBe(1);
    await screenshot(page, "03-compare");
    await page.close();
  });

  test("compares KOR yes and no with this year's and last year's turnover", async () => {
    const { page } = await openPane(h, "browser");
    await page.fill("#scenario-name", "Zonder KOR");
    await fillClient(page, "15.000", "1.400");
    await page.fill("#f-omzet", "18.000");
    await page.fill("#f-omzetVorigJaar", "17.000");
    await page.fill("#f-btwKosten", "600");
    await scenarioAction(page, "scenario-duplicate");
    await page.fill("#scenario-name", "Met KOR");
    await page.check("#f-kor");
    await page.check("#f-particulierZelfdePrijs");
    // private clients keep paying the same: 21% x 18.000 - 600 = 3.180 more winst
    await expect(page.textContent(rowValue("korEffect"))).resolves.toBe("€ 3.180,00");
    await page.fill("#f-omzetVorigJaar", "21.000");
    // 2025: art. 25a Wet OB, the turnover of this and last year at most € 20.000
    await expect(page.textContent("#kor-message")).resolves.toBe(
      "KOR niet mogelijk: omzet dit of vorig jaar hoger dan € 20.000",
    );
    await page.fill("#f-omzetVorigJaar", "17.000");
    await page.click("#tab-compare");
    const effect = page.locator('#compare-table tr[data-key="korEffect"] td');
    // a positive difference carries its "+"
    await expect(effect.nth(1).textContent()).resolves.toContain("verschil € +3.180,00");
    await page.close();
  });

  test("what was entered survives a reload", async () => {
    const { page } = await openPane(h, "browser");
    await page.fill("#scenario-name", "Klant De Vries");
    await page.fill("#f-winst", "55.555");
    await page.reload();
    await page.waitForSelector("#panel");
    await expect(page.inputValue("#scenario-name")).resolves.toBe("Klant De Vries");
    await expect(page.inputValue("#f-winst")).resolves.toBe("55.555");
    await page.close();
  });

  test("English is available, from the settings menu", async () => {
    const { page } = await openPane(h, "browser");
    await fillClient(page, "40.000", "1.400");
    await page.click("#settings");
    await page.click("#lang-en");
    await expect(page.textContent("#tab-compare")).resolves.toBe("Compare");
    await expect(page.textContent("label[for=f-urenOnderneming]")).resolves.toBe("Hours in the business");
    // the numbers typed in Dutch are shown the English way, and read the same
    await expect(page.inputValue("#f-winst")).resolves.toBe("40,000");
    await expect(page.textContent(rowValue("belastbareWinst"))).resolves.toBe("€32,763.69");
    // the explanations under the lines are English too
    await expect(page.textContent('#result-table tr[data-key="belastbareWinst"] .why')).resolves.toContain(
      "Profit less ondernemersaftrek",
    );
    await expect(page.textContent("#about")).resolves.toMatch(/checked on \d{1,2} [A-Z][a-z]+ \d{4}\./);
    await page.close();
  });

  test("loads without a page error with Microsoft's real office.js: Office.onReady without a host", async () => {
    const { page, errors, requests } = await openPane(h, "browser");
    await page.reload();
    await page.waitForSelector("#panel");
    await page.fill("#f-winst", "50.000");
    // the real library from @microsoft/office-js, not the fake: it reports no host outside Office
    const info = await page.evaluate(async () => {
      const office = (window as unknown as { Office?: { onReady(): Promise<{ host: unknown }> } }).Office;
      if (!office) return null;
      const ready = await office.onReady();
      return { host: ready.host ?? null, fake: "__fake" in window };
    });
    expect(info).toEqual({ host: null, fake: false });
    expect(requests).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(errors).toEqual([]);
    await expect(page.textContent("#host-status")).resolves.toContain("geen werkmap");
    await page.close();
  });

  test("offline (office.js unreachable) the calculator still works", async () => {
    const { page, errors } = await openPane(h, "offline");
    await page.fill("#f-winst", "40.000");
    await page.fill("#f-urenOnderneming", "1.400");
    await expect(page.textContent('#result-table tr[data-key="belastbareWinst"] td')).resolves.toBe("€ 32.763,69");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("no network request but the page's own files and office.js, and no CSP violation", async () => {
    const { page, requests } = await openPane(h, "browser");
    const violations: string[] = [];
    page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
    await page.reload();
    await page.waitForSelector("#panel");
    await fillClient(page, "100.000", "1.400");
    await page.click("#f-inv-add");
    await page.fill("#f-inv-1-bedrag", "10.000");
    await scenarioAction(page, "scenario-duplicate");
    await page.click("#tab-compare");
    await page.waitForSelector("#compare-table");
    const foreign = requests.filter(
      (u) => !u.startsWith(h.origin) && !u.startsWith("https://appsforoffice.microsoft.com/"),
    );
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    // the UI is a separate chunk, loaded after the functions
    const scripts = requests.filter((u) => u.endsWith(".js")).map((u) => u.replace(h.origin, ""));
    expect(scripts.indexOf("/functions.js")).toBeLessThan(scripts.findIndex((u) => /\/ui\.[0-9a-f]+\.js$/.test(u)));
    await page.close();
  });
});

bookkeeperTests(() => h);

describe("inside a (fake) Excel host", () => {
  test("Werkmap controleren: finds the hard-coded numbers, shows before and after, replaces only the picked cell", async () => {
    const { page } = await openPane(h, "excel");
    await setCells(page, [
      ["A1", "Jaar", "Jaar"],
      ["B1", 2025, 2025],
      ["A3", "Uren", "Uren"],
      ["B3", 1400, 1400],
      ["A4", "Zelfstandigenaftrek", "Zelfstandigenaftrek"],
      // the zelfstandigenaftrek of 2024 (art. 3.76): 3.750
      ["B4", "=IF(B3>=1225,3750,0)", 3750],
      ["A5", "MKB-winstvrijstelling", "MKB-winstvrijstelling"],
      ["B5", "=(C5-D5)*12.7%", 5000],
    ]);
    await openTab(page, "check");
    await page.click("#audit-run");
    await page.waitForSelector("#audit-list");
    await expect(page.textContent("#audit-progress")).resolves.toContain("2 cel(len)");
    const list = await page.textContent("#audit-list");
    expect(list).toContain("3750 = zelfstandigenaftrek (2024), zekerheid hoog; verouderd voor 2025");
    // shown as Dutch Excel shows formulas (ALS, ;, a decimal comma); written in the file's notation
    expect(list).toContain('=ALS(NL.URENCRITERIUM(B3);NL.PARAMETER($B$1;"zelfstandigenaftrek");0)');
    expect(list).toContain("12,7% = mkb_winstvrijstelling_percentage");
    expect(list).toContain("=NL.MKBVRIJ($B$1;C5;D5)");
    expect(list).toContain("=(C5-D5)*12,7%");
    await screenshot(page, "07-controleren");
    await page.click("#audit-pick-1");
    await page.click("#audit-replace");
    await page.waitForSelector("#audit-confirm");
    await expect(page.textContent("#audit-confirm")).resolves.toContain("=ALS(B3>=1225;3750;0)");
    // What Excel computes for the NL formula: the zelfstandigenaftrek of 2025, 2.470 (art. 3.76 lid 2)
    await setResults(page, { '=IF(NL.URENCRITERIUM(B3),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)': 2470 });
    await page.click("#audit-confirm-yes");
    await expect(page.textContent("#audit-progress")).resolves.toBe("1 cel(len) vervangen.");
    // the report, once Excel has computed the cell (it says #BUSY! until then)
    await page.waitForSelector("#audit-report");
    const item = await page.locator('#audit-report li[data-cell="Blad1!B4"] .note').allTextContents();
    expect(item).toEqual([
      "Stond er: =ALS(B3>=1225;3750;0)",
      'Staat er nu: =ALS(NL.URENCRITERIUM(B3);NL.PARAMETER($B$1;"zelfstandigenaftrek");0)',
      "Waarde voor → Waarde na: 3.750 → 2.470",
      "Waarom: verouderd voor 2025 (jaarcel Blad1!B1): 3.750 = zelfstandigenaftrek van 2024; in 2025 2.470",
    ]);
    const wb = await fakeWorkbook(page);
    const cells = wb.sheets[0].cells;
    expect(cells.B4.formula).toBe('=IF(NL.URENCRITERIUM(B3),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)');
    expect(cells.B5.formula).toBe("=(C5-D5)*12.7%"); // not picked: untouched
    expect(cells.B3.formula).toBe(1400);
    expect(wb.syncs.filter((x) => x.writes > 0).at(-1)!.writes).toBe(1); // one write, one cell
    await page.close();
  });

  test("Werkmap controleren: the pane's report is the one `controleer --vervang` writes for the same workbook", async () => {
    const { page } = await openPane(h, "excel");
    // A 2025 template: the zelfstandigenaftrek of 2024 (3.750) and the MKB-winstvrijstelling of
    // 2022/2023 as a whole percentage (14) under a (%) label, divided by 100 where it is used
    const template: TemplateSheet = {
      name: "Blad1",
      cells: {
        A1: "Jaar",
        B1: 2025,
        A3: "Uren",
        B3: 1400,
        A4: "Zelfstandigenaftrek",
        B4: { f: "IF(B3>=1225,3750,0)", v: 3750 },
        A5: "MKB-winstvrijstelling (%)",
        B5: 14,
        A6: "Winst",
        B6: 50000,
        A7: "MKB-winstvrijstelling",
        B7: { f: "(B6-B4)*B5/100", v: 6475 }, // (50.000 - 3.750) x 14%
        // the first bracket's rate of 2025 (8,17 + 17,90 + 0,10 + 9,65 = 35,82%: art. 2.10 Wet IB
        // 2001, art. 11 Wfsv), a whole percentage by its number format alone
        A8: "Tarief eerste schijf",
        B8: { v: 35.82, fmt: '0.00" %"' },
      },
    };
    const fakeCells: FakeCell[] = Object.entries(template.cells).map(([address, c]) =>
      typeof c !== "object"
        ? [address, c, c]
        : "f" in c
          ? [address, `=${c.f}`, c.v]
          : "fmt" in c
            ? [address, c.v, c.v, c.fmt]
            : [address, c.v, c.v],
    );
    await setCells(page, fakeCells);
    await openTab(page, "check");
    await page.click("#audit-run");
    await page.waitForSelector("#audit-list");
    await page.click("#audit-all");
    await page.click("#audit-replace");
    await page.waitForSelector("#audit-confirm");
    // Excel's results, from the law (2025): the zelfstandigenaftrek 2.470 (art. 3.76 lid 2), the
    // MKB-winstvrijstelling 12,7% (art. 3.79a), written as a whole percentage: 12,7
    await setResults(page, {
      '=IF(NL.URENCRITERIUM(B3),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)': 2470,
      '=NL.PARAMETER($B$1,"mkb_winstvrijstelling_percentage")*100': 12.7,
      '=NL.PARAMETER($B$1,"box1_tarief_schijf1_met_premie")*100': 35.82,
    });
    await page.click("#audit-confirm-yes");
    await page.waitForSelector("#audit-report");
    await screenshot(page, "08-controleren-rapport");
    expect(await axeViolations(page)).toEqual([]);
    const paneMarkdown = (await page.textContent("#audit-report-md"))!;
    // the same workbook as a file, converted by the command line
    const dir = mkdtempSync(join(tmpdir(), "nl-pane-report-"));
    try {
      const file = join(dir, "klant.xlsx");
      await writeTemplate(file, [template]);
      expect((await runCli("controleer", file, "--vervang", "-o", join(dir, "uit.xlsx"))).code).toBe(0);
      const cliMarkdown = readFileSync(join(dir, "uit.rapport.md"), "utf8");
      const table = (md: string) => md.split("\n").filter((l) => l.startsWith("| Blad1 |"));
      expect(table(paneMarkdown)).toEqual(table(cliMarkdown));
      expect(table(paneMarkdown)).toEqual([
        '| Blad1 | B4 | `=ALS(B3>=1225;3750;0)` | `=ALS(NL.URENCRITERIUM(B3);NL.PARAMETER($B$1;"zelfstandigenaftrek");0)` | 3.750 | 2.470 | verouderd voor 2025 (jaarcel Blad1!B1): 3.750 = zelfstandigenaftrek van 2024; in 2025 2.470 |',
        '| Blad1 | B5 | `14` | `=NL.PARAMETER($B$1;"mkb_winstvrijstelling_percentage")*100` | 14 | 12,7 | verouderd voor 2025 (jaarcel Blad1!B1): 14 = mkb_winstvrijstelling_percentage van 2022–2023; in 2025 12,7% |',
        '| Blad1 | B8 | `35,82` | `=NL.PARAMETER($B$1;"box1_tarief_schijf1_met_premie")*100` | 35,82 | 35,82 | gelijk; de getallen zijn actueel voor 2025 (jaarcel Blad1!B1) |',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.close();
  });

  test("Werkmap controleren: a formula filled down is one entry, replaced cell by cell for its own row", async () => {
    const { page } = await openPane(h, "excel");
    await setCells(page, zelfstandigenaftrek2024FilledDown(300));
    await openTab(page, "check");
    await page.click("#audit-run");
    await page.waitForSelector("#audit-list");
    await expect(page.textContent("#audit-progress")).resolves.toContain("300 cel(len)");
    await expect(page.locator("#audit-list > li").count()).resolves.toBe(1);
    const list = await page.textContent("#audit-list");
    expect(list).toContain("Blad1!C2:C301");
    expect(list).toContain("300 cellen onder elkaar; getoond voor C2");
    expect(list).toContain('=ALS(NL.URENCRITERIUM(B2);NL.PARAMETER($B$1;"zelfstandigenaftrek");0)');
    // Someone edits one cell of the run after the check: that cell is left alone.
    await setCells(page, [["C150", "=IF(B150>=1225,2470,0)", 2470]]);
    await page.click("#audit-pick-1");
    await page.click("#audit-replace");
    await page.waitForSelector("#audit-confirm");
    const confirm = await page.textContent("#audit-confirm");
    expect(confirm).toContain("300 cel(len) krijgen de voorgestelde formule");
    expect(confirm).toContain("Blad1!C2:C301");
    await page.click("#audit-confirm-yes");
    await expect(page.textContent("#audit-progress")).resolves.toBe(
      "299 cel(len) vervangen. Niet vervangen omdat de cel intussen is gewijzigd: Blad1!C150.",
    );
    const wb = await fakeWorkbook(page);
    const cells = wb.sheets[0].cells;
    expect(cells.C2.formula).toBe('=IF(NL.URENCRITERIUM(B2),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)');
    expect(cells.C149.formula).toBe('=IF(NL.URENCRITERIUM(B149),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)');
    expect(cells.C150.formula).toBe("=IF(B150>=1225,2470,0)");
    expect(cells.C151.formula).toBe('=IF(NL.URENCRITERIUM(B151),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)');
    expect(cells.C301.formula).toBe('=IF(NL.URENCRITERIUM(B301),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)');
    expect(cells.B301.formula).toBe(1400);
    // one batch: the rows above and below the edited cell, each as one range
    expect(wb.syncs.filter((x) => x.writes > 0).at(-1)!.writes).toBe(2);
    // what is left in the list: the one cell that was not replaced
    await expect(page.locator("#audit-list > li").count()).resolves.toBe(1);
    await expect(page.textContent("#audit-list")).resolves.toContain("Blad1!C150");
    await page.close();
  });

  test("Werkmap controleren: 12.000 cells filled down are replaced in batches within Excel's request size", async () => {
    const { page } = await openPane(h, "excel");
    await setCells(page, zelfstandigenaftrek2024FilledDown(12000));
    // Excel refuses a request of more than 6.000 cells; the third batch that writes is refused
    await page.evaluate(() => {
      const fake = (window as unknown as { __fake: Record<string, unknown> }).__fake;
      fake.maxCellsPerSync = 6000;
      fake.refuseWrites = "Het blad is beveiligd.";
      fake.refuseFromWriteSync = 3;
    });
    await openTab(page, "check");
    await page.click("#audit-run");
    await page.waitForSelector("#audit-list");
    await expect(page.textContent("#audit-progress")).resolves.toContain("12.000 cel(len)");
    await page.click("#audit-pick-1");
    await page.click("#audit-replace");
    await page.waitForSelector("#audit-confirm");
    await page.click("#audit-confirm-yes");
    // batches of 5.000: rows 2-5.001 and 5.002-10.001 are written, 10.002-12.001 refused
    await expect(page.textContent("#audit-progress")).resolves.toBe(
      "10.000 cel(len) vervangen. Excel voerde dit niet uit: Het blad is beveiligd.",
    );
    const cells = (await fakeWorkbook(page)).sheets[0].cells;
    expect(cells.C2.formula).toBe('=IF(NL.URENCRITERIUM(B2),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)');
    expect(cells.C10001.formula).toBe('=IF(NL.URENCRITERIUM(B10001),NL.PARAMETER($B$1,"zelfstandigenaftrek"),0)');
    expect(cells.C10002.formula).toBe("=IF(B10002>=1225,3750,0)");
    // what is left to replace: the 2.000 cells Excel refused, as one entry
    await expect(page.locator("#audit-list > li").count()).resolves.toBe(1);
    await expect(page.textContent("#audit-list")).resolves.toContain("Blad1!C10002:C12001");
    await page.close();
  });

  test("insert refuses to overwrite without confirmation, then writes the live formulas in one batch", async () => {
    const { page } = await openPane(h, "excel");
    await expect(page.textContent("#host-status")).resolves.toContain("Verbonden met Excel");
    await page.evaluate(() => {
      const f = (
        window as unknown as {
          __fake: {
            setCell(s: string, a: string, f: string, v: unknown): void;
            select(s: string, r: number, c: number): void;
          };
        }
      ).__fake;
      f.setCell("Blad1", "C5", "Belangrijk", "Belangrijk");
      f.select("Blad1", 1, 1); // B2
    });
    await fillClient(page, "40.000", "1.400");
    await openTab(page, "insert");
    await page.click("#insert-selection");
    await page.waitForSelector("[role=alertdialog]");
    await expect(page.textContent("#confirm-list")).resolves.toContain("C5 Belangrijk");
    await screenshot(page, "04-insert-confirm");
    await page.click("#confirm-no");
    await expect(page.textContent("#insert-status")).resolves.toBe("Niets gewijzigd.");
    const untouched = await page.evaluate(
      () =>
        (window as unknown as { __fake: { wb: { sheets: Array<{ cells: Record<string, { formula: string }> }> } } })
          .__fake.wb.sheets[0].cells,
    );
    expect(Object.keys(untouched)).toEqual(["C5"]);

    await page.click("#insert-selection");
    await page.click("#confirm-yes");
    await expect(page.textContent("#insert-status")).resolves.toMatch(/^Ingevoegd in Blad1!B2:E\d+\.$/);
    const wb = await fakeWorkbook(page);
    const formulas = Object.values(wb.sheets[0].cells).map((c) => String(c.formula));
    expect(formulas).toContain("=NL.URENCRITERIUM($C$5,$C$6,$C$7)");
    expect(formulas.some((f) => f.startsWith("=NL.MKBVRIJ($C$3,"))).toBe(true);
    expect(formulas.some((f) => f.startsWith("=NL.INKOMSTENBELASTING("))).toBe(true);
    expect(wb.sheets[0].cells.C4.formula).toBe(40000); // the input cell, not a hard-coded result
    expect(wb.syncs.filter((s) => s.writes > 0).at(-1)!.writes).toBe(1); // all cells in one write
    await page.close();
  });

  test("insert on a new sheet and export a sheet as values", async () => {
    const { page } = await openPane(h, "excel");
    // a scenario without winst and uren is not inserted: no block built from empty fields
    await openTab(page, "insert");
    await expect(page.textContent("#insert-incomplete")).resolves.toContain("Vul het scenario eerst volledig in");
    await expect(page.isDisabled("#insert-sheet")).resolves.toBe(true);
    await openTab(page, "scenario");
    await fillClient(page, "40.000", "1.400");
    await openTab(page, "insert");
    await page.click("#insert-sheet");
    await expect(page.textContent("#insert-status")).resolves.toMatch(/^Ingevoegd in Scenario 1!A1:D\d+\.$/);
    await page.evaluate(() => {
      const f = (window as unknown as { __fake: { setCell(s: string, a: string, f: string, v: unknown): void } })
        .__fake;
      f.setCell("Scenario 1", "E1", "=NL.KIA(2025,10000)", 2800);
      f.setCell("Scenario 1", "E2", "=SUM(1,2)", 3);
    });
    await page.click("#export-values");
    await expect(page.textContent("#insert-status")).resolves.toBe("Kopie gemaakt: Scenario 1 (2).");
    const copy = await page.evaluate(
      () =>
        (
          window as unknown as {
            __fake: { wb: { sheets: Array<{ name: string; cells: Record<string, { formula: unknown }> }> } };
          }
        ).__fake.wb.sheets.find((s) => s.name === "Scenario 1 (2)")!.cells,
    );
    expect(copy.E1.formula).toBe(2800);
    expect(copy.E2.formula).toBe("=SUM(1,2)");
    await page.close();
  });

  test("when Excel refuses a write the pane says so in words, without a stack trace", async () => {
    const { page } = await openPane(h, "excel");
    await page.evaluate(() => {
      (window as unknown as { __fake: { refuseWrites: string } }).__fake.refuseWrites = "Het blad is beveiligd.";
    });
    await fillClient(page, "40.000", "1.400");
    await openTab(page, "insert");
    await page.click("#insert-sheet");
    await expect(page.textContent("#insert-status")).resolves.toBe("Excel voerde dit niet uit: Het blad is beveiligd.");
    await expect(page.getAttribute("#insert-status", "class")).resolves.toBe("error");
    await page.close();
  });

  test("explains the selected cell with the trace its function recorded", async () => {
    const { page } = await openPane(h, "excel");
    await page.evaluate(() => {
      const w = window as unknown as {
        CustomFunctions: { registered: Record<string, (...a: unknown[]) => unknown> };
        __fake: { setCell(s: string, a: string, f: string, v: unknown): void };
      };
      // Excel calling =NL.KIA(2025; 2901) in Blad1!B7
      w.__fake.setCell("Blad1", "B7", "=NL.KIA(2025,2901)", 812.28);
      w.CustomFunctions.registered.KIA(2025, [[2901]], null, { address: "Blad1!B7" });
    });
    await openTab(page, "explain");
    await page.evaluate(() =>
      (window as unknown as { __fake: { select(s: string, r: number, c: number): void } }).__fake.select("Blad1", 6, 1),
    );
    await page.waitForSelector("#explain-output .trace");
    const text = await page.textContent("#explain-output");
    expect(text).toContain("Blad1!B7");
    expect(text).toContain("Kleinschaligheidsinvesteringsaftrek");
    expect(text).toContain("812,28");
    expect(text).toContain("Jaar 2025");
    // nothing sticks out of the explanation: long Dutch words break at their joints
    const outside = await page.$$eval("#explain-output *", (all) => {
      const right = document.getElementById("explain-output")!.getBoundingClientRect().right;
      return all.filter((e) => e.getBoundingClientRect().right > right + 0.5).map((e) => e.textContent);
    });
    expect(outside).toEqual([]);
    await expect(page.getAttribute("#explain-output .params a", "href")).resolves.toMatch(
      /^https:\/\/wetten\.overheid\.nl\/BWBR0011353\/2025-01-01#Artikel3\.4[15]$/,
    );
    await screenshot(page, "05-explain");
    await page.close();
  });

  test("explains a heffingskorting with the exact amount and the aanslag's rounding beside it, linked to its source", async () => {
    const { page } = await openPane(h, "excel");
    await page.evaluate(() => {
      const w = window as unknown as {
        CustomFunctions: { registered: Record<string, (...a: unknown[]) => unknown> };
        __fake: { setCell(s: string, a: string, f: string, v: unknown): void };
      };
      // Excel calling =NL.ALGEMENEHEFFINGSKORTING(2025; 0; WAAR) in Blad1!C3: the published 1.536
      w.__fake.setCell("Blad1", "C3", "=NL.ALGEMENEHEFFINGSKORTING(2025,0,TRUE)", 1536);
      w.CustomFunctions.registered.ALGEMENEHEFFINGSKORTING(2025, 0, true, { address: "Blad1!C3" });
    });
    await openTab(page, "explain");
    await page.evaluate(() =>
      (window as unknown as { __fake: { select(s: string, r: number, c: number): void } }).__fake.select("Blad1", 2, 2),
    );
    await page.waitForSelector("#explain-output .trace");
    const text = await page.textContent("#explain-output");
    // 3.068 x 8,17/35,82 = 699,76 -> 700; 3.068 x 9,75/35,82 = 835,09 -> 836; exact together 1.534,86
    expect(text).toContain("699,76");
    expect(text).toContain("835,09");
    expect(text).toContain("1.534,86");
    expect(text).toContain("1.536");
    await expect(page.getAttribute("#explain-output .steps a", "href")).resolves.toBe(
      "https://kennisgroepen.belastingdienst.nl/publicaties/kg202202214-afronding-heffingskortingen/",
    );
    await page.close();
  });

  test("explains what the cell holds now: a replaced formula is not explained, an NL error shows its message", async () => {
    const { page } = await openPane(h, "excel");
    type W = {
      CustomFunctions: { registered: Record<string, (...a: unknown[]) => unknown> };
      __fake: {
        setCell(s: string, a: string, f: string, v: unknown): void;
        select(s: string, r: number, c: number): void;
      };
    };
    await page.evaluate(() => {
      const w = window as unknown as W;
      w.__fake.setCell("Blad1", "B2", "=NL.KIA(2025,10000)", 2800);
      w.CustomFunctions.registered.KIA(2025, [[10000]], null, { address: "Blad1!B2" });
      w.__fake.setCell("Blad1", "B2", 42 as unknown as string, 42); // the user typed 42 over it
      w.__fake.setCell("Blad1", "C3", "=NL.KIA(2027,10000)", "#N/A");
      try {
        w.CustomFunctions.registered.KIA(2027, [[10000]], null, { address: "Blad1!C3" });
      } catch {
        // Excel shows #N/A with the message
      }
    });
    await openTab(page, "explain");
    await page.evaluate(() => (window as unknown as W).__fake.select("Blad1", 1, 1));
    await page.waitForFunction(() => document.querySelector("#explain-output")?.textContent?.includes("B2"));
    await expect(page.textContent("#explain-output")).resolves.toBe("Cel Blad1!B2 bevat geen NL-formule.");
    await page.evaluate(() => (window as unknown as W).__fake.select("Blad1", 2, 2));
    await page.waitForSelector("#explain-output [role=alert]");
    const text = await page.textContent("#explain-output");
    expect(text).toContain("De formule geeft #N/A: Kleinschaligheidsinvesteringsaftrek: geen gegevens voor jaar 2027");
    expect(text).not.toContain("Excel voerde dit niet uit");
    await page.close();
  });

  test("malformed saved scenarios: the valid ones load, the others are named and kept apart", async () => {
    const { page } = await openPane(h, "excel");
    const stored = {
      scenarios: [
        null,
        { id: "a", naam: "Goed", jaar: "2025", winst: "60.000", urenOnderneming: "1.300" },
        { id: "b", naam: { fout: true }, jaar: "2025" },
        { id: "c", naam: "Kapot", jaar: 2025 },
      ],
      activeId: "a",
    };
    await page.evaluate((value) => {
      const f = (window as unknown as { __fake: { wb: { settings: Record<string, unknown> }; persist(): void } })
        .__fake;
      f.wb.settings["nlAftrek.pane"] = value;
      f.persist();
    }, stored);
    await page.reload();
    await page.waitForSelector("#unreadable");
    await expect(page.textContent("#unreadable")).resolves.toContain('scenario 1, scenario 3, scenario 4 ("Kapot")');
    await expect(page.locator("#scenario-select option").allTextContents()).resolves.toEqual(["Goed"]);
    await page.fill("#f-winst", "61.000"); // a save
    await page.waitForFunction(() => {
      const s = (window as unknown as { __fake: { wb: { settings: Record<string, unknown> } } }).__fake.wb.settings;
      return (s["nlAftrek.pane"] as { scenarios: Array<{ winst: string }> }).scenarios[0].winst === "61.000";
    });
    const settings = await page.evaluate(
      () => (window as unknown as { __fake: { wb: { settings: Record<string, unknown> } } }).__fake.wb.settings,
    );
    expect(settings["nlAftrek.pane.onleesbaar"]).toEqual(stored);
    await screenshot(page, "06-onleesbaar");
    await page.close();
  });

  test("scenarios are saved in the workbook and are there after reopening", async () => {
    const { page } = await openPane(h, "excel");
    await page.fill("#scenario-name", "Bakkerij Jansen");
    await scenarioAction(page, "scenario-duplicate");
    await page.reload();
    await page.waitForSelector("#panel");
    const names = await page.locator("#scenario-select option").allTextContents();
    expect(names).toEqual(["Bakkerij Jansen", "Bakkerij Jansen (kopie)"]);
    const settings = await page.evaluate(
      () => (window as unknown as { __fake: { wb: { settings: Record<string, unknown> } } }).__fake.wb.settings,
    );
    expect(Object.keys(settings)).toEqual(["nlAftrek.pane"]);
    await page.close();
  });
});
