/**
 * A formula too long, too deeply nested or too deep a tree is an unreadable formula (a Dutch
 * message), never a stack overflow: Excel writes at most 8.192 characters and 64 nested
 * functions, but a generated or hostile file can hold anything. Each limit at its edge.
 */
import fc from "fast-check";
import { FORMULA_LIMITS, FormulaCache, FormulaSyntaxError, parseFormula } from "../../src/workbook/formula/parse";

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
const chain = (terms: number) => Array.from({ length: terms }, () => "A1").join("+");

test("the limits are the documented ones", () => {
  expect(FORMULA_LIMITS).toEqual({ length: 16384, nesting: 128, depth: 500 });
});

describe("nesting: parentheses, function arguments and prefix operators", () => {
  // nested(n): the outer expression and n - 1 groups inside it, n levels in all
  test("128 levels parse, 129 do not", () => {
    expect(refusal(nested(128))).toBeNull();
    expect(refusal(nested(129))).toBe("de formule is dieper genest dan 128 niveaus");
  });

  test("function calls count as levels", () => {
    // ABS(ABS(...(A1)...)): each call's argument is one level deeper
    const calls = (n: number) => `${"ABS(".repeat(n)}A1${")".repeat(n)}`;
    expect(refusal(calls(127))).toBeNull();
    expect(refusal(calls(128))).toBe("de formule is dieper genest dan 128 niveaus");
  });

  test("prefix operators count as levels, far beyond the stack's reach", () => {
    expect(refusal(`${"-".repeat(127)}A1`)).toBeNull();
    expect(refusal(`${"-".repeat(128)}A1`)).toBe("de formule is dieper genest dan 128 niveaus");
    expect(refusal(`${"-".repeat(16000)}A1`)).toBe("de formule is dieper genest dan 128 niveaus");
  });

  test("thousands of parentheses: refused, not a crash", () => {
    expect(refusal(nested(5000))).toBe("de formule is dieper genest dan 128 niveaus");
  });
});

describe("depth of the tree: a chain of n additions is n levels deep", () => {
  test("500 terms parse, 501 do not", () => {
    expect(refusal(chain(500))).toBeNull();
    expect(refusal(chain(501))).toBe("de formule is meer dan 500 niveaus diep");
  });

  test("the longest chain Excel can write (2.700 terms in 8.100 characters) is refused, not a crash", () => {
    expect(refusal(chain(2700))).toBe("de formule is meer dan 500 niveaus diep");
  });

  test("the formula cache refuses it the same way, and again for the next cell of the column", () => {
    const cache = new FormulaCache();
    expect(() => cache.parse(chain(501), { row: 1, col: 2 })).toThrow("de formule is meer dan 500 niveaus diep");
    expect(() => cache.parse(chain(501), { row: 2, col: 2 })).toThrow("de formule is meer dan 500 niveaus diep");
  });
});

describe("length", () => {
  // LEN("xx...x"): 7 characters around the text
  const exactly = (length: number) => `LEN("${"x".repeat(length - 7)}")`;

  test("16.384 characters parse, 16.385 do not", () => {
    expect(exactly(16384)).toHaveLength(16384);
    expect(refusal(exactly(16384))).toBeNull();
    expect(refusal(exactly(16385))).toBe("de formule is langer dan 16.384 tekens");
  });

  test("a leading = does not count", () => {
    expect(refusal(`=${exactly(16384)}`)).toBeNull();
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
