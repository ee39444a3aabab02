/**
 * The file workers of `nl-aftrek recalc`: each workbook is recalculated on a worker thread, so that
 * the main thread can stop it when the process nears its memory budget (memoryBudget.ts). A worker
 * starts with a large stack, so that a workbook with a formula deeper than the default stack walks
 * is computed where it is, without a second thread (engine/threads/deepStack.ts).
 */
import { availableParallelism } from "os";
import { ThreadStopped } from "../engine/threads/pool";
import type { RecalcOptions } from "../engine/recalcInterface";
import { removeOwnTemporaries } from "../workbook/files";
import { failure, FileResult, Job, recalcOne } from "./batch";
import { FileThread, fileWorkerScript, fileWorkerThread } from "./fileWorkerThread";
import { memoryBudgetMb, outOfMemory, watchMemory } from "./memoryBudget";

/** What a file worker is sent: the job, the threads its NL calls may use, and whether to tell progress. */
export interface FileJob extends Job {
  readonly threads: number;
  readonly progress: boolean;
  /** Set to 1 by the worker once its result is built and being written (see recalcFile.ts). */
  readonly writing: Int32Array;
}

/** The result of a job that outgrew its share of the memory budget (tried again alone). */
const OVER_BUDGET = Symbol("over budget");

/** The threads `recalc` uses unless told otherwise: one per core. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Runs the jobs on file workers, up to `threads` at once, each under a hard heap limit so that the
 * whole process stays under the memory budget (memoryBudget.ts). A file that outgrows its share
 * while others run beside it is done again alone, with the whole budget; one that outgrows that is
 * a Dutch message naming it, with nothing written, and the others go on. One file alone may spread
 * its NL calls over `threads` and tells its progress; files side by side use one thread each and
 * their line when done is their progress. Without a compiled worker (the TypeScript sources) the
 * files are done in this thread, unbounded.
 */
export async function runJobs(
  jobs: readonly Job[],
  threads: number,
  done: (result: FileResult, index: number) => void,
  progress?: (job: Job) => RecalcOptions["progress"],
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  const script = fileWorkerScript();
  if (!script) {
    for (let i = 0; i < jobs.length; i++) {
      results[i] = await recalcOne(jobs[i].input, jobs[i].output, { threads, progress: progress?.(jobs[i]) });
      done(results[i], i);
    }
    return results;
  }
  const budget = memoryBudgetMb();
  const running = new Set<FileWorker>();
  const stopWatch = watchMemory(() => {
    // The biggest share of memory outside the heaps is the newest file's bytes: every worker not
    // writing is stopped, and its file tried again alone (or named as too big when it was alone).
    for (const worker of running) worker.stop();
  }, budget);
  try {
    const runOn = async (indexes: number[], count: number, alone: boolean, retry: number[]) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(count, indexes.length) }, async () => {
          let worker: FileWorker | null = null;
          try {
            while (next < indexes.length) {
              const i = indexes[next++];
              worker ??= new FileWorker(script);
              running.add(worker);
              const job = jobs[i];
              const answer = await worker.run(job, alone ? threads : 1, alone ? progress?.(job) : undefined);
              running.delete(worker);
              if (!worker.alive) worker = null;
              const result = answer === OVER_BUDGET ? failure(job.input, outOfMemory()) : answer;
              if (!result.ok && result.overBudget) {
                await removeOwnTemporaries(job.output);
                if (!alone) {
                  retry.push(i);
                  continue;
                }
              }
              results[i] = result;
              done(results[i], i);
            }
          } finally {
            if (worker) {
              running.delete(worker);
              await worker.close();
            }
          }
        }),
      );
    };
    const count = Math.max(1, Math.min(threads, jobs.length));
    const retry: number[] = [];
    await runOn(
      jobs.map((_, i) => i),
      count,
      count === 1,
      retry,
    );
    await runOn(retry, 1, true, []);
  } finally {
    stopWatch();
  }
  return results;
}

/** One file worker (fileWorkerThread.ts), that recalculates one job at a time. */
class FileWorker {
  private readonly thread: FileThread;
  private readonly writing = new Int32Array(new SharedArrayBuffer(4));

  constructor(script: string) {
    this.thread = fileWorkerThread(script);
  }

  get alive(): boolean {
    return this.thread.alive;
  }

  /** Stops the worker for memory, unless it is writing a result (that finishes, whole). */
  stop(): void {
    if (Atomics.load(this.writing, 0) !== 1) this.thread.stop();
  }

  /**
   * The job's result, or OVER_BUDGET when the worker ran out of memory or was stopped for it. A
   * worker that dies otherwise fails this file only; the next gets a new worker.
   */
  run(job: Job, threads: number, progress?: RecalcOptions["progress"]): Promise<FileResult | typeof OVER_BUDGET> {
    Atomics.store(this.writing, 0, 0);
    const message: FileJob = {
      input: job.input,
      output: job.output,
      threads,
      progress: !!progress,
      writing: this.writing,
    };
    return this.thread.run(message, progress).catch((error: Error) => {
      const code = (error as NodeJS.ErrnoException).code;
      return error instanceof ThreadStopped || code === "ERR_WORKER_OUT_OF_MEMORY"
        ? OVER_BUDGET
        : failure(job.input, error);
    });
  }

  async close(): Promise<void> {
    if (this.thread.alive) await this.thread.close();
  }
}
