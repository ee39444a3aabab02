/**
 * A file worker of `nl-aftrek recalc` (fileWorkers.ts): recalculates the files the main thread
 * sends it, under the memory budget (memoryBudget.ts): its reader refuses a part that would not
 * fit. Started with a large stack, it reads formulas of any depth. It tells its progress when
 * asked, and marks `writing` once its result is built and being written.
 */
import type { RecalcProgress } from "../engine/recalcInterface";
import { serve } from "../engine/threads/pool";
import { allowDeepFormulas } from "../workbook/formula/limits";
import { setMemoryLimit } from "../workbook/memoryGuard";
import { recalcOne } from "./batch";
import type { FileJob } from "./fileWorkers";
import { readerLimitBytes } from "./memoryBudget";

allowDeepFormulas();
setMemoryLimit(readerLimitBytes());

serve((job: FileJob, note: (progress: RecalcProgress) => void) =>
  recalcOne(job.input, job.output, {
    threads: job.threads,
    progress: job.progress ? note : undefined,
    writing: job.writing,
  }),
);
