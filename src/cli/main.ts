/**
 * The nl-aftrek command line: `eval` one formula, `recalc` a workbook.
 */
import { resolve } from "path";
import { evaluateFormula, formatValue } from "../engine/engine";
import {
  defaultOutput,
  readWorkbook,
  recalcWorkbook,
  RecalcSummary,
  WorkbookError,
  writeWorkbook,
} from "../engine/workbook";
import { ENGINE_VERSION } from "../rules/version";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

const HELP = `nl-aftrek ${ENGINE_VERSION}: de NL-formules zonder Excel

Gebruik:
  nl-aftrek eval "<formule>"                 rekent één formule uit en drukt de uitkomst af
  nl-aftrek recalc <in.xlsx> [opties]        herberekent alle formules van een werkmap

Meer hulp: nl-aftrek eval --help, nl-aftrek recalc --help`;

const HELP_EVAL = `nl-aftrek eval "<formule>"

Rekent één formule uit, in Engelse syntaxis met komma's (zoals in een .xlsx-bestand):
  nl-aftrek eval "=NL.KIA(2025, 10000)"          -> 2800
  nl-aftrek eval "=NL.URENCRITERIUM(1300, 1600)"  -> FALSE
Getallen komen als gewone decimalen, WAAR/ONWAAR als TRUE/FALSE, een fout als code met melding.
Een formule die een tabel teruggeeft (NL.OVERZICHT) geeft één regel per rij, kolommen gescheiden door een tab.`;

const HELP_RECALC = `nl-aftrek recalc <in.xlsx> [-o <uit.xlsx>] [--in-place] [--json]

Herberekent elke formule van de werkmap (NL-formules en gewone Excel-formules) en schrijft de
uitkomsten als opgeslagen resultaten terug. Bladen, opmaak, getalnotaties en kolombreedtes blijven.

  -o, --output <bestand>  waar de herberekende werkmap komt (standaard: <naam>.herberekend.xlsx)
  --in-place              overschrijf het invoerbestand zelf (via een tijdelijk bestand)
  --json                  samenvatting als JSON op stdout
  -h, --help              deze hulp

Het invoerbestand wordt nooit overschreven zonder --in-place.`;

function printSummary(io: Io, input: string, output: string, summary: RecalcSummary, json: boolean): void {
  if (json) {
    io.out(JSON.stringify({ input, output, ...summary }, null, 2));
    return;
  }
  io.out(`${summary.formulas} formules herberekend in ${summary.sheets} blad(en); geschreven naar ${output}`);
  if (summary.errors.length === 0) {
    io.out("Geen fouten.");
    return;
  }
  io.out(`${summary.errors.length} formule(s) met een fout:`);
  for (const e of summary.errors) io.out(`  ${e.cell}: ${e.code}${e.message ? ` ${e.message}` : ""}`);
}

async function recalc(args: string[], io: Io): Promise<number> {
  let input: string | undefined;
  let output: string | undefined;
  let inPlace = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-h" || a === "--help") {
      io.out(HELP_RECALC);
      return 0;
    } else if (a === "-o" || a === "--output") {
      output = args[++i];
      if (!output) return usage(io, "Na -o hoort een bestandsnaam.", HELP_RECALC);
    } else if (a === "--in-place") inPlace = true;
    else if (a === "--json") json = true;
    else if (a.startsWith("-")) return usage(io, `Onbekende optie: ${a}`, HELP_RECALC);
    else if (!input) input = a;
    else return usage(io, `Eén invoerbestand tegelijk (ook gekregen: ${a}).`, HELP_RECALC);
  }
  if (!input) return usage(io, "Geef het .xlsx-bestand dat herberekend moet worden.", HELP_RECALC);
  if (inPlace && output) return usage(io, "Kies -o of --in-place, niet allebei.", HELP_RECALC);
  const target = inPlace ? input : (output ?? defaultOutput(input));
  if (!inPlace && resolve(target) === resolve(input)) {
    return usage(io, "Het uitvoerbestand is het invoerbestand; gebruik --in-place als u dat wilt.", HELP_RECALC);
  }
  try {
    const workbook = await readWorkbook(input);
    const summary = recalcWorkbook(workbook, (message) => io.err(message));
    await writeWorkbook(workbook, target);
    printSummary(io, input, target, summary, json);
    return 0;
  } catch (error) {
    if (error instanceof WorkbookError) {
      io.err(`Fout: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

function usage(io: Io, message: string, help: string): number {
  io.err(`${message}\n\n${help}`);
  return 1;
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    io.out(HELP);
    return command ? 0 : 1;
  }
  if (command === "--version" || command === "-v") {
    io.out(ENGINE_VERSION);
    return 0;
  }
  if (command === "eval") {
    if (rest[0] === "-h" || rest[0] === "--help") {
      io.out(HELP_EVAL);
      return 0;
    }
    if (rest.length !== 1)
      return usage(
        io,
        'Geef precies één formule, tussen aanhalingstekens: nl-aftrek eval "=NL.KIA(2025, 10000)"',
        HELP_EVAL,
      );
    io.out(formatValue(evaluateFormula(rest[0])));
    return 0;
  }
  if (command === "recalc") return recalc(rest, io);
  return usage(io, `Onbekende opdracht: ${command}`, HELP);
}
