/**
 * Worker threads, started and spoken to one way. A thread runs a compiled script that serves jobs
 * (`serve`); the caller sends it jobs (`Thread.run`) and gets each job's answer, or its error as
 * data made again into the class the caller tells apart (a class does not cross threads). Notes on
 * the way (progress) come with the job they belong to. NL Aftrek starts three kinds of thread:
 * recalc's file workers (src/cli/fileWorkers.ts: one workbook each, stoppable for memory, with a
 * large stack), the NL threads of a big workbook (nlPool.ts) and a thread with a large stack for
 * deep formulas met on a thread without one (deepStack.ts).
 */
import { existsSync } from "fs";
import { basename, dirname, join } from "path";
import { parentPort, ResourceLimits, Worker, workerData } from "worker_threads";
import { WorkbookError } from "../../workbook/errors";
import { DEEP_STACK_MB } from "../../workbook/formula/limits";

/** Whether this code runs compiled (from lib/), or from the TypeScript sources (the tests). */
const COMPILED = __filename.endsWith(".js");

/**
 * The compiled program's root: this build's when it runs compiled (the nearest folder named lib
 * above this code, which is lib/engine/threads, or lib/cli in the file worker's bundle), else the
 * lib/ beside src/.
 */
const LIB = COMPILED ? enclosingLib(__dirname) : join(__dirname, "../../../lib");

/** The nearest folder named lib that holds `dir` (itself included); the root when there is none. */
export function enclosingLib(dir: string): string {
  while (basename(dir) !== "lib" && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The compiled worker script `name` (its path under lib/ without `.js`, such as
 * "engine/threads/nlWorker"), or null. A thread runs compiled JavaScript: when this code runs
 * compiled, the script of the same build. From the TypeScript sources (the tests), `fromSources`
 * "lib" takes the twin that `npm test` builds first (the deep-stack thread, which no thread with the
 * default stack can stand in for); "none" gives null, and the caller does the work in its own
 * thread with the same code (the file workers and the NL threads).
 */
export function workerScript(name: string, fromSources: "lib" | "none"): string | null {
  if (!COMPILED && fromSources === "none") return null;
  const file = join(LIB, `${name}.js`);
  return existsSync(file) ? file : null;
}

/** An error as plain data, as it crosses from a worker: its class's name, message and code. */
export interface ErrorData {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** Error classes made again by name from a worker's answer. */
export type ErrorClasses = Readonly<Record<string, (message: string) => Error>>;

/** The classes every caller tells apart: a WorkbookError is the file's problem, said in Dutch. */
const ERRORS: ErrorClasses = {
  WorkbookError: (message) => new WorkbookError(message),
};

export function errorData(error: unknown): ErrorData {
  const e = error as Partial<NodeJS.ErrnoException> | null;
  return {
    name: (e?.constructor as { name?: string } | undefined)?.name ?? "Error",
    message: e?.message ?? String(error),
    ...(typeof e?.code === "string" ? { code: e.code } : {}),
  };
}

/** The error made again: as its own class when it is one of `classes` (or WorkbookError), else an Error with its message and code. */
export function remadeError(data: ErrorData, classes: ErrorClasses = {}): Error {
  const make = classes[data.name] ?? ERRORS[data.name];
  if (make) return make(data.message);
  return Object.assign(new Error(data.message), data.code ? { code: data.code } : {});
}

/** A thread's end before it answered: stopped by its caller (`Thread.stop`, `close`). */
export class ThreadStopped extends Error {
  constructor() {
    super("the thread was stopped");
    this.name = "ThreadStopped";
  }
}

export interface ThreadOptions {
  /** Heap limits (a file worker's: src/cli/memoryBudget.ts); none: V8's defaults. */
  readonly heap?: Pick<ResourceLimits, "maxOldGenerationSizeMb" | "maxYoungGenerationSizeMb">;
  /** Start with DEEP_STACK_MB of stack, to walk formulas of any depth (see allowDeepFormulas). */
  readonly deepStack?: boolean;
  /** Error classes of the caller's to make again by name, besides WorkbookError. */
  readonly errors?: ErrorClasses;
}

/** What a thread is sent, and what it answers: notes on the way, then the answer or the error. */
interface Request {
  readonly id: number;
  readonly job: unknown;
}
type Reply =
  | { readonly id: number; readonly note: unknown }
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: ErrorData };

interface Waiting<Answer, Note> {
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: Error) => void;
  readonly note?: (note: Note) => void;
}

/** What a worker shares with its Thread: [1 once it serves, jobs answered]. */
interface Shared {
  readonly state: Int32Array;
}

/**
 * One worker thread running `script`. Jobs can be sent before it has started (they wait for it);
 * each is answered in turn. A thread that dies (its heap full, an error outside any job, stopped)
 * fails what it had with why: ThreadStopped, or the worker's error (V8's code
 * ERR_WORKER_OUT_OF_MEMORY for a full heap).
 */
export class Thread<Job, Answer, Note = never> {
  private readonly worker: Worker;
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  private readonly waiting = new Map<number, Waiting<Answer, Note>>();
  private next = 0;
  private sent = 0;
  private stopped = false;
  private ended: Error | null = null;

  constructor(
    script: string,
    private readonly options: ThreadOptions = {},
  ) {
    const shared: Shared = { state: this.state };
    this.worker = new Worker(script, {
      workerData: shared,
      resourceLimits: { ...options.heap, ...(options.deepStack ? { stackSizeMb: DEEP_STACK_MB } : {}) },
    });
    this.worker.on("message", (reply: Reply) => this.receive(reply));
    this.worker.on("error", (error) => this.end(error));
    this.worker.on("exit", (code) =>
      this.end(this.stopped ? new ThreadStopped() : new Error(`the worker stopped (exit code ${code})`)),
    );
  }

  /** Whether it has loaded its script and serves (a caller that never waits for a starting thread asks). */
  get ready(): boolean {
    return Atomics.load(this.state, 0) === 1;
  }

  /** Jobs sent and not yet answered, as the worker counts them (no message needed). */
  get backlog(): number {
    return this.sent - Atomics.load(this.state, 1);
  }

  /** False once it has ended: nothing more can be sent. */
  get alive(): boolean {
    return this.ended === null;
  }

  /**
   * Whether the thread keeps the process alive, as a thread does from its start. One started ahead
   * of its first job does not: a process that ends without giving it one need not wait for it.
   */
  keepsProcessAlive(yes: boolean): void {
    if (yes) this.worker.ref();
    else this.worker.unref();
  }

  /** The answer to `job`; `note` gets what the worker tells on the way. */
  run(job: Job, note?: (note: Note) => void): Promise<Answer> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.next++;
    return new Promise<Answer>((resolve, reject) => {
      const request: Request = { id, job };
      this.worker.postMessage(request);
      this.sent++;
      this.waiting.set(id, { resolve, reject, note });
    });
  }

  /**
   * Ends the thread at once, wherever it is (V8 stops it and its memory is given back): what it
   * was doing fails with ThreadStopped.
   */
  stop(): void {
    if (this.ended || this.stopped) return;
    this.stopped = true;
    void this.worker.terminate();
  }

  /** Ends the thread and waits until it has. */
  async close(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  private receive(reply: Reply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    if ("note" in reply) {
      waiting.note?.(reply.note as Note);
      return;
    }
    this.waiting.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value as Answer);
    else waiting.reject(remadeError(reply.error, this.options.errors));
  }

  private end(why: Error): void {
    if (this.ended) return;
    this.ended = why;
    for (const waiting of this.waiting.values()) waiting.reject(why);
    this.waiting.clear();
  }
}

/**
 * In a worker script: answers each job with `handle`'s value (or its error, as data), in the
 * order they come; `note` tells the caller something on the way. Call it once the script's
 * modules are loaded: from then on the thread counts as ready.
 */
export function serve<Job, Answer, Note = never>(
  handle: (job: Job, note: (note: Note) => void) => Answer | Promise<Answer>,
): void {
  const port = parentPort;
  if (!port) throw new Error("serve() runs in a worker thread");
  const { state } = workerData as Shared;
  port.on("message", async ({ id, job }: Request) => {
    const note = (n: Note) => port.postMessage({ id, note: n } satisfies Reply);
    let reply: Reply;
    try {
      reply = { id, ok: true, value: await handle(job as Job, note) };
    } catch (error) {
      reply = { id, ok: false, error: errorData(error) };
    }
    Atomics.add(state, 1, 1);
    try {
      port.postMessage(reply);
    } catch (error) {
      // An answer that cannot be copied to the other thread (a function in it, say) is an error too.
      port.postMessage({ id, ok: false, error: errorData(error) } satisfies Reply);
    }
  });
  Atomics.store(state, 0, 1);
}
