/**
 * NL calls spread over the machine's cores. The rules are pure: a call's result depends on its
 * arguments only, so a batch of calls can be split between this thread and worker threads and
 * put back in order. Used for big workbooks (thousands of NL formulas); small ones never start a
 * worker. Where no compiled worker exists (the TypeScript sources run directly), everything is
 * computed in this thread, with the same results.
 */
import { existsSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import { callNl, NlArgument, NlResult } from "./nlCall";

export interface NlCall {
  readonly id: string;
  readonly args: readonly NlArgument[];
}

/** Below this many calls in a batch, spreading them costs more than it saves. */
export const POOL_THRESHOLD = 2000;

function workerFile(): string | null {
  const file = join(__dirname, "nlWorker.js");
  return existsSync(file) ? file : null;
}

export class NlPool {
  private readonly workers: Worker[];
  private failed: Error | null = null;

  private constructor(file: string, count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(file);
      worker.on("error", (error) => (this.failed = error));
      return worker;
    });
  }

  /** A pool with `threads - 1` workers beside this thread; null when there is nothing to spread over. */
  static start(threads: number): NlPool | null {
    const file = workerFile();
    if (!file || threads < 2) return null;
    return new NlPool(file, threads - 1);
  }

  /** The results of the calls, in order: this thread computes one share, each worker another. */
  async run(calls: readonly NlCall[]): Promise<NlResult[]> {
    const shares = this.workers.length + 1;
    const size = Math.ceil(calls.length / shares);
    const pending = this.workers.map((worker, i) => {
      const part = calls.slice((i + 1) * size, (i + 2) * size).map((c) => [c.id, c.args]);
      return new Promise<NlResult[]>((resolve, reject) => {
        const onExit = (code: number) => reject(this.failed ?? new Error(`NL-rekenthread gestopt (${code})`));
        worker.once("exit", onExit);
        worker.once("message", (results: NlResult[]) => {
          worker.off("exit", onExit);
          resolve(results);
        });
        worker.postMessage(part);
      });
    });
    const own = calls.slice(0, size).map((c) => callNl(c.id, c.args));
    const rest = await Promise.all(pending);
    return own.concat(...rest);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
