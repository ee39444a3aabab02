/**
 * The memory of `nl-aftrek recalc`: the whole process (this thread, the file workers, their NL
 * threads and the Buffers outside any heap) stays under the budget of 1 GB, whatever the
 * workbook. The main thread does no workbook work itself (fileWorkers.ts): it watches the
 * process's resident memory while file workers run, and stops a worker (V8 ends it at once, its
 * memory is given back) when the whole comes within a margin of the budget. A worker that is
 * writing its result is never stopped (see `writing` in recalcFile.ts): from then on it allocates
 * nothing big, and its output is complete or not there.
 *
 * Each worker also has a heap limit, a hard ceiling should the watch ever be late. It is not the
 * guard of the budget: a heap limit under 2 GB makes V8 collect garbage more often (it grows the
 * heap by a smaller factor), and that cost 7% of the time of a 100.000-row workbook (6 pairs,
 * Node 20); at 2 GB it costs nothing measurable.
 */
import type { ResourceLimits } from "worker_threads";

/** The promise to the user: one `recalc` process stays under 1 GB. */
export const MEMORY_BUDGET_MB = 1024;

/**
 * The budget in force: 1 GB, or a smaller one from NL_AFTREK_GEHEUGEN_MB (for tests, which make a
 * workbook too big for a small budget faster than one too big for 1 GB); never a larger one.
 */
export function memoryBudgetMb(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.NL_AFTREK_GEHEUGEN_MB);
  return Number.isInteger(asked) && asked >= 128 && asked < MEMORY_BUDGET_MB ? asked : MEMORY_BUDGET_MB;
}

/** The budget as the user reads it: "1 GB", or a test's smaller one in MB. */
export function budgetText(budget = memoryBudgetMb()): string {
  return budget === MEMORY_BUDGET_MB ? "1 GB" : `${budget} MB`;
}

/** The heap limits of a file worker: see above. */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048 };

/** The error of a file worker stopped for memory, by the watch or by its heap limit. */
export function outOfMemory(): Error {
  return Object.assign(new Error("the worker ran out of its memory budget"), { code: "ERR_WORKER_OUT_OF_MEMORY" });
}

/**
 * Room under the budget for what memory can grow between two looks (copying at several GB/s
 * touches some 50 MB of new pages in 10 ms), and how often the watch looks.
 */
const WATCH_MARGIN_MB = 96;
const WATCH_EVERY_MS = 10;

/**
 * What the reader of a file worker may take the process to (inflating a part is one native call
 * the watch cannot stop half-way, so it is checked before): the watch's own line.
 */
export function readerLimitBytes(budget = memoryBudgetMb()): number {
  return (budget - WATCH_MARGIN_MB) * 1024 * 1024;
}

/**
 * Watches the process's resident memory while file workers run: `over` is called, at each look,
 * while it is within the margin of the budget. Stop the watch with the function it returns.
 */
export function watchMemory(over: () => void, budget = memoryBudgetMb()): () => void {
  const limit = readerLimitBytes(budget);
  const timer = setInterval(() => {
    if (process.memoryUsage.rss() >= limit) over();
  }, WATCH_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
