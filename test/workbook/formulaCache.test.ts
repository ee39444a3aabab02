/**
 * The formula cache gives every cell the tree a fresh parse gives it: for columns filled down
 * (recognised without lexing), for formulas that only look filled down (a number that is not a
 * reference, a reference that would leave the sheet, text that holds digits), and for generated
 * formulas at generated rows.
 */
import fc from "fast-check";
import { FormulaCache } from "../../src/workbook/formula/formulaCache";
import { parseFormula } from "../../src/workbook/formula/parse";

/** Parses each (text, row, col) with one cache and fresh; the trees must be equal. */
function sameAsFresh(cells: readonly (readonly [string, number, number])[]): void {
  const cache = new FormulaCache();
  for (const [text, row, col] of cells) {
    const cached = cache.parse(text, { row, col });
    const fresh = parseFormula(text, { row, col });
    expect({ text, row, col, node: cached.node }).toEqual({ text, row, col, node: fresh.node });
  }
}

describe("the formula cache gives the tree a fresh parse gives", () => {
  test("a column filled down shares one tree, recognised without lexing", () => {
    const cache = new FormulaCache();
    const trees = new Set();
    for (let r = 2; r <= 1000; r++) trees.add(cache.parse(`NL.KIA($B$1,C${r})+A${r}*2`, { row: r, col: 5 }));
    expect(trees.size).toBe(1);
    expect(cache.shapes).toBe(1);
  });

  test.each([
    ["a constant that equals the row", (r: number) => `A${r}+${r}`],
    ["the same constant on every row", (r: number) => `A${r}+5`],
    ["text with digits", (r: number) => `A${r}&"A${r}"`],
    ["an absolute row", (r: number) => `$A$${r}+A$1`],
    ["a row range", (r: number) => `SUM(${r}:${r + 1})`],
    ["an area across rows 9 and 10", (r: number) => `SUM(A${r}:B${r + 1})`],
    ["another sheet", (r: number) => `'Blad 2'!A${r}+Blad3!B${r - 1}`],
    ["a name that looks like a reference", (r: number) => `ABC${r}D+A${r}`],
  ])("%s", (_what, text) => {
    sameAsFresh([2, 3, 9, 10, 11, 99, 100, 5, 1048575, 1048576].map((r) => [text(r), r, 3] as const));
  });

  test("a reference moved off the sheet is not taken for the formula above", () => {
    // A1048576 one row down would be row 1048577: no reference, so the text is a name there.
    sameAsFresh([
      ["A1048576+1", 1048575, 2],
      ["A1048577+1", 1048576, 2],
      ["A1048575+1", 1048575, 4],
      ["A1048576+1", 1048576, 4],
      ["B1+A2", 1, 3],
      ["B2+A3", 2, 3],
      ["B2+A3", 3, 3],
    ]);
  });

  test("generated formulas at generated rows", () => {
    const ref = fc
      .tuple(fc.constantFrom("A", "$B", "XFD", "C"), fc.boolean(), fc.integer({ min: -3, max: 3 }))
      .map(([col, abs, d]) => ({ col, abs, d }));
    const part = fc.oneof(
      ref.map((x) => ({ kind: "ref" as const, ...x })),
      fc.integer({ min: 0, max: 20 }).map((n) => ({ kind: "num" as const, n })),
      fc.constantFrom('"x9"', "TRUE", "NAAM1", "Blad2!", "SUM(", ")", "+", "-", ":", ",", "*"),
    );
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        (parts, rows) => {
          const textAt = (row: number) =>
            parts
              .map((p) => {
                if (typeof p === "string") return p;
                if (p.kind === "num") return String(p.n === 0 ? row : p.n);
                return `${p.col}${p.abs ? "$" : ""}${Math.max(1, row + p.d)}`;
              })
              .join("");
          const cells: [string, number, number][] = [];
          for (const row of rows) {
            const text = textAt(row);
            try {
              parseFormula(text, { row, col: 4 });
            } catch {
              continue; // not a formula: nothing to compare
            }
            cells.push([text, row, 4]);
          }
          sameAsFresh(cells);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
