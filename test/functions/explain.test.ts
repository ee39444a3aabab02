/**
 * "Explain this cell": with Excel's invocation (the cell address) a function remembers how to
 * re-run itself with tracing on; the task pane asks for the trace by the cell's address.
 */
import { CALLS_KEY, RecordedCall } from "../../src/functions/excelError";
import { NL_FUNCTIONS } from "../../src/functions/registry";

const calls = (): Map<string, RecordedCall> =>
  (globalThis as unknown as Record<symbol, Map<string, RecordedCall>>)[CALLS_KEY];

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
