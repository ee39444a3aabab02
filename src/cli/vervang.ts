/**
 * `nl-aftrek controleer <bestand of map> --vervang -o <bestand of map>`: a template library
 * converted file by file into copies, each with its report beside it (Markdown; also JSON with
 * --json), and for a folder one summary. An input is never written: an output that is an input is
 * refused before anything is written.
 */
import { promises as fs } from "fs";
import { basename, dirname, extname, join, relative, resolve } from "path";
import type { SelectionItem } from "../audit/conversion";
import type { ConversionReport } from "../audit/conversionReport";
import { countsText, numberText, reportJson, reportMarkdown } from "../audit/reportText";
import { WorkbookError } from "../workbook/errors";
import { writeFileSafely } from "../workbook/files";
import {
  collectInputs,
  Job,
  jobConflict,
  makeOutputFolders,
  outputFor,
  outputThatIsInput,
  skippedLine,
  uniqueFiles,
} from "./batch";
import { convertWorkbook } from "./convertWorkbook";
import type { Io } from "./main";

export interface VervangOptions {
  readonly inputs: readonly string[];
  readonly output: string;
  readonly selection: readonly SelectionItem[] | null;
  readonly json: boolean;
  /** This calendar year (for tests). */
  readonly today?: number;
}

/** The report beside a converted file: `klant.xlsx` → `klant.rapport.md`. */
export function reportFile(output: string, ext: "md" | "json"): string {
  return join(dirname(output), `${basename(output, extname(output))}.rapport.${ext}`);
}

/** The summary of a folder, in the output folder. */
const SUMMARY = "samenvatting";

type Done = { readonly job: Job; readonly report: ConversionReport };
type Failed = { readonly job: Job; readonly message: string };

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return /[\\/]$/.test(path);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function writeText(file: string, text: string): Promise<void> {
  await writeFileSafely(file, Buffer.from(text, "utf8"));
}

function summaryMarkdown(root: string, folder: string, done: readonly Done[], failed: readonly Failed[]): string {
  const lines = [
    `# Vervangen: ${done.length + failed.length} werkmap(pen) uit ${root}`,
    "",
    "| Werkmap | Vervangen | Gelijk | Verouderd | Gevolg | Controleren | Fout | Niet vervangen | Rapport |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const { job, report } of done) {
    const c = report.counts;
    const n = numberText;
    lines.push(
      `| ${relative(root, job.input) || basename(job.input)} | ${n(c.replaced)} | ${n(c.equal)} | ${n(c.stale)} | ${n(c.following)} | ${n(c.unexplained)} | ${n(c.errors + c.notComputed)} | ${n(c.skipped)} | ${relative(folder, reportFile(job.output, "md"))} |`,
    );
  }
  if (failed.length) {
    lines.push("", "## Niet te lezen of te schrijven", "");
    for (const f of failed) lines.push(`- ${f.message}`);
  }
  const total = (k: keyof ConversionReport["counts"]) => numberText(done.reduce((n, d) => n + d.report.counts[k], 0));
  lines.push(
    "",
    `Samen: ${total("replaced")} cel(len) vervangen in ${done.length} werkmap(pen): ${total("equal")} met dezelfde waarde, ` +
      `${total("stale")} anders omdat het getal verouderd was, ${total("following")} als gevolg daarvan, ` +
      `${total("unexplained")} te controleren; ${total("skipped")} niet vervangen; ${failed.length} werkmap(pen) niet te lezen of te schrijven.`,
    "",
  );
  return lines.join("\n");
}

export async function vervang(options: VervangOptions, io: Io): Promise<number> {
  const found = await collectInputs(options.inputs, options.output);
  const files = uniqueFiles(found.files);
  for (const m of found.missing) io.err(`Fout: ${m}: bestand of map niet gevonden.`);
  if (!files.length) {
    if (!found.missing.length) io.err("Geen .xlsx- of .xlsm-bestanden gevonden.");
    if (found.skipped.length) io.err(skippedLine(found.skipped, "controleren"));
    return 2;
  }
  const single = options.inputs.length === 1 && files.length === 1 && files[0] === options.inputs[0];
  const root = options.inputs.length === 1 && !single ? options.inputs[0] : null;
  if (!single && !(await isFolder(options.output)) && (await exists(options.output))) {
    io.err(
      `Fout: ${options.output} is een bestand; geef bij een map of meer werkmappen met -o een map. Er is niets geschreven.`,
    );
    return 2;
  }
  const jobs: Job[] = [];
  for (const input of files) {
    const output =
      single && !(await isFolder(options.output))
        ? options.output
        : outputFor(input, root, options.output, false, (f) => f);
    jobs.push({ input, output });
  }
  const same = jobs.find((job) => resolve(job.output) === resolve(job.input)) ?? (await outputThatIsInput(jobs));
  if (same) {
    io.err(
      `Fout: de kopie van ${same.input} zou het bestand zelf overschrijven; kies met -o een ander bestand of een andere map. Er is niets geschreven.`,
    );
    return 2;
  }
  const conflict = jobConflict(jobs);
  if (conflict) {
    io.err(`Fout: ${conflict} Er is niets geschreven.`);
    return 2;
  }
  const folderProblem = await makeOutputFolders(single ? dirname(options.output) : options.output, jobs);
  if (folderProblem) {
    io.err(`Fout: ${folderProblem}`);
    return 2;
  }
  const done: Done[] = [];
  const failed: Failed[] = [];
  for (const job of jobs) {
    try {
      const { report } = await convertWorkbook(job.input, job.output, {
        selection: options.selection,
        ...(options.today === undefined ? {} : { today: options.today }),
      });
      await writeText(reportFile(job.output, "md"), reportMarkdown(report));
      if (options.json)
        await writeText(reportFile(job.output, "json"), `${JSON.stringify(reportJson(report), null, 2)}\n`);
      done.push({ job, report });
      if (!options.json)
        io.out(`${job.input} -> ${job.output}: ${countsText(report)}; rapport: ${reportFile(job.output, "md")}`);
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      failed.push({ job, message: error.message });
      if (!options.json) io.err(`Fout: ${error.message}`);
    }
  }
  if (!single) {
    const folder = options.output;
    await writeText(join(folder, `${SUMMARY}.md`), summaryMarkdown(root ?? ".", folder, done, failed));
    if (options.json) {
      const summary = {
        files: done.map((d) => ({
          input: d.job.input,
          output: d.job.output,
          report: reportFile(d.job.output, "md"),
          counts: d.report.counts,
        })),
        errors: failed.map((f) => ({ input: f.job.input, error: f.message })),
      };
      await writeText(join(folder, `${SUMMARY}.json`), `${JSON.stringify(summary, null, 2)}\n`);
    }
    if (!options.json) io.out(`Samenvatting: ${join(folder, `${SUMMARY}.md`)}`);
  }
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          files: done.map((d) => ({ ...(reportJson(d.report) as object), report: reportFile(d.job.output, "md") })),
          errors: failed.map((f) => ({ file: f.job.input, error: f.message })),
        },
        null,
        2,
      ),
    );
  }
  if (found.skipped.length) io.err(skippedLine(found.skipped, "controleren"));
  return failed.length || found.missing.length ? 2 : 0;
}
