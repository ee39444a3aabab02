/**
 * `nl-aftrek controleer`: the hard-coded tax numbers of workbooks, as a Dutch report grouped by
 * sheet or as JSON (reads with the one package reader, never writes); with --vervang, copies in
 * which they are replaced, with proof (vervang.ts).
 */
import { parseSelection, SelectionItem } from "../audit/conversion";
import { yearsText } from "../audit/reportText";
import { auditWorkbook } from "../audit/workbookAudit";
import { findingRunKey, runAddress, runsDown } from "../audit/runs";
import type { Finding } from "../audit/scan";
import { findParameter } from "../rules/parameters";
import { dutchDecimals, dutchFormula } from "../workbook/formula/dutch";
import { collectInputs, failure, skippedLine } from "./batch";
import { EXIT_INTERNAL } from "./exitCodes";
import { dutchCount } from "../rules/dutch";
import type { Io } from "./main";
import { vervang } from "./vervang";

export const HELP_CONTROLEER = `nl-aftrek controleer <bestand of map>... [--json]
nl-aftrek controleer <bestand of map>... --vervang -o <bestand of map> [--alleen <lijst>] [--json]

Zoekt in werkmappen naar belastingbedragen en -percentages die in formules of naast een label
vast zijn ingetikt (2470, 0,127, 35,75 onder een "%"-label, een KIA-tabel in een ALS-keten), met
de jaren waarin dat de officiële waarde was en de NL-formule die ervoor in de plaats kan. Elk getal
wordt getoetst aan het jaar waarvoor het bedoeld is: de kolomkop erboven (2026, 2027), een cel
"Jaar" of "Belastingjaar", de titel of naam van het blad, of de bestandsnaam. Een map wordt
doorzocht op .xlsx- en .xlsm-bestanden (ook in submappen). De bestanden worden alleen gelezen.

  --json         de bevindingen als JSON: {"findings": [{"cell", "value", "parameter", "years",
                 "year", "yearSource", "status", "confidence", "suggestion", ...}]}
  --vervang      schrijf een kopie waarin de bevindingen door hun NL-formules zijn vervangen,
                 herberekend, met ernaast een rapport (<naam>.rapport.md; met --json ook
                 <naam>.rapport.json): per cel wat er stond en wat er nu staat, de waarde voor en
                 na, en waarom die verschillen. Een map geeft een kopie en rapport per werkmap en
                 een samenvatting (samenvatting.md). Het origineel wordt nooit overschreven.
  -o, --output   bij --vervang: het uitvoerbestand of de map (verplicht)
  --alleen       bij --vervang: alleen deze cellen, bereiken of parameters, gescheiden door komma's
                 (Aangifte!B4,C2:C40,zelfstandigenaftrek); zonder blad op elk blad. Standaard
                 alles, behalve getallen die voor hun jaar nog niet te controleren zijn (2027 waar
                 de regels dat jaar nog niet kennen): die worden alleen vervangen als u de cel noemt.
  -h, --help     deze hulp

Een formule die een kolom is doorgetrokken (hetzelfde getal in elke cel onder elkaar) staat in het
rapport één keer, als bereik; de JSON noemt elke cel apart.

Zekerheid: "hoog" voor een getal dat alleen een belastingregel gebruikt of voor meer getallen van
één regel samen; "laag" voor een rond getal dat alleen door zijn label opvalt.
Exitcode 0 zonder bevindingen, 1 met bevindingen, 2 als een bestand of map niet te lezen was
(de andere worden wel gecontroleerd), 4 bij een interne fout in NL Aftrek zelf. Met --vervang: 0
als elke werkmap is omgezet, 2 als een werkmap niet te lezen of te schrijven was.`;

interface FileFindings {
  readonly file: string;
  readonly findings: readonly Finding[];
}

/** How the number stands against its year, for the report line: "; verouderd voor 2026 (kolomkop B3)". */
function statusText(f: Finding): string {
  switch (f.status) {
    case "verouderd":
      return `; verouderd voor ${f.year} (${f.yearSource})`;
    case "actueel":
      return `; actueel voor ${f.year} (${f.yearSource})`;
    case "nog-niet-bekend":
      return `; nog niet te controleren voor ${f.year} (${f.yearSource}): de regels kennen dat jaar nog niet`;
    case "geen-jaar":
      return "";
  }
}

function printFile(io: Io, { file, findings }: FileFindings): void {
  if (!findings.length) {
    io.out(`${file}: geen vast ingetikte belastingbedragen gevonden.`);
    return;
  }
  io.out(`${file}: ${findings.length} bevinding(en)`);
  let sheet: string | null = null;
  // A formula filled down a column is listed once, by its first cell (see runsDown).
  for (const run of runsDown(findings, findingRunKey)) {
    const f = run.items[0];
    const cells = run.items.length;
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      io.out(`  Blad ${sheet}`);
    }
    const stale = statusText(f);
    const where = runAddress(run);
    const count = cells === 1 ? "" : ` (${dutchCount(cells)} cellen onder elkaar)`;
    // As the bookkeeper sees and types them in Dutch Excel (the JSON keeps the file's notation).
    const host = { row: f.row, col: f.col };
    const written = dutchDecimals(f.written);
    io.out(
      `    ${where.padEnd(6)} ${written} = ${f.parameter} (${yearsText(f.years)}), zekerheid ${f.confidence}${stale}${count}`,
    );
    io.out(
      `           nu:      ${f.current.startsWith("=") ? dutchFormula(f.current, host) : dutchDecimals(f.current)}`,
    );
    io.out(
      `           voorstel: ${dutchFormula(f.suggestion, host)}${count ? ` (voor ${f.address}; de andere cellen elk voor hun eigen rij)` : ""}`,
    );
  }
}

/** The JSON of the findings, written finding by finding: a big workbook has more than one string can hold. */
function printJson(io: Io, done: readonly FileFindings[], failed: readonly { file: string; error: string }[]): void {
  const indent = (text: string) => text.replace(/^/gm, "    ");
  let previous: string | null = null;
  io.out("{");
  for (const { file, findings } of done) {
    for (const f of findings) {
      if (previous === null) io.out('  "findings": [');
      else io.out(`${previous},`);
      previous = indent(
        JSON.stringify(
          {
            cell: f.cell,
            value: f.value,
            parameter: f.parameter,
            years: f.years,
            confidence: f.confidence,
            suggestion: f.suggestion,
            file,
            written: f.written,
            current: f.current,
            stale: f.stale,
            year: f.year,
            yearSource: f.yearSource,
            status: f.status,
            official: f.official,
            wholePercent: f.wholePercent,
            label: f.label,
          },
          null,
          2,
        ),
      );
    }
  }
  const errors = failed.length ? `,\n  "errors": ${JSON.stringify(failed, null, 2).replace(/\n/g, "\n  ")}` : "";
  io.out(previous === null ? `  "findings": []${errors}` : `${previous}\n  ]${errors}`);
  io.out("}");
}

function usage(io: Io, message: string): number {
  io.err(`${message}\n\n${HELP_CONTROLEER}`);
  return 2;
}

export async function controleer(args: string[], io: Io): Promise<number> {
  const inputs: string[] = [];
  let json = false;
  let replace = false;
  let output: string | null = null;
  let selection: SelectionItem[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-h" || a === "--help") {
      io.out(HELP_CONTROLEER);
      return 0;
    } else if (a === "--json") json = true;
    else if (a === "--vervang") replace = true;
    else if (a === "-o" || a === "--output") {
      output = args[++i] ?? null;
      if (!output) return usage(io, "Na -o hoort een bestandsnaam of map.");
    } else if (a === "--alleen") {
      const list = args[++i];
      if (!list)
        return usage(
          io,
          "Na --alleen hoort een lijst van cellen of parameters, zoals Aangifte!B4,zelfstandigenaftrek.",
        );
      const parsed = parseSelection(list, (name) => findParameter(name) !== undefined);
      if ("error" in parsed) return usage(io, `Fout in --alleen: ${parsed.error}`);
      selection = parsed.items;
    } else if (a.startsWith("-")) return usage(io, `Onbekende optie: ${a}`);
    else inputs.push(a);
  }
  if (!inputs.length) return usage(io, "Geef de werkmap(pen) of map die gecontroleerd moet(en) worden.");
  if (!replace && (output || selection)) return usage(io, `${output ? "-o" : "--alleen"} hoort bij --vervang.`);
  if (replace) {
    if (!output)
      return usage(
        io,
        "Geef met -o waar de kopie komt (een bestand of een map); het origineel wordt nooit overschreven.",
      );
    return vervang({ inputs, output, selection, json }, io);
  }
  const { files, missing, skipped, unreadable } = await collectInputs(inputs);
  for (const m of missing) io.err(`Fout: ${m}: bestand of map niet gevonden.`);
  if (!files.length && !missing.length && !unreadable.length) io.err("Geen .xlsx- of .xlsm-bestanden gevonden.");
  if (!files.length && skipped.length) io.err(skippedLine(skipped, "controleren"));
  const done: FileFindings[] = [];
  // A folder or file that cannot be read is reported with the files that cannot.
  const failed: Array<{ file: string; error: string }> = unreadable.map((u) => ({ file: u.path, error: u.error }));
  let internal = false;
  for (const file of files) {
    try {
      done.push(await auditWorkbook(file));
    } catch (error) {
      const f = failure(file, error);
      failed.push({ file, error: f.message });
      internal ||= f.unexpected;
    }
  }
  const total = done.reduce((n, d) => n + d.findings.length, 0);
  if (json) printJson(io, done, failed);
  else {
    for (const d of done) printFile(io, d);
    for (const f of failed) io.err(`Fout: ${f.error}`);
    if (done.length + failed.length > 1) {
      io.out(`Samen: ${total} bevinding(en) in ${done.length} bestand(en); ${failed.length} niet te lezen.`);
    }
    if (files.length && skipped.length) io.err(skippedLine(skipped, "controleren"));
  }
  if (internal) return EXIT_INTERNAL;
  if (failed.length || missing.length || !files.length) return 2;
  return total ? 1 : 0;
}
