/**
 * `nl-aftrek controleer`: the hard-coded tax numbers of workbooks, as a Dutch report grouped by
 * sheet or as JSON. Reads with the one package reader; never writes.
 */
import { auditWorkbook } from "../audit/workbookAudit";
import { findingRunKey, runAddress, runsDown } from "../audit/runs";
import type { Finding } from "../audit/scan";
import { dutchDecimals, dutchFormula } from "../workbook/formula/dutch";
import { collectInputs, failure, skippedLine } from "./batch";
import { nl } from "./format";
import type { Io } from "./main";

export const HELP_CONTROLEER = `nl-aftrek controleer <bestand of map>... [--json]

Zoekt in werkmappen naar belastingbedragen en -percentages die in formules of naast een label
vast zijn ingetikt (2470, 0,127, een KIA-tabel in een ALS-keten), met de jaren waarin dat de
officiële waarde was en de NL-formule die ervoor in de plaats kan. Een map wordt doorzocht op
.xlsx- en .xlsm-bestanden (ook in submappen). De bestanden worden alleen gelezen.

  --json      de bevindingen als JSON: {"findings": [{"cell", "value", "parameter", "years",
              "confidence", "suggestion", ...}]}
  -h, --help  deze hulp

Een formule die een kolom is doorgetrokken (hetzelfde getal in elke cel onder elkaar) staat in het
rapport één keer, als bereik; de JSON noemt elke cel apart.

Zekerheid: "hoog" voor een getal dat alleen een belastingregel gebruikt of voor meer getallen van
één regel samen; "laag" voor een rond getal dat alleen door zijn label opvalt.
Exitcode 0 zonder bevindingen, 1 met bevindingen, 2 als een bestand of map niet te lezen was
(de andere worden wel gecontroleerd), 3 bij een interne fout in NL Aftrek zelf.`;

interface FileFindings {
  readonly file: string;
  readonly findings: readonly Finding[];
}

const yearsText = (years: readonly number[]) => {
  const ranges: string[] = [];
  let start = years[0];
  for (let i = 1; i <= years.length; i++) {
    if (years[i] !== years[i - 1] + 1) {
      ranges.push(start === years[i - 1] ? String(start) : `${start}–${years[i - 1]}`);
      start = years[i];
    }
  }
  return ranges.join(", ");
};

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
    const stale = f.stale ? `; verouderd voor ${f.year}` : "";
    const where = runAddress(run);
    const count = cells === 1 ? "" : ` (${nl(cells)} cellen onder elkaar)`;
    // As the bookkeeper sees and types them in Dutch Excel (the JSON keeps the file's notation).
    const host = { row: f.row, col: f.col };
    const written = dutchDecimals(f.written);
    io.out(
      `    ${where.padEnd(6)} ${written} = ${f.parameter} (${yearsText(f.years)}), zekerheid ${f.confidence}${stale}${count}`,
    );
    io.out(`           nu:      ${dutchFormula(f.current, host)}`);
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

export async function controleer(args: string[], io: Io): Promise<number> {
  const inputs: string[] = [];
  let json = false;
  for (const a of args) {
    if (a === "-h" || a === "--help") {
      io.out(HELP_CONTROLEER);
      return 0;
    } else if (a === "--json") json = true;
    else if (a.startsWith("-")) {
      io.err(`Onbekende optie: ${a}\n\n${HELP_CONTROLEER}`);
      return 2;
    } else inputs.push(a);
  }
  if (!inputs.length) {
    io.err(`Geef de werkmap(pen) of map die gecontroleerd moet(en) worden.\n\n${HELP_CONTROLEER}`);
    return 2;
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
  if (internal) return 3;
  if (failed.length || missing.length || !files.length) return 2;
  return total ? 1 : 0;
}
