/**
 * The custom functions called as Excel calls them, through the fake host's rule for empty cells
 * (test/browser/fakeOffice.js): in these tests `null` is an empty cell, on its own or in a range,
 * and an argument that is not given is left out. The host is "desktop" (an empty cell arrives as
 * 0, as in older desktop builds) in the jest project of that name, which sets
 * NL_AFTREK_EMPTY_CELL=0 for the engine too, and "web" (null) everywhere else. Every test that
 * calls through here runs under both and must give the same results.
 */
import { NL_FUNCTIONS, NlFunction } from "../../src/functions/registry";

interface FakeHost {
  readonly HOSTS: readonly string[];
  argumentFor(value: unknown, host: string): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fake = require("../browser/fakeOffice.js") as FakeHost;

export const HOST: "web" | "desktop" = process.env.NL_AFTREK_EMPTY_CELL === "0" ? "desktop" : "web";

/** `fn` as Excel calls it in this host. */
export function asExcel<F extends NlFunction>(fn: F): F {
  return ((...args: unknown[]) => fn(...args.map((a) => fake.argumentFor(a, HOST)))) as F;
}

/** Every NL function by its id, called as Excel calls it in this host. */
export const NL: Readonly<Record<string, NlFunction>> = Object.fromEntries(
  Object.entries(NL_FUNCTIONS).map(([id, fn]) => [id, asExcel(fn)]),
);
