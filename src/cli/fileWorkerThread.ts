/**
 * How a file worker of `nl-aftrek recalc` is started (fileWorkers.ts runs the jobs on them): under
 * the file workers' heap limits (memoryBudget.ts) and with a large stack. The first may be started
 * as the process starts (bin/nl-aftrek.js), before the command line is loaded: a worker takes some
 * 60 ms to boot, which then overlaps the main thread's loading of its modules and its checks of the
 * files (paired at 10.000 rows, both orders: 0,97–0,98× the time). This module loads little, so
 * that starting early is early.
 */
import type { RecalcProgress } from "../engine/recalcInterface";
import { Thread, workerScript } from "../engine/threads/pool";
import type { FileResult } from "./batch";
import type { FileJob } from "./fileWorkers";
import { WORKER_LIMITS } from "./memoryBudget";

export type FileThread = Thread<FileJob, FileResult, RecalcProgress>;

/**
 * The compiled file worker: its modules in one file (webpack.cli.config.js), which loads some 50 ms
 * faster, or the compiled modules when a build made no bundle; null from the TypeScript sources
 * (the files are done in the main thread).
 */
export const fileWorkerScript = (): string | null =>
  workerScript("cli/fileWorker.bundle", "none") ?? workerScript("cli/fileWorker", "none");

const start = (script: string): FileThread => new Thread(script, { heap: WORKER_LIMITS, deepStack: true });

/** The worker started ahead of its first job, until a job takes it. */
let early: FileThread | null = null;

/** Starts the first file worker now; until a job takes it, it does not keep the process alive. */
export function startFileWorkerEarly(): void {
  const script = fileWorkerScript();
  if (!script || early) return;
  early = start(script);
  early.keepsProcessAlive(false);
}

/** A file worker for a job: the one started early, when it is there and alive, else a new one. */
export function fileWorkerThread(script: string): FileThread {
  const thread = early?.alive ? early : start(script);
  early = null;
  thread.keepsProcessAlive(true);
  return thread;
}
