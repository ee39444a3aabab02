/**
 * The words of a conversion report, in Dutch: values as a Dutch reader writes them, why a value
 * changed, and the report as Markdown (one per file, and a summary for a folder). Formulas are
 * shown as Dutch Excel shows them (ALS, `;`, a decimal comma); the JSON keeps the file's notation.
 */
import Decimal from "decimal.js";
import { dutchNumber } from "../rules/dutch";
import { parseA1 } from "../workbook/address";
import { dutchDecimals, dutchFormula } from "../workbook/formula/dutch";
import { DUTCH_ERRORS } from "../workbook/formula/ast";
import type { ConversionReport, Outcome, ReportRow, ReportValue } from "./conversionReport";
import type { Finding } from "./scan";

const DUTCH_ERROR_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(DUTCH_ERRORS).map(([dutch, english]) => [english, dutch]),
);

/** A number as a Dutch reader writes it, with at most 15 significant digits (4,85, not 4,8500000000000005). */
export function numberText(v: number): string {
  return dutchNumber(new Decimal(v.toPrecision(15)));
}

/** A cell's value in Dutch: a number, "tekst", WAAR/ONWAAR, an error as Dutch Excel shows it, or (leeg). */
export function valueText(v: ReportValue | undefined): string {
  if (v === null || v === undefined) return "(leeg)";
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  if (typeof v === "string") return `"${v}"`;
  return DUTCH_ERROR_OF[v.error] ?? v.error;
}

/** A parameter's value in its unit: 1.200, 35,75%, 1.225 uur. */
function amountText(value: number, unit: string): string {
  if (unit === "procent") return `${numberText(Number((value * 100).toPrecision(12)))}%`;
  return unit === "uren" ? `${numberText(value)} uur` : numberText(value);
}

/** Years as ranges: 2022–2024, 2026. */
export function yearsText(years: readonly number[]): string {
  const ranges: string[] = [];
  let start = years[0];
  for (let i = 1; i <= years.length; i++) {
    if (years[i] !== years[i - 1] + 1) {
      ranges.push(start === years[i - 1] ? String(start) : `${start}–${years[i - 1]}`);
      start = years[i];
    }
  }
  return ranges.join(", ");
}

/** A number as it was written, in Dutch: 3.750, 35,75, 12,7%, 4,85/100. */
const writtenText = (written: string) =>
  /^\d+(\.\d+)?$/.test(written) ? numberText(Number(written)) : dutchDecimals(written);

/** What a stale number was, and what it is in the year checked: "3.750 = zelfstandigenaftrek van 2024; in 2026 1.200". */
function staleText(f: Finding): string {
  return `${writtenText(f.written)} = ${f.parameter} van ${yearsText(f.years)}; in ${f.year} ${amountText(f.official!, f.unit)}`;
}

const plural = (n: number, one: string, more: string) => (n === 1 ? one : more);

/** Why a replaced cell has the value it has after the conversion. */
export function reasonText(
  outcome: Outcome,
  findings: readonly Finding[],
  after: ReportValue,
  upstream: readonly string[],
  notComputed?: string,
): string {
  const first = findings[0];
  const stale = findings.filter((f) => f.stale === true);
  const where = first.year === null ? "" : `${first.year} (${first.yearSource})`;
  switch (outcome) {
    case "gelijk":
      if (stale.length)
        return `gelijk bij deze invoer, al was het getal verouderd voor ${where}: ${stale.map(staleText).join("; ")}`;
      if (first.year === null)
        return "gelijk; de werkmap noemt geen jaar: de NL-formule rekent met het jaar waarin de getallen golden";
      return `gelijk; de getallen zijn actueel voor ${where}`;
    case "verouderd":
      return `verouderd voor ${where}: ${stale.map(staleText).join("; ")}`;
    case "gevolg":
      return `volgt uit ${upstream.join(", ")}, ${plural(upstream.length, "die", "die")} een andere waarde ${plural(upstream.length, "kreeg", "kregen")}${where ? `; de getallen van deze cel zijn actueel voor ${where}` : ""}`;
    case "afwijking":
      return `verschilt, hoewel de getallen actueel zijn${where ? ` voor ${where}` : ""}: ${first.caveat ?? "de oude formule rekende anders dan de NL-formule"}; controleer deze cel`;
    case "niet-berekend":
      return `niet zonder Excel te berekenen (${notComputed}); Excel rekent de cel uit bij het openen`;
    case "fout": {
      const unknown = findings.find((f) => f.status === "nog-niet-bekend");
      const code = valueText(after);
      if (unknown) return `de NL-formule geeft ${code}: de regels kennen ${unknown.parameter} voor ${where} nog niet`;
      const message =
        typeof after === "object" && after !== null && "message" in after && after.message ? `: ${after.message}` : "";
      return `de NL-formule geeft ${code}${message}`;
    }
  }
}

/** Why a cell that depends on replaced ones got another value: the changed cells it reads, where they are known. */
export function dependentText(upstream: readonly string[], rows: readonly ReportRow[]): string {
  if (upstream.length) return `volgt uit ${upstream.join(", ")}`;
  const causes = rows.filter((r) => !r.equal).map((r) => r.cell);
  const shown = causes.slice(0, 5).join(", ") + (causes.length > 5 ? ` en ${causes.length - 5} andere` : "");
  return causes.length
    ? `hangt af van vervangen ${plural(causes.length, "cel", "cellen")} met een andere waarde (${shown})`
    : "herberekend na het vervangen";
}

/** Text for a Markdown table cell: no line breaks, `|` escaped. */
const cellText = (text: string) => text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
const code = (text: string) => (text ? `\`${cellText(text).replace(/`/g, "'")}\`` : "");

/** A formula (or a constant) as Dutch Excel shows it in the cell at `host`. */
const shown = (formula: string, host: { row: number; col: number }) =>
  formula.startsWith("=") ? dutchFormula(formula, host) : dutchDecimals(formula);

function beforeText(row: ReportRow): string {
  const stored = row.storedBefore !== undefined ? ` (opgeslagen door Excel: ${valueText(row.storedBefore)})` : "";
  return `${valueText(row.valueBefore)}${stored}`;
}

/** The counts of a report in one sentence. */
export function countsText(report: ConversionReport): string {
  const c = report.counts;
  const n = numberText;
  const parts = [`${n(c.replaced)} ${plural(c.replaced, "cel", "cellen")} vervangen`];
  if (c.replaced) parts.push(`${n(c.equal)} met dezelfde waarde`);
  if (c.stale) parts.push(`${n(c.stale)} anders omdat het getal verouderd was`);
  if (c.following) parts.push(`${n(c.following)} anders als gevolg daarvan`);
  if (c.unexplained) parts.push(`${n(c.unexplained)} anders zonder verouderd getal (controleren)`);
  if (c.errors) parts.push(`${n(c.errors)} met een foutwaarde`);
  if (c.notComputed) parts.push(`${n(c.notComputed)} niet zonder Excel te berekenen`);
  if (c.skipped) parts.push(`${n(c.skipped)} niet vervangen`);
  return parts.join(", ");
}

/** The report of one file, as Markdown. */
export function reportMarkdown(report: ConversionReport): string {
  const lines: string[] = [`# Vervangen in ${report.file}`, ""];
  if (report.output) lines.push(`Kopie: \`${report.output}\` (het origineel is niet gewijzigd).`, "");
  lines.push(`${countsText(report)}.`, "");
  if (report.rows.length) {
    lines.push(
      "## Vervangen cellen",
      "",
      "| Blad | Cel | Stond er | Staat er nu | Waarde voor | Waarde na | Waarom |",
      "|---|---|---|---|---|---|---|",
    );
    for (const row of report.rows) {
      const host = parseA1(row.address)!;
      lines.push(
        `| ${cellText(row.sheet)} | ${row.address} | ${code(shown(row.before, host))} | ${code(shown(row.after, host))} | ${cellText(beforeText(row))} | ${cellText(valueText(row.valueAfter))} | ${cellText(row.reason)} |`,
      );
    }
    lines.push("");
  }
  if (report.dependents.length) {
    lines.push(
      "## Cellen die ervan afhangen en een andere waarde kregen",
      "",
      "| Cel | Waarde voor | Waarde na | Waarom |",
      "|---|---|---|---|",
    );
    for (const d of report.dependents)
      lines.push(
        `| ${cellText(d.cell)} | ${cellText(valueText(d.valueBefore))} | ${cellText(valueText(d.valueAfter))} | ${cellText(d.reason)} |`,
      );
    lines.push("");
  }
  if (report.dependentsEqual) {
    lines.push(
      `${report.dependentsEqual} andere ${plural(report.dependentsEqual, "cel hangt", "cellen hangen")} af van de vervangen cellen en ${plural(report.dependentsEqual, "houdt haar", "houden hun")} waarde (tot op de cent).`,
      "",
    );
  }
  if (report.skipped.length) {
    lines.push("## Niet vervangen", "");
    for (const s of report.skipped) lines.push(`- ${cellText(s.cell)}: ${cellText(s.reason)}`);
    lines.push("");
  }
  if (report.spelledOut.length) {
    lines.push(
      "## Gedeelde formule uitgeschreven",
      "",
      `Deze cellen deelden hun formule met een vervangen cel; ze hebben nu dezelfde formule als eigen formule: ${report.spelledOut.join(", ")}.`,
      "",
    );
  }
  if (report.unmatched.length) {
    lines.push(
      "## Niet gevonden",
      "",
      `Deze keuze${report.unmatched.length === 1 ? "" : "s"} noemde niets in deze werkmap: ${report.unmatched.map(code).join(", ")}.`,
      "",
    );
  }
  if (report.notRecalculated.length) {
    lines.push("## Niet herberekend", "", "Excel rekent deze cellen bij het openen opnieuw uit.", "");
    for (const n of report.notRecalculated) lines.push(`- ${cellText(n.cell)}: ${cellText(n.reason)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** The report of one file as the JSON beside it: the file's notation, values as they are. */
export function reportJson(report: ConversionReport): unknown {
  return {
    file: report.file,
    output: report.output,
    counts: report.counts,
    cells: report.rows.map((r) => ({
      cell: r.cell,
      sheet: r.sheet,
      address: r.address,
      before: r.before,
      after: r.after,
      valueBefore: r.valueBefore,
      ...(r.storedBefore !== undefined ? { storedBefore: r.storedBefore } : {}),
      valueAfter: r.valueAfter,
      equal: r.equal,
      stale: r.stale,
      outcome: r.outcome,
      reason: r.reason,
      findings: r.findings.map((f) => ({
        written: f.written,
        parameter: f.parameter,
        years: f.years,
        year: f.year,
        yearSource: f.yearSource,
        status: f.status,
        official: f.official,
      })),
    })),
    dependents: report.dependents,
    dependentsEqual: report.dependentsEqual,
    skipped: report.skipped.map((s) => ({ cell: s.cell, reason: s.reason })),
    unmatched: report.unmatched,
    spelledOut: report.spelledOut,
    notRecalculated: report.notRecalculated,
  };
}
