/**
 * The one way NL Aftrek runs work on another thread (src/engine/threads/pool.ts): the compiled
 * worker script is found in lib/; a worker's answer comes back, its notes before it; its error
 * comes back as the class the caller tells apart; a stopped worker and a full heap fail what they
 * had, each recognisably; a thread started with the deep stack has it. The workers here run
 * scripts written for the test on top of the compiled pool (lib/, built by `npm test` first).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Thread, ThreadOptions, ThreadStopped, workerScript } from "../../../src/engine/threads/pool";
import { WorkbookError } from "../../../src/workbook/errors";
import { DEEP_STACK_MB } from "../../../src/workbook/formula/limits";
import { f, row, v, writeWorkbookFile } from "../../helpers/xlsx";

const root = join(__dirname, "../../..");
const lib = join(root, "lib");
const dir = mkdtempSync(join(tmpdir(), "nl-aftrek-threads-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker script serving `handler` (the body of `(job, note) => …`) through the compiled pool. */
function script(name: string, handler: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(
    file,
    `const { serve } = require(${JSON.stringify(join(lib, "engine/threads/pool.js"))});
     const { WorkbookError } = require(${JSON.stringify(join(lib, "workbook/errors.js"))});
     class FormulaInputError extends Error {}
     serve(async (job, note) => { ${handler} });`,
  );
  return file;
}

/** Starts a thread on `file`, gives it to `use`, and always ends it. */
async function withThread<T>(
  file: string,
  options: ThreadOptions,
  use: (thread: Thread<unknown, unknown, unknown>) => Promise<T>,
): Promise<T> {
  const thread = new Thread<unknown, unknown, unknown>(file, options);
  try {
    return await use(thread);
  } finally {
    await thread.close();
  }
}

describe("the compiled worker script", () => {
  test("is found in lib/ by the compiled code, for each kind of thread", () => {
    // The compiled module itself, as the command line loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const compiled = require(join(lib, "engine/threads/pool.js")) as { workerScript: typeof workerScript };
    expect(compiled.workerScript("cli/fileWorker", "none")).toBe(join(lib, "cli/fileWorker.js"));
    expect(compiled.workerScript("engine/threads/nlWorker", "none")).toBe(join(lib, "engine/threads/nlWorker.js"));
    expect(compiled.workerScript("engine/threads/deepWorker", "lib")).toBe(join(lib, "engine/threads/deepWorker.js"));
    expect(compiled.workerScript("engine/threads/geen", "lib")).toBeNull();
  });

  test("from the TypeScript sources: the lib/ twin only where no other thread can stand in (the deep stack)", () => {
    expect(workerScript("engine/threads/deepWorker", "lib")).toBe(join(lib, "engine/threads/deepWorker.js"));
    // File workers and NL threads: the caller works in its own thread, with the same code.
    expect(workerScript("cli/fileWorker", "none")).toBeNull();
    expect(workerScript("engine/threads/nlWorker", "none")).toBeNull();
  });
});

describe("a job's answer", () => {
  test("comes back, with the notes told on the way before it; jobs are answered in turn", async () => {
    const file = script("echo", "note(job * 2); note(job * 3); return job + 1;");
    await withThread(file, {}, async (thread) => {
      const notes: unknown[] = [];
      const answers = await Promise.all([thread.run(1, (n) => notes.push(n)), thread.run(10, (n) => notes.push(n))]);
      expect(answers).toEqual([2, 11]);
      expect(notes).toEqual([2, 3, 20, 30]);
      expect(thread.ready).toBe(true);
      expect(thread.backlog).toBe(0);
    });
  });

  test("an error comes back as the class the caller tells apart, the others with their message and code", async () => {
    const file = script(
      "errors",
      `if (job === "werkmap") throw new WorkbookError("klant.xlsx: geen werkmap");
       if (job === "formule") throw new FormulaInputError("De formule is onvolledig.");
       throw Object.assign(new Error("no such file"), { code: "ENOENT" });`,
    );
    class FormulaInputError extends Error {}
    const errors = { FormulaInputError: (message: string) => new FormulaInputError(message) };
    await withThread(file, { errors }, async (thread) => {
      const workbook = await thread.run("werkmap").catch((e: unknown) => e);
      expect(workbook).toBeInstanceOf(WorkbookError);
      expect((workbook as Error).message).toBe("klant.xlsx: geen werkmap");
      const formula = await thread.run("formule").catch((e: unknown) => e);
      expect(formula).toBeInstanceOf(FormulaInputError);
      expect((formula as Error).message).toBe("De formule is onvolledig.");
      const other = await thread.run("bestand").catch((e: unknown) => e);
      expect(other).not.toBeInstanceOf(WorkbookError);
      expect(other).toMatchObject({ message: "no such file", code: "ENOENT" });
      // A job's error does not end the thread.
      expect(thread.alive).toBe(true);
    });
  });

  test("an answer that cannot cross threads is an error, not a hang", async () => {
    const file = script("uncloneable", "return { later: () => 1 };");
    await withThread(file, {}, async (thread) => {
      await expect(thread.run(null)).rejects.toThrow(/could not be cloned/);
    });
  });
});

describe("a thread that ends before it answers", () => {
  test("stopped: what it was doing fails with ThreadStopped, and nothing more is sent", async () => {
    const file = script("forever", "note('begonnen'); for (;;);");
    await withThread(file, {}, async (thread) => {
      let begun = () => {};
      const started = new Promise<void>((resolve) => (begun = resolve));
      const answer = thread.run(null, () => begun()).catch((e: unknown) => e);
      await started;
      thread.stop();
      expect(await answer).toBeInstanceOf(ThreadStopped);
      const after = await thread.run(null).catch((e: unknown) => e);
      expect(after).toBeInstanceOf(ThreadStopped);
      expect(thread.alive).toBe(false);
    });
  });

  test("its heap full: the error carries V8's code for a worker out of memory", async () => {
    const file = script("hungry", "const keep = []; for (;;) keep.push(new Array(1e5).fill(keep.length));");
    await withThread(file, { heap: { maxOldGenerationSizeMb: 32 } }, async (thread) => {
      const error = await thread.run(null).catch((e: unknown) => e);
      expect((error as NodeJS.ErrnoException).code).toBe("ERR_WORKER_OUT_OF_MEMORY");
      expect(thread.alive).toBe(false);
    });
  });
});

describe("the deep stack", () => {
  const recursion = `const down = (n) => (n === 0 ? 0 : 1 + down(n - 1));
    return { stackSizeMb: require("worker_threads").resourceLimits.stackSizeMb, depth: down(job) };`;

  test("a thread started with it has DEEP_STACK_MB and recurses where a default thread cannot", async () => {
    const file = script("recursion", recursion);
    const levels = 200000;
    const deep = await withThread(file, { deepStack: true }, (thread) => thread.run(levels));
    expect(deep).toEqual({ stackSizeMb: DEEP_STACK_MB, depth: levels });
    await withThread(file, {}, async (thread) => {
      await expect(thread.run(levels)).rejects.toThrow(/Maximum call stack size exceeded/);
    });
  });

  test("recalc's file worker computes a deep workbook on its own stack, with no second thread", async () => {
    // B1 = KIA over 8.000 nested parentheses around A1 = 10.000: 28% = 2.800 (art. 3.41 Wet IB
    // 2001, 2025). Far deeper than a thread with the default stack walks.
    const input = join(dir, "diep.xlsx");
    const depth = 8000;
    writeWorkbookFile(input, {
      sheets: [
        {
          name: "Blad1",
          data: row(1, v("A1", 10000), f("B1", `_xldudf_NL_KIA(2025,${"(".repeat(depth)}A1${")".repeat(depth)})`)),
        },
      ],
    });
    // In a process of its own, as the command line runs it: the worker's memory budget is the
    // whole process's, and this test process may hold more than that by now.
    const results = (onDeepStack: boolean) =>
      JSON.parse(
        execFileSync(process.execPath, [
          "-e",
          `const { Thread } = require(${JSON.stringify(join(lib, "engine/threads/pool.js"))});
           const thread = new Thread(${JSON.stringify(join(lib, "cli/fileWorker.js"))}, { deepStack: ${onDeepStack} });
           const output = ${JSON.stringify(join(dir, `diep-${onDeepStack ? "groot" : "standaard"}.xlsx`))};
           const job = { input: ${JSON.stringify(input)}, output, threads: 1, progress: false,
                         writing: new Int32Array(new SharedArrayBuffer(4)) };
           thread.run(job).then((result) => thread.close().then(() => process.stdout.write(JSON.stringify(result))));`,
        ]).toString(),
      );
    expect(results(true)).toMatchObject({ ok: true, report: { recalculated: 1, notRecalculated: [] } });
    // The same worker on a default stack cannot (the stack overflows: an internal error, nothing
    // written): it does not hand the formula to another thread.
    expect(results(false)).toMatchObject({ ok: false, unexpected: true });
    expect(existsSync(join(dir, "diep-standaard.xlsx"))).toBe(false);
  });
});
