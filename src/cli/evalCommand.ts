/** What `nl-aftrek eval` computes with, loaded only by that command (main.ts). */
import { deepStackAvailable, inDeepStack, NeedsDeepStack } from "../engine/threads/deepStack";
import { evaluateFormula, FormulaInputError } from "../engine/evalFormula";

export { FormulaInputError, formatValue, hasError } from "../engine/evalFormula";

/** A formula's value; one deeper than this thread's stack walks is evaluated on a thread with a larger one. */
export async function evaluateAnyDepth(text: string): Promise<ReturnType<typeof evaluateFormula>> {
  try {
    return evaluateFormula(text);
  } catch (error) {
    if (!(error instanceof NeedsDeepStack)) throw error;
    if (!deepStackAvailable())
      throw new FormulaInputError("De formule is te diep genest om hier te rekenen (meer dan 500 niveaus).");
    const value = await inDeepStack(
      { kind: "eval", text },
      { FormulaInputError: (message) => new FormulaInputError(message) },
    );
    return value as ReturnType<typeof evaluateFormula>;
  }
}
