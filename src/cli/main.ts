/**
 * The nl-aftrek command line: `eval` one formula, `recalc` workbooks, `controleer` them for
 * hard-coded tax numbers.
 */
import { statSync } from "fs";
import { basename, join, resolve } from "path";
import type { RecalcReport } from "../engine/recalcFile";
import { ENGINE_VERSION } from "../rules/version";
import {
  collectInputs,
  defaultOutput,
  FileResult,
  Job,
  jobConflict,
  makeOutputFolders,
  outputFor,
  outputThatIsInput,
  skippedLine,
  uniqueFiles,
} from "./batch";
import { cellRuns } from "./cellRuns";
import { defaultThreads, runJobs } from "./fileWorkers";
import { dutchCount } from "../rules/dutch";
import { seconds } from "./format";
import { progressLines } from "./progress";
import { EXIT_INTERNAL, NOT_ALL_RECALCULATED } from "./exitCodes";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

// Output piped into a command that stops reading (`| head`) is no longer written; the work itself
// (files being recalculated) goes on to the end.
const consoleIo: Io = {
  out: (text) => void (process.stdout.destroyed || process.stdout.write(`${text}\n`)),
  err: (text) => void (process.stderr.destroyed || process.stderr.write(`${text}\n`)),
};

const EXIT_CODES = `Exitcodes:
  0  alles gelukt
  1  verkeerde aanroep, of geweigerd voordat er iets geschreven is (eval: de uitkomst is een
     foutwaarde; controleer: er zijn bevindingen)
  2  een bestand of map was niet te lezen of te schrijven, of te groot om binnen 1 GB geheugen
     te herberekenen (de andere zijn wel gedaan)
  3  recalc: alles geschreven, maar cellen hielden hun oude waarde (ze staan in de samenvatting)
  4  interne fout: een fout in NL Aftrek zelf, niet in uw bestand; er is niets half geschreven`;

const HELP = `nl-aftrek ${ENGINE_VERSION}: de NL-formules zonder Excel

Gebruik:
  nl-aftrek eval "<formule>"                  rekent één formule uit en drukt de uitkomst af
  nl-aftrek recalc <bestand of map>... [opties]  herberekent de NL-formules van werkmappen
  nl-aftrek controleer <bestand of map>... [--json]  zoekt vast ingetikte belastingbedragen
      [--vervang -o <uit> [--alleen <lijst>]]       en vervangt ze in een kopie, met rapport

Meer hulp: nl-aftrek eval --help, nl-aftrek recalc --help, nl-aftrek controleer --help

${EXIT_CODES}`;

const HELP_EVAL = `nl-aftrek eval "<formule>"

Rekent één formule uit. Typ hem zoals in Nederlandse Excel of zoals in een bestand:
  nl-aftrek eval "=NL.KIA(2025; 10000)"               -> 2800
  nl-aftrek eval "=NL.ZELFSTANDIGENAFTREK(2025; WAAR; 50000)" -> 2470
  nl-aftrek eval "=NL.MKBVRIJ(2025; 1234,56)"          -> 156.79
  nl-aftrek eval "=NL.KIA(2025, 10000)"               -> 2800
Met ; tussen de argumenten is de komma het decimaalteken; WAAR/ONWAAR en Nederlandse
functienamen (ALS, SOM, AFRONDEN) mogen altijd.
Getallen komen als gewone decimalen, WAAR/ONWAAR als TRUE/FALSE, een fout als code met melding.
Celverwijzingen kent eval niet (er is geen werkmap); herbereken een werkmap met nl-aftrek recalc.
Een formule die een tabel teruggeeft (NL.OVERZICHT) geeft één regel per rij, kolommen gescheiden
door een tab. Exitcode 0 bij een uitkomst, 1 bij een fout (ook een foutwaarde als uitkomst).`;

const HELP_RECALC = `nl-aftrek recalc <bestand of map>... [-o <uit>] [--in-place] [--json] [--jobs <n>]

Herberekent de NL-formules en de formules die ervan afhangen, en schrijft hun uitkomsten als
opgeslagen resultaten terug. Al het andere blijft byte voor byte zoals het was: andere cellen,
formules, opmaak, grafieken, macro's, opmerkingen, beveiliging. Een map wordt doorzocht op .xlsx-
en .xlsm-bestanden (ook in submappen); rekenbladen in een ander formaat (.xls, .xlsb, .ods) worden
genoemd, niet herberekend.

  -o, --output <pad>  één bestand: het uitvoerbestand (met dezelfde extensie) of een map;
                      meerdere: de map waarin ze komen
                      (standaard: <naam>.herberekend.xlsx naast elk invoerbestand)
  --in-place          overschrijf de invoerbestanden zelf (via een tijdelijk bestand)
  --json              samenvatting als JSON op stdout
  --jobs <n>          zoveel bestanden tegelijk, of bij één groot bestand zoveel rekenthreads
                      (standaard: het aantal processorkernen)
  -h, --help          deze hulp

Cellen die zonder Excel niet te berekenen zijn (een onbekende functie, een externe koppeling)
houden hun opgeslagen uitkomst; ze staan in de samenvatting (met hoeveel NL-formules daarbij zijn)
en Excel rekent de werkmap bij openen opnieuw door. Een opgeslagen uitkomst telt alleen als Excel
hem schreef: in een werkmap van een script (openpyxl, XlsxWriter, ExcelJS, SheetJS) of van
LibreOffice worden ook de gewone formules berekend die de NL-formules lezen.
Het invoerbestand wordt nooit overschreven zonder --in-place. Twee bestanden die op dezelfde
uitvoer uitkomen, een uitvoer die zelf een invoerbestand is (ook via een koppeling of onder een
andere naam) of een andere extensie dan de invoer (een werkmap met macro's als .xlsx) worden
geweigerd voordat er iets is geschreven; een bestand dat twee keer genoemd is, wordt één keer
herberekend. Een symbolische koppeling op de plaats van een uitvoerbestand wordt niet gevolgd:
dat bestand wordt geweigerd. Er wordt geschreven via een tijdelijk bestand dat pas na een
geslaagde schrijfactie het doel vervangt; een map of bestand dat niet te lezen is, wordt genoemd
en de rest gaat door.

Exitcodes: 0 als elke cel van elk bestand herberekend is; 1 bij een verkeerde aanroep of als er
iets geweigerd is voordat er iets geschreven werd; 2 als een bestand of map niet te lezen of te
schrijven was (de andere zijn wel gedaan); 3 als alles geschreven is maar cellen hun oude waarde
hielden (ze staan in de samenvatting); 4 bij een interne fout in NL Aftrek zelf.`;

function describe(report: RecalcReport): string {
  if (report.nlFormulas === 0 && report.recalculated === 0 && report.notRecalculated.length === 0) {
    return "geen NL-formules; ongewijzigd";
  }
  const parts = [`${dutchCount(report.recalculated)} cel(len) herberekend`];
  if (report.changedCells !== report.recalculated)
    parts.push(`${dutchCount(report.changedCells)} met een nieuwe waarde`);
  if (report.notRecalculated.length)
    parts.push(`${dutchCount(report.notRecalculated.length)} niet herberekend${nlPart(report.nlNotRecalculated)}`);
  if (report.errors.length) parts.push(`${dutchCount(report.errors.length)} met een foutwaarde`);
  return parts.join(", ");
}

/** How many of the cells not recalculated are NL formulas (their result is not this recalculation's). */
function nlPart(count: number): string {
  return count ? `, waarvan ${dutchCount(count)} NL-formule${count === 1 ? "" : "s"}` : "";
}

function printReport(io: Io, report: RecalcReport, detail: boolean): void {
  io.out(`${report.input}: ${describe(report)}${report.unchanged ? "" : ` -> ${report.output}`}`);
  if (!detail) return;
  if (report.precedentsComputed > 0) {
    const why = report.cachesNotExcel ?? "ze hadden geen opgeslagen uitkomst van Excel";
    io.out(`  ${dutchCount(report.precedentsComputed)} formule(s) die de NL-formules lezen, ook berekend: ${why}.`);
  }
  // A column of cells with the same reason or error is one line.
  for (const line of cellRuns(report.notRecalculated.map((n) => ({ cell: n.cell, text: n.reason }))))
    io.out(`  niet herberekend ${line}`);
  const errors = report.errors.map((e) => ({ cell: e.cell, text: `${e.code}${e.message ? ` ${e.message}` : ""}` }));
  for (const line of cellRuns(errors)) io.out(`  ${line}`);
  if (report.fullCalcOnLoad) io.out("  Excel rekent deze werkmap bij openen helemaal opnieuw door.");
}

function usage(io: Io, message: string, help: string): number {
  io.err(`${message}\n\n${help}`);
  return 1;
}

interface RecalcOptions {
  inputs: string[];
  output?: string;
  inPlace: boolean;
  json: boolean;
  jobs: number;
}

function parseRecalc(args: string[], io: Io): RecalcOptions | number {
  const options: RecalcOptions = { inputs: [], inPlace: false, json: false, jobs: defaultThreads() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-h" || a === "--help") {
      io.out(HELP_RECALC);
      return 0;
    } else if (a === "-o" || a === "--output") {
      options.output = args[++i];
      if (!options.output) return usage(io, "Na -o hoort een bestandsnaam of map.", HELP_RECALC);
    } else if (a === "--in-place") options.inPlace = true;
    else if (a === "--json") options.json = true;
    else if (a === "--jobs" || a === "-j") {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1) return usage(io, "Na --jobs hoort een aantal (1 of meer).", HELP_RECALC);
      options.jobs = n;
    } else if (a.startsWith("-")) return usage(io, `Onbekende optie: ${a}`, HELP_RECALC);
    else options.inputs.push(a);
  }
  if (options.inputs.length === 0)
    return usage(io, "Geef de werkmap(pen) of map die herberekend moet(en) worden.", HELP_RECALC);
  if (options.inPlace && options.output) return usage(io, "Kies -o of --in-place, niet allebei.", HELP_RECALC);
  return options;
}

/** The output of one file: `-o` itself, or the file's name inside `-o` when that is a folder. */
function singleOutput(output: string, input: string): string {
  let folder = /[\\/]$/.test(output);
  try {
    folder ||= statSync(output).isDirectory();
  } catch {
    // not there yet: a file to write
  }
  return folder ? join(output, basename(input)) : output;
}

async function recalc(args: string[], io: Io): Promise<number> {
  const parsed = parseRecalc(args, io);
  if (typeof parsed === "number") return parsed;
  if (
    parsed.inputs.length === 1 &&
    parsed.output &&
    !parsed.inPlace &&
    resolve(parsed.output) === resolve(parsed.inputs[0])
  )
    return usage(io, "Het uitvoerbestand is het invoerbestand; gebruik --in-place als u dat wilt.", HELP_RECALC);
  const found = await collectInputs(parsed.inputs, parsed.output ?? null);
  const { missing, skipped, unreadable } = found;
  const files = uniqueFiles(found.files);
  for (const m of missing) io.err(`Fout: ${m}: bestand of map niet gevonden.`);
  for (const u of unreadable) io.err(`Fout: ${u.error}`);
  const single = parsed.inputs.length === 1 && files.length === 1 && files[0] === parsed.inputs[0];
  if (files.length === 0) {
    if (missing.length === 0 && unreadable.length === 0) io.err("Geen .xlsx- of .xlsm-bestanden gevonden.");
    if (skipped.length) io.err(skippedLine(skipped, "herberekenen"));
    return 2;
  }
  const root = parsed.inputs.length === 1 && !single ? parsed.inputs[0] : null;
  const jobs: Job[] = files.map((input) => ({
    input,
    output:
      single && parsed.output
        ? singleOutput(parsed.output, input)
        : outputFor(input, root, parsed.output ?? null, parsed.inPlace, defaultOutput),
  }));
  const conflict = jobConflict(jobs);
  if (conflict) return usage(io, conflict, HELP_RECALC);
  if (!parsed.inPlace) {
    const same = await outputThatIsInput(jobs);
    if (same) {
      return usage(
        io,
        `Het uitvoerbestand ${same.output} is het invoerbestand${same.output === same.input ? "" : " (of een koppeling ernaar)"}; gebruik --in-place als u dat wilt.`,
        HELP_RECALC,
      );
    }
  }
  // The output folder, with the input folder's subfolders (each file goes where it was).
  if (!single && parsed.output) {
    const problem = await makeOutputFolders(parsed.output, jobs);
    if (problem) {
      io.err(`Fout: ${problem}`);
      return 2;
    }
  }
  const started = Date.now();
  const results = await runJobs(
    jobs,
    parsed.jobs,
    (result, index) => {
      if (single || parsed.json) return;
      const line = result.ok ? describe(result.report) : `FOUT ${result.message}`;
      io.err(`[${index + 1}/${jobs.length}] ${result.ok ? result.report.input : result.input}: ${line}`);
    },
    (job) => progressLines(job.input, io.err),
  );
  const failed = results.filter((r): r is Extract<FileResult, { ok: false }> => !r.ok);
  const reports = results.filter((r): r is Extract<FileResult, { ok: true }> => r.ok).map((r) => r.report);
  if (parsed.json) {
    if (single)
      io.out(
        JSON.stringify(results[0].ok ? results[0].report : { input: files[0], error: failed[0].message }, null, 2),
      );
    else {
      io.out(
        JSON.stringify(
          {
            files: results.map((r) => (r.ok ? r.report : { input: r.input, error: r.message })),
            skipped,
            unreadable,
            totals: totals(reports, failed.length),
          },
          null,
          2,
        ),
      );
    }
  } else {
    for (const report of reports) printReport(io, report, true);
    for (const f of failed) io.err(`Fout: ${f.message}`);
    if (!single) {
      const t = totals(reports, failed.length);
      io.out(
        `Samen: ${dutchCount(files.length)} bestand(en) in ${seconds(Date.now() - started)} s: ` +
          `${dutchCount(t.recalculatedFiles)} herberekend, ${dutchCount(t.unchangedFiles)} ongewijzigd, ${dutchCount(t.failedFiles)} mislukt; ` +
          `${dutchCount(t.cells)} cellen herberekend, ${dutchCount(t.notRecalculated)} niet herberekend${nlPart(t.nlNotRecalculated)}.`,
      );
    }
    if (skipped.length) io.err(skippedLine(skipped, "herberekenen"));
  }
  if (failed.some((f) => f.unexpected)) return EXIT_INTERNAL;
  if (failed.length || missing.length || unreadable.length) return 2;
  // A cell that keeps its old value may now disagree with what it reads: never a silent 0.
  return reports.some((r) => r.notRecalculated.length > 0) ? NOT_ALL_RECALCULATED : 0;
}

function totals(reports: readonly RecalcReport[], failedFiles: number) {
  return {
    recalculatedFiles: reports.filter((r) => !r.unchanged).length,
    unchangedFiles: reports.filter((r) => r.unchanged).length,
    failedFiles,
    cells: reports.reduce((s, r) => s + r.recalculated, 0),
    notRecalculated: reports.reduce((s, r) => s + r.notRecalculated.length, 0),
    nlNotRecalculated: reports.reduce((s, r) => s + r.nlNotRecalculated, 0),
    errors: reports.reduce((s, r) => s + r.errors.length, 0),
  };
}

async function evaluate(rest: string[], io: Io): Promise<number> {
  if (rest[0] === "-h" || rest[0] === "--help") {
    io.out(HELP_EVAL);
    return 0;
  }
  if (rest.length !== 1) {
    return usage(
      io,
      'Geef precies één formule, tussen aanhalingstekens: nl-aftrek eval "=NL.KIA(2025; 10000)"',
      HELP_EVAL,
    );
  }
  // The engine is loaded by the command that needs it: `recalc` does its work on file workers, and
  // the main thread need not load what only they use.
  const { evaluateAnyDepth, FormulaInputError, formatValue, hasError } = await import("./evalCommand");
  try {
    const value = await evaluateAnyDepth(rest[0]);
    io.out(formatValue(value));
    return hasError(value) ? 1 : 0;
  } catch (error) {
    if (!(error instanceof FormulaInputError)) throw error;
    io.err(`Fout: ${error.message}`);
    return 1;
  }
}

/**
 * Runs a command; the exit code. An error in NL Aftrek itself reaches the user as a Dutch message
 * and exit code 4, without the program's English or a stack trace (those with NL_AFTREK_DEBUG=1).
 */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.err(internalError(error));
    return EXIT_INTERNAL;
  }
}

export function internalError(error: unknown): string {
  const detail = process.env.NL_AFTREK_DEBUG ? `\n${error instanceof Error ? error.stack : String(error)}` : "";
  return (
    "Interne fout in NL Aftrek: een fout in het programma, niet in uw bestand; er is niets half geschreven. " +
    `Meld het met de opdracht die u gaf (met NL_AFTREK_DEBUG=1 ervoor staan de technische details erbij).${detail}`
  );
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    io.out(HELP);
    return command ? 0 : 1;
  }
  if (command === "--version" || command === "-v") {
    io.out(ENGINE_VERSION);
    return 0;
  }
  if (command === "eval") return evaluate(rest, io);
  if (command === "recalc") return recalc(rest, io);
  if (command === "controleer") return (await import("./controleer")).controleer(rest, io);
  return usage(io, `Onbekende opdracht: ${command}`, HELP);
}
