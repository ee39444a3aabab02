/**
 * The one list of functions: src/functions/functionList.ts is generated from the JSDoc metadata that
 * Excel registers, so the headless engine knows the same functions and required arguments as Excel.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import { NL_FUNCTIONS, NL_REQUIRED } from "../../src/functions/registry";

test("functionList.ts is what the JSDoc metadata makes now (else: npm run functions:list)", () => {
  const script = join(__dirname, "../../scripts/function-list.js");
  const run = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
  expect([run.status, run.stderr]).toEqual([0, ""]);
}, 60000);

test("the engine's list holds every function once, with its required arguments from the metadata", () => {
  expect(Object.keys(NL_FUNCTIONS)).toHaveLength(31);
  expect(NL_REQUIRED.ZELFSTANDIGENAFTREK).toEqual(["jaar", "urencriterium", "winst"]);
  expect(NL_REQUIRED.KIADITJAAR).toEqual(["jaar", "investeringen", "niet_in_gebruik", "betaald"]);
  expect(NL_REQUIRED.VERSIE).toEqual([]);
});
