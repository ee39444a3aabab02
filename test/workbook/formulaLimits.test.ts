/**
 * Excel's own limits on a formula (8.192 characters, 64 nested functions, 255 arguments) refuse a
 * formula with a message that names them. Operators are not limited but by the length: a legal
 * chain of thousands of additions is read (on a thread with a large stack, see deepStack.ts), and
 * a tree deeper than a thread walks is refused there as FormulaTooDeep, never a stack overflow.
 * Each limit at its edge.
 */
import fc from "fast-check";
import { inDeepStack } from "../../src/engine/threads/deepStack";
import { FormulaCache } from "../../src/workbook/formula/formulaCache";
import { FORMULA_LIMITS, FormulaSyntaxError, FormulaTooDeep } from "../../src/workbook/formula/limits";
import { parseFormula } from "../../src/workbook/formula/parse";

/** The message of the syntax error `text` gives, or null when it parses. */
function refusal(text: string): string | null {
  try {
    parseFormula(text);
    return null;
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return error.message;
    throw error;
  }
}

const nested = (levels: number) => `${"(".repeat(levels - 1)}A1${")".repeat(levels - 1)}`;
const chain = (terms: number, operand = "A1") => Array.from({ length: terms }, () => operand).join("+");
const calls = (n: number) => `${"ABS(".repeat(n)}A1${")".repeat(n)}`;

test("the limits are Excel's, and what a thread walks", () => {
  expect(FORMULA_LIMITS).toEqual({
    excelLength: 8192,
    length: 16384,
    functions: 64,
    arguments: 255,
    depth: 500,
    nesting: 128,
    deepDepth: 20000,
  });
});

describe("Excel's limits, named in the message", () => {
  test("64 nested functions parse, 65 do not", () => {
    expect(refusal(calls(64))).toBeNull();
    expect(refusal(calls(65))).toBe(
      "de formule nest meer dan 64 functies in elkaar; Excel staat ten hoogste 64 niveaus toe",
    );
    // beside each other they are not nested: 100 calls in one SUM
    expect(refusal(`SUM(${Array.from({ length: 100 }, () => "ABS(A1)").join(",")})`)).toBeNull();
  });

  test("255 arguments parse, 256 do not", () => {
    const sum = (n: number) => `SUM(${Array.from({ length: n }, () => "1").join(",")})`;
    expect(refusal(sum(255))).toBeNull();
    expect(refusal(sum(256))).toBe("SUM heeft meer dan 255 argumenten; Excel staat er ten hoogste 255 toe");
  });

  test("16.384 characters parse, 16.385 do not (8.192 as Excel shows them)", () => {
    // LEN("xx...x"): 7 characters around the text
    const exactly = (length: number) => `LEN("${"x".repeat(length - 7)}")`;
    expect(exactly(16384)).toHaveLength(16384);
    expect(refusal(exactly(16384))).toBeNull();
    expect(refusal(exactly(16385))).toBe(
      "de formule is 16.385 tekens lang; Excel staat 8.192 tekens toe, in het bestand 16.384",
    );
    expect(refusal(`=${exactly(16384)}`)).toBeNull(); // a leading = does not count
  });
});

describe("deeper than this thread walks: FormulaTooDeep, never a stack overflow", () => {
  const tooDeep = (text: string) => {
    try {
      parseFormula(text);
    } catch (error) {
      return error instanceof FormulaTooDeep ? error.message : `other: ${String(error)}`;
    }
    return null;
  };

  test("parentheses and prefix operators: 128 levels here, more on a thread with a larger stack", () => {
    expect(tooDeep(nested(128))).toBeNull();
    expect(tooDeep(nested(129))).toBe(
      "de formule is dieper dan 128 niveaus (haakjes, bewerkingen of tekens voor een getal in elkaar) en is hier niet te rekenen",
    );
    expect(tooDeep(`${"-".repeat(127)}A1`)).toBeNull();
    expect(tooDeep(`${"-".repeat(16000)}A1`)).toMatch(/^de formule is dieper dan 128 niveaus/);
    expect(tooDeep(nested(5000))).toMatch(/^de formule is dieper dan 128 niveaus/);
  });

  test("a chain of additions: 500 terms here, 501 on a thread with a larger stack", () => {
    expect(tooDeep(chain(500))).toBeNull();
    expect(tooDeep(chain(501))).toMatch(/^de formule is dieper dan 500 niveaus/);
    // the longest chain Excel can write (2.700 cell references in 8.100 characters)
    expect(tooDeep(chain(2700))).toMatch(/^de formule is dieper dan 500 niveaus/);
  });

  test("the formula cache refuses it the same way, and again for the next cell of the column", () => {
    const cache = new FormulaCache();
    expect(() => cache.parse(chain(501), { row: 1, col: 2 })).toThrow(FormulaTooDeep);
    expect(() => cache.parse(chain(501), { row: 2, col: 2 })).toThrow(FormulaTooDeep);
  });

  test("on a thread with a large stack, every formula within the length is read and computed", async () => {
    // 4.000 additions (8.000 characters), 8.000 parentheses, 16.000 minus signs
    expect(await inDeepStack({ kind: "eval", text: `=${chain(4000, "1")}` })).toBe(4000);
    expect(await inDeepStack({ kind: "eval", text: `=${"(".repeat(8000)}7${")".repeat(8000)}` })).toBe(7);
    expect(await inDeepStack({ kind: "eval", text: `=${"-".repeat(16000)}7` })).toBe(7);
  });
});

describe("any text, in either spelling, is read or refused: never a loop without end", () => {
  // Characters of numbers, separators and operators in every order (a point in a number written
  // with ; looped forever, filling the memory); a jest timeout would fail the test.
  const piece = fc.constantFrom(
    "0",
    "1",
    "9",
    ".",
    ",",
    ";",
    "(",
    ")",
    "{",
    "}",
    "+",
    "-",
    "%",
    "e",
    "E",
    "A1",
    "SOM",
    "NL.KIA",
    '"',
    " ",
    ":",
    "$",
    "#",
  );
  test("file syntax and Dutch syntax", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.boolean(), (pieces, dutch) => {
        try {
          parseFormula(pieces.join(""), { row: 1, col: 1 }, { dutch, dutchWords: dutch });
        } catch (error) {
          if (!(error instanceof FormulaSyntaxError)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
