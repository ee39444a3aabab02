/**
 * Excel errors for the custom functions. Inside Excel they are `CustomFunctions.Error` objects
 * (only #VALUE! and #N/A show a message); elsewhere (headless engine, tests) an `NlFunctionError`
 * with the same code and message.
 */
import { InvalidInputError, NotCoveredError } from "../rules/errors";
import { untraced } from "../rules/trace";
import { callLog } from "./callLog";

export type ExcelErrorCode = "#VALUE!" | "#N/A";

export class NlFunctionError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "NlFunctionError";
  }
}

/** Excel's custom-functions API (CustomFunctions.Error: CustomFunctionsRuntime 1.2), where the host has it. */
function customFunctionsApi(): typeof CustomFunctions | undefined {
  const api = (globalThis as unknown as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  return api && typeof api.Error === "function" ? api : undefined;
}

export function excelError(code: ExcelErrorCode, message: string): Error {
  const api = customFunctionsApi();
  // A CustomFunctions.Error is what Excel shows (thrown, it is an Error in every host).
  if (api) {
    const errorCode = code === "#VALUE!" ? api.ErrorCode.invalidValue : api.ErrorCode.notAvailable;
    return new api.Error(errorCode, message) as unknown as Error;
  }
  return new NlFunctionError(code, message);
}

export function invalidValue(message: string): Error {
  return excelError("#VALUE!", message);
}

/** Maps anything a function body throws to an Excel error, so nothing else ever reaches Excel. */
export function toExcelError(functionName: string, error: unknown): Error {
  if (error instanceof NlFunctionError) return error;
  if (error instanceof InvalidInputError) return excelError("#VALUE!", error.message);
  if (error instanceof NotCoveredError) return excelError("#N/A", error.message);
  const api = customFunctionsApi();
  if (api && error instanceof api.Error) return error as unknown as Error;
  const detail = error instanceof Error ? error.message : String(error);
  return excelError("#VALUE!", `NL.${functionName}: onverwachte fout (${detail}).`);
}

/**
 * Runs a function body without collecting traces, remembers the call (a compact copy of its
 * arguments, in a bounded log) for "explain this cell" when Excel says which cell it is, and turns
 * every failure into an Excel error. `run` is the public function itself: the pane re-runs it.
 */
export function guard<T>(
  functionName: string,
  invocation: { address?: string } | undefined,
  args: ArrayLike<unknown>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run: (...args: any[]) => unknown,
  body: () => T,
): T {
  if (invocation?.address) callLog().record(invocation.address, functionName, args, run);
  try {
    return untraced(body);
  } catch (error) {
    throw toExcelError(functionName, error);
  }
}
