/**
 * A thread with a large stack, for the rare formula deeper than Node's default stack walks. Every
 * walker of a formula tree recurses (the evaluators, the printers, HyperFormula's evaluator), and
 * a legal formula can be thousands of levels deep: a chain of 4.000 additions fits in Excel's
 * 8.192 characters. Such a workbook (or `eval` of such a formula) is read again and computed on a
 * worker thread started with DEEP_STACK_MB of stack, with the same code; nothing has been written
 * when it moves there. Recalc's file workers start with that stack already (src/cli/fileWorkers.ts),
 * so this thread is for work begun on a thread with the default stack: `eval`, `recalcFile` called
 * as a library, and the command line run from the TypeScript sources.
 */
import { resourceLimits } from "worker_threads";
import { ErrorClasses, Thread, ThreadOptions, workerScript } from "./pool";

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

/** The compiled worker, from the TypeScript sources too (no other thread can stand in for it). */
const script = () => workerScript("engine/threads/deepWorker", "lib");

/** Whether a thread with a large stack can be started here. */
export function deepStackAvailable(): boolean {
  return script() !== null;
}

/**
 * This thread's heap limits, for the deep-stack thread that does its work: the memory budget of a
 * thread with limits (src/cli/memoryBudget.ts) holds for the thread it hands a deep workbook to.
 */
function heapLimits(): ThreadOptions["heap"] {
  const { maxOldGenerationSizeMb: old, maxYoungGenerationSizeMb: young } = resourceLimits;
  if (!old || old <= 0) return {};
  return { maxOldGenerationSizeMb: old, ...(young && young > 0 ? { maxYoungGenerationSizeMb: young } : {}) };
}

/**
 * Runs a job on a thread with a large stack: its result, or its error (a WorkbookError stays one;
 * another keeps its message and code). `errors` adds classes of the caller's to make again by name.
 */
export async function inDeepStack(job: DeepJob, errors: ErrorClasses = {}): Promise<unknown> {
  const file = script();
  if (!file) throw new Error("no compiled deep-stack worker");
  const thread = new Thread<DeepJob, unknown>(file, { heap: heapLimits(), deepStack: true, errors });
  try {
    return await thread.run(job);
  } finally {
    await thread.close();
  }
}
