/**
 * Every example in help/examples.json (shown on the help pages and in the task pane) is
 * evaluated with the real functions, so the documentation cannot drift from what they compute; in
 * both hosts (an empty cell as null, and as 0).
 */
import examples from "../../help/examples.json";
import { NL_FUNCTIONS } from "../../src/functions/registry";
import { excelValue } from "../docs/badInputTable";
import { NL as byId } from "../helpers/excelHost";

interface Example {
  formule: string;
  uitkomst: number | boolean | string;
  rij?: string;
}
interface Docs {
  voorbeelden: Example[];
  bereiken?: Record<string, unknown[][]>;
}

const cases = Object.entries(examples as Record<string, Docs>).flatMap(([id, docs]) =>
  docs.voorbeelden.map((e) => [id, e.formule, e.uitkomst, e.rij ?? null, docs.bereiken ?? {}] as const),
);

describe("help examples", () => {
  test("every function has help", () => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(NL_FUNCTIONS).sort());
  });

  test.each(cases)("%s: %s = %p", (id, formula, expected, row, ranges) => {
    const match = formula.match(/^=NL\.([A-Z]+)\((.*)\)$/);
    expect(match?.[1]).toBe(id);
    const args = match![2] === "" ? [] : match![2].split(";").map((a) => excelValue(a, ranges));
    if (id === "KIA") args[1] = [[args[1]]];
    const result = byId[id](...args);
    if (row === null) expect(result).toBe(expected);
    else expect((result as unknown[][]).find((r) => r[0] === row)?.[1]).toBe(expected);
  });
});
