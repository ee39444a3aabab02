/**
 * A file worker of `nl-aftrek recalc`: recalculates the files the main thread sends it, under the
 * memory budget (memoryBudget.ts): its reader refuses a part that would not fit. It tells its progress when asked, and marks
 * `writing` once its result is built and being written.
 */
import { parentPort } from "worker_threads";
import type { RecalcProgress } from "../engine/recalcInterface";
import { setMemoryLimit } from "../workbook/memoryGuard";
import { FileJob, recalcOne } from "./batch";
import { readerLimitBytes } from "./memoryBudget";

setMemoryLimit(readerLimitBytes());

parentPort?.on("message", async (job: FileJob) => {
  const progress = job.progress ? (p: RecalcProgress) => parentPort!.postMessage({ progress: p }) : undefined;
  const result = await recalcOne(job.input, job.output, { threads: job.threads, progress, writing: job.writing });
  parentPort!.postMessage({ result });
});
