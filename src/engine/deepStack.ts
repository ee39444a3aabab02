/**
 * A thread with a large stack, for the rare formula deeper than Node's default stack walks. Every
 * walker of a formula tree recurses (the evaluators, the printers, HyperFormula's evaluator), and
 * a legal formula can be thousands of levels deep: a chain of 4.000 additions fits in Excel's
 * 8.192 characters. Such a workbook (or `eval` of such a formula) is read again and computed on a
 * worker thread started with DEEP_STACK_MB of stack, with the same code; nothing has been written
 * when it moves there.
 */
import { existsSync } from "fs";
import { join } from "path";
import { resourceLimits, Worker } from "worker_threads";
import { WorkbookError } from "../workbook/errors";
import { DEEP_STACK_MB } from "../workbook/formula/limits";

/** Thrown on a thread with the default stack, before anything is written, by work that needs a deeper one. */
export class NeedsDeepStack extends Error {
  constructor() {
    super("een formule is dieper dan deze thread kan doorlopen");
    this.name = "NeedsDeepStack";
  }
}

export type DeepJob =
  | {
      readonly kind: "recalc";
      readonly input: string;
      readonly output: string;
      readonly writing?: Int32Array;
      /** The reader's memory limit of the thread that hands the work over (memoryGuard.ts). */
      readonly memoryLimit?: number;
    }
  | { readonly kind: "eval"; readonly text: string };

/** What the worker answers: the result, or the error as plain data (classes do not cross threads). */
export type DeepAnswer =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly name: string; readonly message: string; readonly code?: string };

/**
 * The compiled worker: beside this file in lib/, or, when this runs from the TypeScript sources
 * (the tests), the compiled twin that `npm test` builds first.
 */
function workerFile(): string | null {
  for (const file of [join(__dirname, "deepWorker.js"), join(__dirname, "../../lib/engine/deepWorker.js")])
    if (existsSync(file)) return file;
  return null;
}

/** Whether a thread with a large stack can be started here. */
export function deepStackAvailable(): boolean {
  return workerFile() !== null;
}

/** Errors the worker's answer carries, made again as the classes the callers tell apart. */
const ERRORS: Readonly<Record<string, (message: string) => Error>> = {
  WorkbookError: (message) => new WorkbookError(message),
};

/**
 * This thread's heap limits, for the deep-stack thread that does its work: a file worker's memory
 * budget (src/cli/memoryBudget.ts) holds for the thread it hands a deep workbook to.
 */
function heapLimits(): { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number } {
  const { maxOldGenerationSizeMb: old, maxYoungGenerationSizeMb: young } = resourceLimits;
  if (!old || old <= 0) return {};
  return { maxOldGenerationSizeMb: old, ...(young && young > 0 ? { maxYoungGenerationSizeMb: young } : {}) };
}

/**
 * Runs a job on a thread with a large stack: its result, or its error (a WorkbookError stays one;
 * another keeps its message and code). `errors` adds classes of the caller's to make again by name.
 */
export async function inDeepStack(
  job: DeepJob,
  errors: Readonly<Record<string, (message: string) => Error>> = {},
): Promise<unknown> {
  const file = workerFile();
  if (!file) throw new Error("no compiled deep-stack worker");
  const worker = new Worker(file, { resourceLimits: { ...heapLimits(), stackSizeMb: DEEP_STACK_MB } });
  try {
    const answer = await new Promise<DeepAnswer>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the deep-stack worker stopped (${code})`)));
      worker.postMessage(job);
    });
    if (answer.ok) return answer.value;
    const make = errors[answer.name] ?? ERRORS[answer.name];
    if (make) throw make(answer.message);
    throw Object.assign(new Error(answer.message), answer.code ? { code: answer.code } : {});
  } finally {
    await worker.terminate();
  }
}
