/**
 * Every message HyperFormula can give is shown in Dutch (Dutch in everything a user sees): the
 * test walks HyperFormula's own list, so an upgrade that adds a message fails here first.
 */
import { dirname, join } from "path";
import { dutchEngineMessage } from "../../../src/engine/hyperformula/messages";
import { evaluateFormula, formatValue } from "../../../src/engine/evalFormula";

// The list is not among the package's exports: read it from the file beside its entry point.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ErrorMessage } = require(join(dirname(require.resolve("hyperformula")), "error-message.js"));

test("each of HyperFormula's messages has its Dutch text", () => {
  const messages = Object.entries(ErrorMessage as Record<string, string | ((arg: string) => string)>);
  expect(messages.length).toBeGreaterThan(60);
  for (const [key, message] of messages) {
    if (key.startsWith("License")) continue; // never shown: the GPL key is set
    const text = typeof message === "function" ? message("X") : message;
    expect([key, dutchEngineMessage(text)]).not.toEqual([key, expect.stringMatching(/^Melding van HyperFormula/)]);
  }
});

test("eval shows them beside the error code", () => {
  expect(formatValue(evaluateFormula("=MATCH(5,{1,2},0)"))).toBe("#N/A De waarde is niet gevonden.");
  expect(formatValue(evaluateFormula('=ROUND("x",1)'))).toBe("#VALUE! De waarde is geen getal.");
  expect(dutchEngineMessage("Function name FOO not recognized.")).toBe("De functie FOO is onbekend.");
  expect(dutchEngineMessage("Something new.")).toBe("Melding van HyperFormula: Something new.");
});
