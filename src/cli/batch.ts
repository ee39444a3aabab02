/**
 * Recalculating many workbooks: the files of the arguments (folders searched for .xlsx and
 * .xlsm), where each is written, the checks before anything is written, and one file's result or
 * why it failed, in Dutch. The files are run on worker threads by fileWorkers.ts. A file that fails
 * does not stop the others; each gets its own line in the summary.
 */
import { promises as fs } from "fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "path";
import type { RecalcFileOptions, RecalcReport } from "../engine/recalcFile";
import { WorkbookError } from "../workbook/errors";
import { fileIdentity, fileProblem, sameFile } from "../workbook/files";
import { dutchCount } from "../rules/dutch";
import { budgetText } from "./memoryBudget";

export type FileResult =
  | { readonly ok: true; readonly report: RecalcReport }
  | {
      readonly ok: false;
      readonly input: string;
      readonly message: string;
      readonly unexpected: boolean;
      /** The file needs more memory than the budget allows (memoryBudget.ts). */
      readonly overBudget?: true;
    };

export interface Job {
  readonly input: string;
  readonly output: string;
}

export async function recalcOne(input: string, output: string, options: RecalcFileOptions = {}): Promise<FileResult> {
  try {
    // Loaded here, not with this module: the main thread hands files to workers and never needs it.
    const { recalcFile } = await import("../engine/recalcFile");
    return { ok: true, report: await recalcFile(input, output, options) };
  } catch (error) {
    return failure(input, error);
  }
}

/** Errors that say the file asks for more than JavaScript can hold, by code and by V8's own text. */
const TOO_BIG_CODES = new Set(["ERR_STRING_TOO_LONG", "ERR_BUFFER_TOO_LARGE", "ERR_OUT_OF_RANGE"]);
const TOO_BIG_TEXT =
  /Invalid string length|Invalid array length|Array buffer allocation failed|Invalid typed array length/;

/**
 * Why a file failed, in Dutch, never with a library's English text. A WorkbookError says it
 * already; a file too big for JavaScript, a lack of memory or a system error is the file's or the
 * machine's; anything else is an error in NL Aftrek itself (`unexpected`: exit code 3).
 */
export function failure(input: string, error: unknown): Extract<FileResult, { ok: false }> {
  if (error instanceof WorkbookError) return { ok: false, input, message: error.message, unexpected: false };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  const failed = (why: string, unexpected = false) => ({
    ok: false as const,
    input,
    message: `${input}: ${why}; het bestand is niet gewijzigd.`,
    unexpected,
  });
  if ((code !== undefined && TOO_BIG_CODES.has(code)) || TOO_BIG_TEXT.test(text)) {
    return failed(
      "deze werkmap vraagt een tekst of onderdeel dat groter is dan NL Aftrek kan verwerken (JavaScript houdt hoogstens zo'n 512 miljoen tekens in één tekst)",
    );
  }
  if (code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory/i.test(text)) {
    return {
      ok: false,
      input,
      message:
        `${input}: deze werkmap is te groot om binnen ${budgetText()} geheugen te herberekenen (NL Aftrek blijft ` +
        "daaronder, wat het bestand ook vraagt); er is niets geschreven en het bestand is niet gewijzigd. " +
        "Splits de werkmap, of verwijder bladen of gegevens die niet nodig zijn.",
      unexpected: false,
      overBudget: true,
    };
  }
  if (code !== undefined && /^E[A-Z]+$/.test(code))
    return failed(`het bestand is niet te verwerken (${fileProblem(error)})`);
  return failed("interne fout in NL Aftrek bij deze werkmap (een fout in het programma, niet in uw bestand)", true);
}

/** Excel's lock files (`~$klant.xlsx`) and hidden files are never a user's workbook. */
const isHidden = (name: string) => name.startsWith("~$") || name.startsWith(".");

/** Output files and Excel's lock files are not inputs. */
function isInput(name: string): boolean {
  return /\.xls[xm]$/i.test(name) && !/\.herberekend\.xls[xm]$/i.test(name) && !isHidden(name);
}

/** Spreadsheets in a format recalc does not read: a folder's are named, so that none goes unseen. */
function isOtherSpreadsheet(name: string): boolean {
  return /\.(xls|xlsb|ods|numbers)$/i.test(name) && !isHidden(name);
}

export interface Inputs {
  /** The workbooks to recalculate. */
  readonly files: string[];
  /** Arguments that name nothing. */
  readonly missing: string[];
  /** Folders (or named files) that could not be read, each with why in Dutch: the rest goes on. */
  readonly unreadable: Array<{ readonly path: string; readonly error: string }>;
  /** Spreadsheets in a folder that are not .xlsx or .xlsm (.xls, .xlsb, .ods, .numbers). */
  readonly skipped: string[];
}

/**
 * The workbooks named by the arguments: files as given, folders searched (subfolders too), except
 * the folder `outputs` (the output folder of an earlier run may lie inside the input folder).
 */
export async function collectInputs(args: readonly string[], outputs: string | null = null): Promise<Inputs> {
  const skipFolder = outputs === null ? null : resolve(outputs);
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: string[] = [];
  const unreadable: Array<{ path: string; error: string }> = [];
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, error: `${dir}: map niet te lezen (${fileProblem(error)}); overgeslagen.` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (resolve(full) !== skipFolder) await walk(full);
      } else if (isInput(entry.name)) files.push(full);
      else if (isOtherSpreadsheet(entry.name)) skipped.push(full);
    }
  };
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") missing.push(arg);
      else unreadable.push({ path: arg, error: `${arg}: niet te lezen (${fileProblem(error)}).` });
      continue;
    }
    // A file of any kind is named as given: one that is no workbook (a FIFO, a device) is refused
    // with its reason when it is read, not skipped without a word.
    if (stat.isDirectory()) await walk(arg);
    else files.push(arg);
  }
  return { files, missing, skipped, unreadable };
}

/** The spreadsheets of a folder left alone because of their format, and what to do about them. */
export function skippedLine(skipped: readonly string[], verb: "herberekenen" | "controleren"): string {
  const more = skipped.length > 5 ? ` en nog ${dutchCount(skipped.length - 5)}` : "";
  return (
    `Overgeslagen: ${dutchCount(skipped.length)} rekenblad(en) in een ander formaat dan .xlsx of .xlsm ` +
    `(${skipped.slice(0, 5).join(", ")}${more}); sla ze op als .xlsx om ze mee te laten ${verb}.`
  );
}

/** A path as the file system compares it (Windows and macOS' default ignore case; Linux does not). */
function pathKey(file: string): string {
  const full = resolve(file);
  return process.platform === "win32" || process.platform === "darwin" ? full.toLowerCase() : full;
}

/** A file named twice (directly, or again inside a folder also named) is recalculated once. */
export function uniqueFiles(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = pathKey(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const extensionOf = (file: string) => extname(file).toLowerCase();

/**
 * Why the jobs cannot run as given (nothing is written then), or null: two files that would be
 * written to one output (the second would replace the first), an output that is another job's
 * input (it would be read and written at once), or an output with another extension than its
 * input (Excel opens a workbook only under the extension of its kind: with macros .xlsm, without
 * .xlsx).
 */
export function jobConflict(jobs: readonly Job[]): string | null {
  const inputs = new Map(jobs.map((job) => [pathKey(job.input), job.input]));
  const outputs = new Map<string, string>();
  for (const job of jobs) {
    const key = pathKey(job.output);
    const earlier = outputs.get(key);
    if (earlier !== undefined) {
      return `${earlier} en ${job.input} komen allebei in ${job.output} terecht: het tweede zou het eerste overschrijven. Herbereken ze apart, elk met een eigen -o.`;
    }
    outputs.set(key, job.input);
    const other = inputs.get(key);
    if (other !== undefined && key !== pathKey(job.input)) {
      return `De uitvoer van ${job.input} (${job.output}) is ook een invoerbestand; geef ${other} niet mee, of kies met -o een map.`;
    }
    if (extensionOf(job.output) !== extensionOf(job.input)) {
      return `Het uitvoerbestand ${job.output} heeft niet de extensie van ${job.input} (${extensionOf(job.input)}): Excel opent een werkmap alleen onder de extensie van haar soort (met macro's .xlsm, zonder .xlsx).`;
    }
  }
  return null;
}

/**
 * The first job whose output is one of the inputs: the same file (device and file number), reached
 * by the same path, another spelling of it, a symbolic link or a hard link. Only outputs that exist
 * cost a look at the inputs.
 */
export async function outputThatIsInput(jobs: readonly Job[]): Promise<Job | null> {
  const outputs = await Promise.all(jobs.map((job) => fileIdentity(job.output)));
  if (outputs.every((o) => o === null)) return null;
  const inputs = await Promise.all(jobs.map((job) => fileIdentity(job.input)));
  for (let i = 0; i < jobs.length; i++) {
    const output = outputs[i];
    if (output && inputs.some((input) => input !== null && sameFile(input, output))) return jobs[i];
  }
  return null;
}

/**
 * Makes the output folder and the subfolders the jobs write into; a Dutch message when one cannot be
 * made, or when a folder under `root` is a symbolic link (someone else's link would send the results
 * elsewhere; `root` itself is the user's to name).
 */
export async function makeOutputFolders(root: string, jobs: readonly Job[]): Promise<string | null> {
  const folders = new Set([root, ...jobs.map((job) => dirname(job.output))]);
  for (const folder of folders) {
    try {
      await fs.mkdir(folder, { recursive: true });
    } catch (error) {
      return `de map ${folder} kan niet worden gemaakt (${fileProblem(error)}); er is niets geschreven.`;
    }
    let path = root;
    for (const part of relative(root, folder).split(sep).filter(Boolean)) {
      path = join(path, part);
      const stat = await fs.lstat(path).catch(() => null);
      if (!stat?.isDirectory()) {
        return `${path} is geen gewone map maar ${stat?.isSymbolicLink() ? "een symbolische koppeling" : "iets anders"}; NL Aftrek schrijft niet door een koppeling heen. Verwijder haar of kies een andere map met -o; er is niets geschreven.`;
      }
    }
  }
  return null;
}

/** The output beside an input: `klant.xlsx` gives `klant.herberekend.xlsx`. */
export function defaultOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.herberekend${ext}`);
}

/** Where a batch writes: beside each input, into a folder (keeping subfolders), or over the input. */
export function outputFor(
  input: string,
  root: string | null,
  outDir: string | null,
  inPlace: boolean,
  defaultOutput: (f: string) => string,
): string {
  if (inPlace) return input;
  if (outDir) return join(outDir, root ? relative(root, input) : input.split(/[\\/]/).pop()!);
  return defaultOutput(input);
}
