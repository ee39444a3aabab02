/**
 * Excel errors for the custom functions. Inside Excel they are `CustomFunctions.Error` objects
 * (only #VALUE! and #N/A show a message); elsewhere (headless engine, tests) an `NlFunctionError`
 * with the same code and message.
 */
import { InvalidInputError, NotCoveredError } from "../rules/errors";
import { captureTrace, Trace, untraced } from "../rules/trace";

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

interface CustomFunctionsApi {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

function customFunctionsApi(): CustomFunctionsApi | undefined {
  const api = (globalThis as unknown as { CustomFunctions?: CustomFunctionsApi }).CustomFunctions;
  return api && typeof api.Error === "function" ? api : undefined;
}

export function excelError(code: ExcelErrorCode, message: string): Error {
  const api = customFunctionsApi();
  if (api) return new api.Error(code === "#VALUE!" ? api.ErrorCode.invalidValue : api.ErrorCode.notAvailable, message);
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
  if (api && error instanceof api.Error) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return excelError("#VALUE!", `NL.${functionName}: onverwachte fout (${detail}).`);
}

/** What the task pane can ask about a cell: which function it holds and how it was computed. */
export interface RecordedCall {
  readonly functionName: string;
  /** Re-runs the call with tracing on: the trace of the last value this cell showed. */
  explain(): Trace | null;
}

/**
 * The last call per cell address, shared with the task pane through the global scope of the
 * shared runtime (the pane reads it by the same symbol and never imports this layer).
 */
export const CALLS_KEY = Symbol.for("nl-aftrek.calls");

function callLog(): Map<string, RecordedCall> {
  const g = globalThis as unknown as Record<symbol, Map<string, RecordedCall> | undefined>;
  return (g[CALLS_KEY] ??= new Map());
}

/**
 * Runs a function body without collecting traces, remembers the call for "explain this cell" when
 * Excel says which cell it is, and turns every failure into an Excel error.
 */
export function guard<T>(functionName: string, invocation: { address?: string } | undefined, body: () => T): T {
  if (invocation?.address) callLog().set(invocation.address, { functionName, explain: () => captureTrace(body) });
  try {
    return untraced(body);
  } catch (error) {
    throw toExcelError(functionName, error);
  }
}
