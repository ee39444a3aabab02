/**
 * "Uitleg cel" explains what the cell holds now: a cell whose NL formula was replaced is not
 * explained by its old call, and an NL error is shown as its NL message.
 */
import { NL_FUNCTIONS } from "../../src/functions/registry";
import { CallLog, CALLS_KEY } from "../../src/functions/callLog";
import { explainCell } from "../../src/taskpane/explainView";
import { nlFunctionsIn } from "../../src/taskpane/excel";
import { STRINGS } from "../../src/taskpane/i18n";

const t = STRINGS.nl;
const log = () => (globalThis as unknown as Record<symbol, CallLog>)[CALLS_KEY];

test("the NL functions of a formula, outside its strings", () => {
  expect(nlFunctionsIn("=NL.KIA(2025,B2:B9)+nl.mkbvrij(2025,1)")).toEqual(["KIA", "MKBVRIJ"]);
  expect(nlFunctionsIn('="NL.KIA(" & A1')).toEqual([]);
  expect(nlFunctionsIn("42")).toEqual([]);
  expect(nlFunctionsIn("=_xldudf_NL_KIA(2025,10000)")).toEqual(["KIA"]);
});

test("a cell changed from =NL.KIA(2025;10000) to 42 is not explained by the old call", () => {
  NL_FUNCTIONS.KIA(2025, [[10000]], null, { address: "Blad1!B2" });
  const call = log().get("Blad1!B2");
  expect(explainCell({ address: "Blad1!B2", formula: "=NL.KIA(2025,10000)" }, call, t).kind).toBe("trace");
  expect(explainCell({ address: "Blad1!B2", formula: "42" }, call, t)).toEqual({
    kind: "message",
    address: "Blad1!B2",
    text: "Cel Blad1!B2 bevat geen NL-formule.",
  });
  // Another NL function now: the log has not seen it computed yet.
  expect(explainCell({ address: "Blad1!B2", formula: "=NL.MKBVRIJ(2025,40000)" }, call, t).kind).toBe("message");
});

test("an NL formula that returns an error is shown with its NL message", () => {
  expect(() => NL_FUNCTIONS.KIA(2027, [[10000]], null, { address: "Blad1!C3" })).toThrow();
  const x = explainCell({ address: "Blad1!C3", formula: "=NL.KIA(2027,10000)" }, log().get("Blad1!C3"), t);
  expect(x).toMatchObject({ kind: "nlError", code: "#N/A" });
  expect(x.kind === "nlError" && x.message).toMatch(
    /Kleinschaligheidsinvesteringsaftrek: geen gegevens voor jaar 2027/,
  );
});
