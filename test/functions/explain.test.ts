/**
 * "Explain this cell": with Excel's invocation (the cell address) a function remembers, in a
 * bounded log, a compact copy of its arguments; the task pane re-runs the call with tracing on.
 */
import { CallLog, CALLS_KEY, MAX_CALLS, MAX_CELLS } from "../../src/functions/callLog";
import { NL as NL_FUNCTIONS } from "../helpers/excelHost";

const calls = (): CallLog => (globalThis as unknown as Record<symbol, CallLog>)[CALLS_KEY];

test("the last call per cell gives the trace of the value that cell shows", () => {
  expect(NL_FUNCTIONS.KIA(2025, [[2901]], null, { address: "Blad1!B7" })).toBe(812.28);
  expect(NL_FUNCTIONS.BELASTBAREWINST(2025, 40000, true, null, null, null, { address: "Blad1!C3" })).toBe(32763.69);
  const kia = calls().get("Blad1!B7")!;
  expect(kia.functionName).toBe("KIA");
  const trace = kia.explain()!;
  expect(trace.rule).toBe("kia");
  expect(trace.year).toBe(2025);
  expect(trace.steps.at(-1)).toEqual({ label: "Kleinschaligheidsinvesteringsaftrek", value: "812.28" });
  expect(trace.parameters[0].source.url).toContain("BWBR0011353/2025-01-01");

  const chain = calls().get("Blad1!C3")!.explain()!;
  expect(chain.rule).toBe("belastbareWinst");
  expect(chain.parts.map((p) => p.rule)).toEqual(["zelfstandigenaftrek", "startersaftrek", "mkbWinstvrijstelling"]);
});

test("a new value in the same cell replaces the old call; a call without an address records nothing", () => {
  NL_FUNCTIONS.KIA(2025, [[10000]], null, { address: "Blad1!B7" });
  expect(calls().get("Blad1!B7")!.explain()!.steps.at(-1)?.value).toBe("2800");
  const before = calls().size;
  NL_FUNCTIONS.KIA(2025, [[10000]]);
  expect(calls().size).toBe(before);
});

test("recording does not turn tracing on for ordinary calls", () => {
  // An untraced call builds no steps; the explanation is produced only on request.
  expect(NL_FUNCTIONS.MKBVRIJ(2025, 40000, 2470, { address: "Blad1!D1" })).toBe(4766.31);
  expect(calls().get("Blad1!D1")!.explain()!.steps.length).toBeGreaterThan(0);
});

test("the log is bounded: 2.000 cells with 1.000-cell ranges keep at most 500 calls and a million cells", () => {
  const range = Array.from({ length: 1000 }, (_, i) => [i % 7 === 0 ? null : 500 + i]);
  for (let i = 0; i < 2000; i++) NL_FUNCTIONS.KIA(2025, range, null, { address: `Blad1!A${i + 1}` });
  expect(calls().size).toBeLessThanOrEqual(MAX_CALLS);
  expect(calls().keptCells).toBeLessThanOrEqual(MAX_CELLS);
  expect(calls().get("Blad1!A1")).toBeUndefined(); // the oldest went first
  // The newest still explains itself, with exactly the arguments Excel passed.
  const trace = calls().get("Blad1!A2000")!.explain()!;
  expect(trace.steps.at(-1)!.value).toBe(String(NL_FUNCTIONS.KIA(2025, range)));
});

test("a whole column is kept up to its last value, and explained with its shape", () => {
  // Whole columns as Excel passes them: empty cells as null on the web, as 0 on older desktops.
  const column: (number | null)[][] = Array.from({ length: 1048576 }, () => [null]);
  column[3][0] = 10000;
  const notInUse: (boolean | null)[][] = Array.from({ length: 1048576 }, () => [null]);
  notInUse[3][0] = true;
  const paid: (number | null)[][] = Array.from({ length: 1048576 }, () => [null]);
  NL_FUNCTIONS.KIADITJAAR(2025, column, notInUse, paid, null, { address: "Blad2!C1" });
  const before = calls().keptCells;
  expect(before).toBeLessThanOrEqual(MAX_CELLS);
  expect(calls().get("Blad2!C1")!.explain()!.rule).toBe("kiaNietInGebruik");
});
