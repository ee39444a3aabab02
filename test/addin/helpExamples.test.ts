/**
 * Every example in help/examples.json (shown on the help pages and in the task pane) is
 * evaluated with the real functions, so the documentation cannot drift from what they compute.
 */
import examples from "../../help/examples.json";
import { NL_FUNCTIONS as byId } from "../../src/functions/registry";

/** Reads a Dutch-Excel argument the way Excel would pass it. */
function excelValue(text: string): unknown {
  const t = text.trim();
  if (t === "") return null;
  if (t === "WAAR") return true;
  if (t === "ONWAAR") return false;
  return Number(t.replace(",", "."));
}

const cases = Object.entries(examples).flatMap(([id, docs]) =>
  docs.voorbeelden.map((e) => [id, e.formule, e.uitkomst] as const),
);

describe("help examples", () => {
  test("every function has help", () => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(byId).sort());
  });

  test.each(cases)("%s: %s = %p", (id, formula, expected) => {
    const match = formula.match(/^=NL\.([A-Z]+)\((.*)\)$/);
    expect(match?.[1]).toBe(id);
    const args = match![2].split(";").map(excelValue);
    if (id === "KIA") args[1] = [[args[1]]];
    expect(byId[id](...args)).toBe(expected);
  });
});
