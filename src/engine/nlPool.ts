/**
 * NL calls spread over the machine's cores. The rules are pure: a call's result depends on its
 * arguments only, so calls can be made on worker threads while this thread goes on evaluating
 * arguments, and the results put where they belong. Used for big workbooks (POOL_THRESHOLD NL
 * formulas or more); small ones never start a worker. Where no compiled worker exists (the TypeScript
 * sources run directly), everything is computed in this thread, with the same results.
 */
import { existsSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import { callNl, NlArgument, NlResult } from "./evaluate/nlCall";

export interface NlCall {
  readonly id: string;
  readonly args: readonly NlArgument[];
}

/** Below this many NL formulas in a workbook, a worker costs more than it saves (measured: break-even near 90.000). */
export const POOL_THRESHOLD = 50000;

/** Calls sent to a worker at a time. */
const CHUNK = 1024;

/** A worker's backlog from which this thread makes the calls itself. */
const BUSY = 2;

/**
 * Fewer calls than this are made here: sending them and getting the results back takes longer than
 * making them (a chain of formulas, each reading the one above, is a wave of one call each).
 */
const MIN_SEND = 64;

function workerFile(): string | null {
  const file = join(__dirname, "nlWorker.js");
  return existsSync(file) ? file : null;
}

interface PoolWorker {
  readonly worker: Worker;
  /** Chunks sent; shared with the worker: [chunks done, 1 once it has loaded the rules]. */
  sent: number;
  readonly done: Int32Array;
  readonly waiting: Map<number, (results: NlResult[]) => void>;
  /** False once the worker has stopped: nothing more is sent to it. */
  alive: boolean;
}

export class NlPool {
  private readonly workers: PoolWorker[];
  private next = 0;

  private constructor(file: string, count: number) {
    this.workers = Array.from({ length: count }, () => {
      const done = new Int32Array(new SharedArrayBuffer(8));
      const worker = new Worker(file, { workerData: { done } });
      const entry: PoolWorker = { worker, sent: 0, done, waiting: new Map(), alive: true };
      worker.on("message", ({ seq, results }: { seq: number; results: NlResult[] }) => {
        entry.waiting.get(seq)?.(results);
        entry.waiting.delete(seq);
      });
      // A worker that stops (out of memory, say) gets nothing more; what it had comes back empty
      // and is computed in this thread instead.
      const stopped = () => {
        entry.alive = false;
        for (const resolve of entry.waiting.values()) resolve([]);
        entry.waiting.clear();
      };
      worker.on("error", stopped);
      worker.on("exit", stopped);
      return entry;
    });
  }

  /** A pool with `threads - 1` workers beside this thread; null when there is nothing to spread over. */
  static start(threads: number): NlPool | null {
    const file = workerFile();
    if (!file || threads < 2) return null;
    return new NlPool(file, threads - 1);
  }

  /** A batch of calls whose results go to `put` (all of them once `finish` has resolved). */
  batch(put: (caller: number, result: NlResult) => void): NlBatch {
    return new NlBatch(this, put);
  }

  /**
   * The least busy worker that is ready, or null when each is still loading or has a backlog (then
   * this thread computes: it never waits for a worker that is starting).
   */
  idleWorker(): PoolWorker | null {
    let best: PoolWorker | null = null;
    for (const w of this.workers) {
      if (!w.alive || Atomics.load(w.done, 1) === 0) continue;
      const backlog = w.sent - Atomics.load(w.done, 0);
      if (backlog < BUSY && (!best || backlog < best.sent - Atomics.load(best.done, 0))) best = w;
    }
    return best;
  }

  send(w: PoolWorker, calls: readonly NlCall[]): Promise<NlResult[]> {
    const seq = this.next++;
    w.sent++;
    return new Promise((resolve) => {
      w.waiting.set(seq, resolve);
      w.worker.postMessage({ seq, calls: calls.map((c) => [c.id, c.args]) });
    });
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.alive = false;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** Calls collected as the arguments are evaluated, made in chunks on whichever thread is free. */
export class NlBatch {
  private callers: number[] = [];
  private calls: NlCall[] = [];
  private readonly pending: Promise<void>[] = [];

  constructor(
    private readonly pool: NlPool,
    private readonly put: (caller: number, result: NlResult) => void,
  ) {}

  add(caller: number, call: NlCall): void {
    this.callers.push(caller);
    this.calls.push(call);
    if (this.calls.length === CHUNK) this.flush();
  }

  async finish(): Promise<void> {
    if (this.calls.length) this.flush();
    await Promise.all(this.pending);
  }

  private flush(): void {
    const { callers, calls } = this;
    this.callers = [];
    this.calls = [];
    const worker = calls.length >= MIN_SEND ? this.pool.idleWorker() : null;
    if (!worker) {
      for (let i = 0; i < calls.length; i++) this.put(callers[i], callNl(calls[i].id, calls[i].args));
      return;
    }
    this.pending.push(
      this.pool.send(worker, calls).then((results) => {
        const made = results.length === calls.length;
        for (let i = 0; i < calls.length; i++)
          this.put(callers[i], made ? results[i] : callNl(calls[i].id, calls[i].args));
      }),
    );
  }
}
