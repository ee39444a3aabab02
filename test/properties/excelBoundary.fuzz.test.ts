/**
 * Every custom function called with random values of the kinds Excel sends (and some it never
 * sends but a bug might): the result is a number, a boolean, a string or a spill, or the call
 * throws an Excel error (#VALUE!/#N/A with a Dutch message). Never another exception, never a
 * promise.
 */
import fc from "fast-check";
import { NlFunctionError } from "../../src/functions/excelError";
import { NL_FUNCTIONS } from "../../src/functions/registry";

const scalar = fc.oneof(
  fc.integer({ min: -1000000, max: 1000000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 2025, 2027, 1225, 0.5, 1, 450, 449.99),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", "WAAR", "onwaar", "2025", "12,5", "€ 100", "#N/A"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const range = fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });
const arg = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 2, arbitrary: range });

function check(id: string, args: unknown[]): void {
  let result: unknown;
  try {
    result = NL_FUNCTIONS[id](...args);
  } catch (error) {
    expect(error).toBeInstanceOf(NlFunctionError);
    const e = error as NlFunctionError;
    expect(["#VALUE!", "#N/A"]).toContain(e.code);
    expect(e.message.length).toBeGreaterThan(10);
    expect(e.message).not.toMatch(/undefined|\[object|TypeError|at \w+ \(/);
    return;
  }
  expect(result).not.toBeInstanceOf(Promise);
  if (Array.isArray(result)) {
    for (const row of result as unknown[][])
      for (const cell of row) expect(["string", "number"]).toContain(typeof cell);
  } else {
    expect(["number", "boolean", "string"]).toContain(typeof result);
    if (typeof result === "number") expect(Number.isNaN(result)).toBe(false);
  }
}

describe.each(Object.keys(NL_FUNCTIONS))("NL.%s", (id) => {
  const arity = NL_FUNCTIONS[id].length - 1; // without Excel's invocation

  test("random Excel values: a value or an Excel error, nothing else", () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: arity + 1 }), (args) => check(id, args)),
      { numRuns: 120 },
    );
  });

  test("a plausible year first, random values after it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2022, 2025, 2026, 2027),
        fc.array(arg, { minLength: arity, maxLength: arity }),
        (jaar, rest) => check(id, [jaar, ...rest.slice(1)]),
      ),
      { numRuns: 80 },
    );
  });

  test("a 10.000-cell range in every position", () => {
    const big = Array.from({ length: 10000 }, (_, i) => [i % 7 === 0 ? null : (i * 37) % 5000]);
    for (let position = 0; position < Math.max(arity, 1); position++) {
      const args: unknown[] = [2025, 50000, true, 1400, true, null, null].slice(0, arity);
      args[position] = big;
      check(id, args);
    }
  });
});
