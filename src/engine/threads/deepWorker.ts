/** The worker thread of deepStack.ts: started with a large stack, it reads formulas of any depth. */
import { allowDeepFormulas } from "../../workbook/formula/limits";
import { setMemoryLimit } from "../../workbook/memoryGuard";
import { evaluateFormula } from "../evalFormula";
import { recalcFile } from "../recalcFile";
import type { DeepJob } from "./deepStack";
import { serve } from "./pool";

allowDeepFormulas();

serve(async (job: DeepJob): Promise<unknown> => {
  if (job.kind === "eval") return evaluateFormula(job.text);
  if (job.memoryLimit !== undefined) setMemoryLimit(job.memoryLimit);
  return recalcFile(job.input, job.output, { writing: job.writing });
});
