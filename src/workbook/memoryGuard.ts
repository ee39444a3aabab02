/**
 * A check before the reader's big allocations (a part inflated and decoded: a few hundred MB in
 * one native call, which nothing can interrupt half-way). Without a limit there is no check; the
 * CLI's file workers set one (src/cli/memoryBudget.ts), and the deep-stack thread takes over the
 * limit of the thread that hands it work (engine/threads/deepStack.ts), so that what would take
 * the process over its memory budget is refused before it is allocated.
 */
let limit = Infinity;

/** The process's resident memory, in bytes, that reading must not take it past. */
export function setMemoryLimit(bytes: number): void {
  limit = bytes;
}

export function memoryLimit(): number {
  return limit;
}

/** Throws, with V8's code for a worker out of memory, when `bytes` more would not fit. */
export function beforeAllocating(bytes: number): void {
  if (limit !== Infinity && process.memoryUsage.rss() + bytes > limit) {
    throw Object.assign(new Error("this workbook does not fit in the memory budget"), {
      code: "ERR_WORKER_OUT_OF_MEMORY",
    });
  }
}
