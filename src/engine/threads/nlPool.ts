/**
 * NL calls spread over the machine's cores. The rules are pure: a call's result depends on its
 * arguments only, so calls can be made on worker threads while this thread goes on evaluating
 * arguments, and the results put where they belong. Used for big workbooks (POOL_THRESHOLD NL
 * formulas or more); small ones never start a worker. Where no compiled worker exists (the TypeScript
 * sources run directly), everything is computed in this thread, with the same results.
 */
import { callNl, NlArgument, NlResult } from "../evaluate/nlCall";
import { Thread, workerScript } from "./pool";

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

/** What an NL thread is sent: calls as [function, arguments]; it answers their results in order. */
export type NlChunk = readonly (readonly [string, readonly NlArgument[]])[];

type NlThread = Thread<NlChunk, NlResult[]>;

export class NlPool {
  private constructor(private readonly threads: readonly NlThread[]) {}

  /** A pool with `threads - 1` workers beside this thread; null when there is nothing to spread over. */
  static start(threads: number): NlPool | null {
    const script = workerScript("engine/threads/nlWorker", "none");
    if (!script || threads < 2) return null;
    return new NlPool(Array.from({ length: threads - 1 }, () => new Thread<NlChunk, NlResult[]>(script)));
  }

  /** A batch of calls whose results go to `put` (all of them once `finish` has resolved). */
  batch(put: (caller: number, result: NlResult) => void): NlBatch {
    return new NlBatch(this, put);
  }

  /**
   * The least busy worker that is ready, or null when each is still loading or has a backlog (then
   * this thread computes: it never waits for a worker that is starting).
   */
  idleWorker(): NlThread | null {
    let best: NlThread | null = null;
    for (const t of this.threads) {
      if (t.alive && t.ready && t.backlog < BUSY && (!best || t.backlog < best.backlog)) best = t;
    }
    return best;
  }

  /**
   * The results of `calls` made on `thread`; none when it stopped (out of memory, say) before it
   * answered: the caller makes them itself.
   */
  send(thread: NlThread, calls: readonly NlCall[]): Promise<NlResult[]> {
    return thread.run(calls.map((c) => [c.id, c.args] as const)).catch(() => []);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
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
