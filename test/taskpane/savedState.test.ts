/**
 * Saved scenarios are read field by field: every valid one is kept, a malformed one is named, and
 * nothing throws (the pane never stays on "wordt geladen…").
 */
import { emptyScenario } from "../../src/taskpane/scenarioModel";
import { readSaved } from "../../src/taskpane/savedState";

const good = (naam: string) => ({ ...emptyScenario(naam), id: `id-${naam}` });
/** An object without one of its fields. */
const without = (o: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

test("16 malformed shapes: the valid scenarios stay, the others are named", () => {
  const shapes: Array<[string, unknown, string[]]> = [
    ["null in the list", { scenarios: [good("A"), null] }, ["scenario 2"]],
    ["a number where text was stored", { scenarios: [{ ...good("B"), winst: 40000 }] }, ['scenario 1 ("B")']],
    ["investeringen missing (an older version): a default", { scenarios: [without(good("C"), "investeringen")] }, []],
    ["an object as naam", { scenarios: [{ ...good("D"), naam: { x: 1 } }] }, ["scenario 1"]],
    ["a string instead of the list", { scenarios: "kapot" }, ["de lijst met scenario's"]],
    ["a number instead of the state", 42, ["de opgeslagen gegevens"]],
    ["an array instead of the state", [good("E")], ["de opgeslagen gegevens"]],
    ["a string in investeringen", { scenarios: [{ ...good("F"), investeringen: ["x"] }] }, ['scenario 1 ("F")']],
    [
      "inGebruik as text",
      { scenarios: [{ ...good("G"), investeringen: [{ bedrag: "1", inGebruik: "ja", betaald: "" }] }] },
      ['scenario 1 ("G")'],
    ],
    ["starter as 1", { scenarios: [{ ...good("H"), starter: 1 }] }, ['scenario 1 ("H")']],
    ["id missing", { scenarios: [without(good("I"), "id")] }, ['scenario 1 ("I")']],
    ["jaar as a number", { scenarios: [{ ...good("J"), jaar: 2025 }] }, ['scenario 1 ("J")']],
    ["a scenario that is a string", { scenarios: ["scenario"] }, ["scenario 1"]],
    ["compareIds with junk", { scenarios: [good("K")], compareIds: [1, null, "id-K", "id-weg"] }, []],
    ["activeId that does not exist", { scenarios: [good("L")], activeId: "weg" }, []],
    ["an unknown extra field", { scenarios: [{ ...good("M"), nieuwVeld: true }], lang: "fr" }, []],
  ];
  for (const [what, raw, unreadable] of shapes) {
    const saved = readSaved(raw);
    expect([what, saved.unreadable]).toEqual([what, unreadable]);
  }
  const mixed = readSaved({
    scenarios: [good("A"), null, { ...good("B"), winst: 5 }, good("C")],
    activeId: "id-C",
    compareIds: ["id-A", "id-B"],
  });
  expect(mixed.scenarios.map((s) => s.naam)).toEqual(["A", "C"]);
  expect(mixed.activeId).toBe("id-C");
  expect(mixed.compareIds).toEqual(["id-A"]);
  expect(readSaved({ scenarios: [without(good("C"), "investeringen")] }).scenarios[0].investeringen).toEqual([]);
  expect(readSaved({ scenarios: [good("M")], lang: "fr" }).lang).toBe("nl");
});

test("texts that could not be read are kept as typed across closing and opening", () => {
  const saved = readSaved({ scenarios: [{ ...good("N"), winst: "", drafts: { winst: "60,000" } }] });
  expect(saved.unreadable).toEqual([]);
  expect(saved.scenarios[0].drafts).toEqual({ winst: "60,000" });
  const investment = { bedrag: "", inGebruik: false, betaald: "", drafts: { bedrag: "6.0000" } };
  expect(readSaved({ scenarios: [{ ...good("O"), investeringen: [investment] }] }).scenarios[0].investeringen).toEqual([
    investment,
  ]);
  expect(readSaved({ scenarios: [{ ...good("P"), drafts: { winst: 60000 } }] }).unreadable).toEqual([
    'scenario 1 ("P")',
  ]);
});
