/**
 * The live block the pane writes into a workbook computes, in the headless engine, exactly what
 * the pane shows for the same scenario: with its empty cells passed as null (web) and, in the
 * jest project "desktop", as 0.
 */
import Decimal from "decimal.js";
import { createEngine } from "../../src/engine/hyperformula/hyperformula";
import { scenario } from "../../src/rules/scenario";
import { blockAddress, columnName, scenarioBlock } from "../../src/taskpane/block";
import { STRINGS } from "../../src/taskpane/i18n";
import { emptyScenario, toFacts } from "../../src/taskpane/scenarioModel";

function evaluateBlock(s: ReturnType<typeof emptyScenario>, row: number, col: number) {
  const block = scenarioBlock(s, STRINGS.nl, row, col);
  const sheet: (string | number | boolean | null)[][] = [];
  block.cells.forEach((cells, r) => {
    sheet[row + r] = [];
    cells.forEach((c, k) => (sheet[row + r][col + k] = c === "" ? null : c));
  });
  const rows = Array.from(sheet, (r) => Array.from(r ?? [], (c) => c ?? null));
  const hf = createEngine({ Blad1: rows });
  const value = (key: string) => hf.getCellValue({ sheet: 0, row: row + block.resultRows[key], col: col + 1 });
  return { block, value };
}

/** The example client: 2025, winst 40.000, 1.400 uur (a new scenario starts empty). */
const example = (naam: string) => ({ ...emptyScenario(naam), winst: "40.000", urenOnderneming: "1.400" });

const pane = (s: ReturnType<typeof emptyScenario>, key: string) =>
  scenario(toFacts(s))
    .lines.find((l) => l.key === key)!
    .value.toNumber();

test("column names", () => {
  expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
});

test("the default scenario: belastbare winst 32.763,69 in the block as in the pane", () => {
  const s = example("Basis");
  const { block, value } = evaluateBlock(s, 1, 1);
  expect(blockAddress(block, 1, 1)).toMatch(/^B2:E\d+$/);
  expect(value("belastbareWinst")).toBe(32763.69);
  expect(value("urencriterium")).toBe(true);
});

test.each([
  [
    "starter with a partner and an asset not in use",
    {
      starter: true,
      urenPartner: "900",
      investeringen: [
        { bedrag: "80.000", inGebruik: false, betaald: "10.000" },
        { bedrag: "1.500", inGebruik: true, betaald: "" },
      ],
    },
  ],
  [
    "an asset not yet in use with nothing paid, beside one in use",
    {
      investeringen: [
        { bedrag: "80.000", inGebruik: false, betaald: "" },
        { bedrag: "3.000", inGebruik: true, betaald: "" },
      ],
    },
  ],
  ["AO-starter below 1.225 hours", { starter: true, aoUitkering: true, urenOnderneming: "900" }],
  ["high profit with other income, AOW", { winst: "180.000", overigInkomen: "25.000", aow: true }],
  ["a loss", { winst: "-12.000" }],
  [
    "KOR with private clients",
    {
      winst: "15.000",
      omzet: "18.000",
      omzetVorigJaar: "17.000",
      btwKosten: "600",
      kor: true,
      particulierZelfdePrijs: true,
    },
  ],
  [
    "KOR refused by last year's turnover",
    { winst: "15.000", omzet: "18.000", omzetVorigJaar: "25.000", btwKosten: "600", kor: true },
  ],
])("%s: every result equals the pane", (_, changes) => {
  const s = { ...example("X"), ...changes };
  const { value } = evaluateBlock(s, 4, 2);
  for (const key of [
    "kia",
    "winstNaKia",
    "ondernemersaftrek",
    "mkbWinstvrijstelling",
    "belastbareWinst",
    "box1",
    "tariefsaanpassing",
    "totaalBox1",
  ]) {
    expect([key, value(key)]).toEqual([key, pane(s, key)]);
  }
  expect(new Decimal(value("belastbareWinst") as number).toFixed(2)).toBe(
    scenario(toFacts(s))
      .lines.find((l) => l.key === "belastbareWinst")!
      .value.toFixed(2),
  );
});
