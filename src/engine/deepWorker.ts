/** The worker thread of deepStack.ts: started with a large stack, it reads formulas of any depth. */
import { parentPort } from "worker_threads";
import { allowDeepFormulas } from "../workbook/formula/limits";
import type { DeepAnswer, DeepJob } from "./deepStack";
import { evaluateFormula } from "./evalFormula";
import { recalcFile } from "./recalcFile";
import { setMemoryLimit } from "../workbook/memoryGuard";

allowDeepFormulas();

async function run(job: DeepJob): Promise<unknown> {
  if (job.kind === "eval") return evaluateFormula(job.text);
  if (job.memoryLimit !== undefined) setMemoryLimit(job.memoryLimit);
  return recalcFile(job.input, job.output, { writing: job.writing });
}

parentPort?.once("message", async (job: DeepJob) => {
  let answer: DeepAnswer;
  try {
    answer = { ok: true, value: await run(job) };
  } catch (error) {
    const e = error as Partial<NodeJS.ErrnoException> | null;
    answer = {
      ok: false,
      name: (e?.constructor as { name?: string } | undefined)?.name ?? "Error",
      message: e?.message ?? String(error),
      ...(typeof e?.code === "string" ? { code: e.code } : {}),
    };
  }
  parentPort!.postMessage(answer);
});
