/**
 * "Werkmap controleren": reads every sheet through the Excel API (in batches, with progress),
 * lists the hard-coded tax numbers the audit finds (with the year each is checked against), jumps
 * to a cell, and replaces the cells the user picks by their NL formula, after showing before and
 * after, in one write batch. What is replaced, and the report of it, are the ones `nl-aftrek
 * controleer --vervang` makes for a file (src/audit/conversion.ts, conversionReport.ts): the pane
 * only applies the plan through excel.ts and reads back what Excel computed.
 */
import { CellConversion, planConversion, SelectionItem, SkippedCell } from "../audit/conversion";
import { buildReport, ConversionReport, ReportValue } from "../audit/conversionReport";
import { percentCandidates, sheetFromGrid } from "../audit/grid";
import { countsText, reportMarkdown, valueText } from "../audit/reportText";
import { findingRunKey, Run, runAddress, runsDown } from "../audit/runs";
import { auditSheets, Finding } from "../audit/scan";
import { a1, parseA1 } from "../workbook/address";
import { EXCEL_ERRORS, OTHER_ERRORS } from "../workbook/formula/ast";
import { askInPane } from "./confirm";
import { el } from "./dom";
import {
  excelReason,
  FormulaChange,
  goToCell,
  readComputedValues,
  readNumberFormats,
  readSheets,
  replaceFormulas,
  SheetContent,
  workbookName,
} from "./excel";
import type { Strings } from "./i18n";

/** One cell with its findings (a formula can hold several tax numbers; they share one suggestion). */
interface CellFindings {
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly findings: readonly Finding[];
  /** The formula as Excel gave it when the sheets were read. */
  readonly before: string;
  readonly after: string;
  /** The value Excel showed when the sheets were read. */
  readonly value: unknown;
}

/**
 * One entry of the list: a cell, or a formula filled down a column with the same findings in
 * every cell (listed once, picked and replaced as a whole; each cell gets its own row's formula).
 */
type Entry = Run<CellFindings>;

/** What the view remembers between renders of the pane. */
export interface AuditState {
  entries: Entry[] | null;
  picked: Set<string>;
  status: string;
  /** The findings of the last check (the plan of a replacement is made from them). */
  findings: Finding[];
  /** The report of the last replacement. */
  report: ConversionReport | null;
}

export function newAuditState(): AuditState {
  return { entries: null, picked: new Set(), status: "", findings: [], report: null };
}

const keyOf = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address}`;
/** An entry is known by its first cell. */
const entryKey = (e: Entry) => keyOf(e.items[0]);
/** Cells whose findings are the same number for the same parameter, in the same column. */
const cellRunKey = (c: CellFindings) => c.findings.map(findingRunKey).join("\u0001");
const cellCount = (entries: readonly Entry[]) => entries.reduce((n, e) => n + e.items.length, 0);

function group(findings: readonly Finding[], contents: readonly SheetContent[]): CellFindings[] {
  const raw = new Map<string, { formula: unknown; value: unknown }>();
  const wanted = new Set(findings.map((f) => `${f.sheet}!${f.row}:${f.col}`));
  for (const sc of contents) {
    sc.formulas.forEach((line, r) =>
      line.forEach((f, c) => {
        const key = `${sc.name}!${sc.rowIndex + r + 1}:${sc.columnIndex + c + 1}`;
        if (wanted.has(key)) raw.set(key, { formula: f, value: sc.values[r]?.[c] });
      }),
    );
  }
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) byCell.set(keyOf(f), [...(byCell.get(keyOf(f)) ?? []), f]);
  return [...byCell.values()].map((list) => {
    const first = list[0];
    const read = raw.get(`${first.sheet}!${first.row}:${first.col}`);
    return {
      sheet: first.sheet,
      address: first.address,
      row: first.row,
      col: first.col,
      findings: list,
      before: read && read.formula !== "" && read.formula !== null ? String(read.formula) : first.current,
      after: first.suggestion,
      value: read?.value ?? null,
    };
  });
}

const ERRORS = new Set<string>([...EXCEL_ERRORS, ...OTHER_ERRORS]);

/** A value as Range.values gives it (an error as its text) in the report's terms. */
function reportValue(v: unknown): ReportValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" && ERRORS.has(v)) return { error: v };
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : null;
}

/** Asks in the pane to write the chosen replacements, listing each before and after. */
function confirmReplace(host: HTMLElement, entries: readonly Entry[], t: Strings): Promise<boolean> {
  return askInPane(host, {
    id: "audit-confirm",
    title: t.auditConfirm(cellCount(entries)),
    body: el(
      "ul",
      {},
      ...entries.map((e) =>
        el("li", {}, el("strong", {}, `${e.items[0].sheet}!${runAddress(e)}`), ...entryNotes(e, t)),
      ),
    ),
    yes: t.auditConfirmYes,
    no: t.confirmNo,
  });
}

/** Before and after of an entry's first cell, and for a run what the other cells get. */
function entryNotes(e: Entry, t: Strings): HTMLElement[] {
  const first = e.items[0];
  const host = { row: first.row, col: first.col };
  const notes = [
    el("div", { class: "note" }, `${t.auditBefore}: `, el("code", {}, t.auditFormula(first.before, host))),
    el("div", { class: "note" }, `${t.auditAfter}: `, el("code", {}, t.auditFormula(first.after, host))),
  ];
  if (e.items.length > 1) notes.push(el("div", { class: "note" }, t.auditRunNote(e.items.length, first.address)));
  return notes;
}

/** How a number stands against its year, as the list says it. */
function yearText(f: Finding, t: Strings): string {
  const where = `${f.year} (${f.yearSource})`;
  if (f.status === "verouderd") return `; ${t.auditStale(where)}`;
  if (f.status === "actueel") return `; ${t.auditCurrent(where)}`;
  if (f.status === "nog-niet-bekend") return `; ${t.auditNotKnown(where)}`;
  return "";
}

function describeFinding(f: Finding, t: Strings): string {
  const years = f.years.length > 3 ? `${f.years[0]}–${f.years[f.years.length - 1]}` : f.years.join(", ");
  return `${t.auditNumber(f.written)} = ${f.parameter} (${years}), ${t.auditConfidence[f.confidence]}${yearText(f, t)}`;
}

/** The picked cells as a selection: each named explicitly, as `--alleen` names cells. */
function selectionOf(entries: readonly Entry[]): SelectionItem[] {
  return entries.flatMap((e) =>
    e.items.map((c) => ({
      kind: "cells" as const,
      text: keyOf(c),
      sheet: c.sheet,
      r1: c.row,
      c1: c.col,
      r2: c.row,
      c2: c.col,
    })),
  );
}

/**
 * The report of a replacement, as the batch report has it: per cell what stood there and stands
 * there now, the value before and after, and why (one item per cell: a table does not fit a task
 * pane); the report itself as Markdown below.
 */
function renderReport(report: ConversionReport, t: Strings): HTMLElement {
  const [, , was, now, before, after, why] = t.auditReportColumns;
  const line = (label: string, ...content: Array<Node | string>) =>
    el("div", { class: "note" }, `${label}: `, ...content);
  const items = report.rows.map((r) => {
    const host = parseA1(r.address)!;
    return el(
      "li",
      { "data-cell": r.cell, "data-outcome": r.outcome },
      el("strong", {}, r.cell),
      line(was, el("code", {}, t.auditFormula(r.before, host))),
      line(now, el("code", {}, t.auditFormula(r.after, host))),
      line(
        `${before} → ${after}`,
        el("span", { class: "values" }, `${valueText(r.valueBefore)} → ${valueText(r.valueAfter)}`),
      ),
      line(why, r.reason),
    );
  });
  const section = el(
    "section",
    { id: "audit-report", "aria-labelledby": "audit-report-title" },
    el("h3", { id: "audit-report-title" }, t.auditReportTitle),
    el("p", {}, `${countsText(report)}.`),
    el("ul", { class: "findings report" }, ...items),
  );
  if (report.skipped.length) {
    section.append(
      el("h4", {}, t.auditReportSkipped),
      el("ul", { id: "audit-report-skipped" }, ...report.skipped.map((s) => el("li", {}, `${s.cell}: ${s.reason}`))),
    );
  }
  section.append(
    el(
      "details",
      {},
      el("summary", {}, t.auditReportMarkdown),
      el("pre", { id: "audit-report-md" }, reportMarkdown(report)),
    ),
  );
  return section;
}

export function renderAudit(state: AuditState, t: Strings, inExcel: boolean, rerender: () => void): HTMLElement {
  const root = el(
    "section",
    { "aria-labelledby": "audit-title" },
    el("h2", { id: "audit-title" }, t.auditTitle),
    el("p", { class: "note" }, t.auditHelp),
  );
  if (!inExcel) {
    root.append(el("p", { class: "status browser" }, t.auditBrowser));
    return root;
  }
  const progress = el("p", { id: "audit-progress", role: "status" }, state.status);
  const run = el("button", { type: "button", id: "audit-run" }, t.auditRun);
  const confirmHost = el("div");
  run.addEventListener("click", async () => {
    run.disabled = true;
    try {
      const contents = await readSheets((sheet, i, n, rows, total) => {
        progress.textContent = t.auditProgress(sheet, i + 1, n, rows, total);
      });
      // The number formats only of the numbers that may be whole percentages (35,75 in 0,00" %").
      const formats = await readNumberFormats(
        contents.flatMap((c) => percentCandidates(c.name, c.rowIndex, c.columnIndex, c.formulas)),
      );
      const sheets = contents.map((c) =>
        sheetFromGrid(c.name, c.rowIndex, c.columnIndex, c.formulas, c.values, (row, col) => {
          const f = formats.get(`${c.name}!${a1(row, col)}`);
          return typeof f === "string" ? f : undefined;
        }),
      );
      state.findings = auditSheets(sheets, { fileName: workbookName() });
      state.entries = runsDown(group(state.findings, contents), cellRunKey);
      state.picked = new Set();
      state.report = null;
      state.status = state.entries.length ? t.auditFound(cellCount(state.entries)) : t.auditNone;
    } catch (error) {
      state.status = t.excelRefused(excelReason(error));
    }
    rerender();
  });
  root.append(el("div", { class: "buttons" }, run), progress);
  const report = state.report ? renderReport(state.report, t) : null;
  if (!state.entries?.length) {
    if (report) root.append(report);
    return root;
  }

  const list = el("ul", { class: "findings", id: "audit-list" });
  state.entries.forEach((entry, i) => {
    const first = entry.items[0];
    const box = el("input", { type: "checkbox", id: `audit-pick-${i + 1}` });
    box.checked = state.picked.has(entryKey(entry));
    box.addEventListener("change", () => {
      if (box.checked) state.picked.add(entryKey(entry));
      else state.picked.delete(entryKey(entry));
    });
    const where = runAddress(entry);
    const go = el("button", { type: "button", class: "link", id: `audit-go-${i + 1}` }, `${first.sheet}!${where}`);
    go.addEventListener("click", () => void goToCell(first.sheet, where).catch(() => undefined));
    list.append(
      el(
        "li",
        { "data-cell": entryKey(entry) },
        el("div", { class: "check" }, box, el("label", { for: `audit-pick-${i + 1}` }, t.auditPick), go),
        ...first.findings.map((f) =>
          el("div", { class: f.confidence === "hoog" ? "finding" : "finding low" }, describeFinding(f, t)),
        ),
        ...entryNotes(entry, t),
      ),
    );
  });
  const all = el("button", { type: "button", class: "secondary", id: "audit-all" }, t.auditAll);
  all.addEventListener("click", () => {
    for (const e of state.entries ?? []) state.picked.add(entryKey(e));
    rerender();
  });
  const replace = el("button", { type: "button", id: "audit-replace" }, t.auditReplace);
  replace.addEventListener("click", async () => {
    const picked = (state.entries ?? []).filter((e) => state.picked.has(entryKey(e)));
    if (!picked.length) {
      progress.textContent = t.auditPickFirst;
      return;
    }
    if (!(await confirmReplace(confirmHost, picked, t))) {
      progress.textContent = t.cancelled;
      return;
    }
    // The same plan as `controleer --vervang --alleen <these cells>`.
    const plan = planConversion(state.findings, selectionOf(picked));
    const cells = new Map(picked.flatMap((e) => e.items).map((c) => [keyOf(c), c]));
    const changes: FormulaChange[] = plan.cells.map((c) => ({
      sheet: c.sheet,
      address: c.address,
      before: cells.get(keyOf(c))?.before ?? c.before,
      after: c.after,
    }));
    try {
      const { written, skipped, refused } = await replaceFormulas(changes);
      const done = new Set(written.map(keyOf));
      // What is left of each entry: its cells not written (skipped, or not picked), still in runs.
      const left = (state.entries ?? []).flatMap((e) => e.items).filter((c) => !done.has(keyOf(c)));
      state.entries = runsDown(left, cellRunKey);
      state.picked = new Set();
      state.report = null;
      const refusal = refused ? t.excelRefused(excelReason(refused)) : "";
      state.status =
        written.length || skipped.length
          ? `${t.auditReplaced(written.length, skipped.map(keyOf))}${refusal ? ` ${refusal}` : ""}`
          : refusal;
      rerender();
      // The report, once Excel has computed the new formulas.
      const values = written.length ? await readComputedValues(written) : new Map<string, unknown>();
      const planned = new Map(plan.cells.map((p) => [keyOf(p), p]));
      const changedMeanwhile = new Set(skipped.map(keyOf));
      const notWritten = changes
        .filter((c) => !done.has(keyOf(c)))
        .map((c): SkippedCell => {
          const p = planned.get(keyOf(c))!;
          return {
            cell: p.cell,
            sheet: p.sheet,
            address: p.address,
            findings: p.findings,
            reason: changedMeanwhile.has(keyOf(c)) ? t.auditChangedMeanwhile : refusal,
          };
        });
      state.report = buildReport({
        file: workbookName() ?? t.auditThisWorkbook,
        output: null,
        plan,
        values: (c: CellConversion) =>
          done.has(keyOf(c))
            ? { before: reportValue(cells.get(keyOf(c))?.value), after: reportValue(values.get(keyOf(c))) }
            : null,
        notWritten,
      });
    } catch (error) {
      state.status = t.excelRefused(excelReason(error));
    }
    rerender();
  });
  root.append(el("div", { class: "buttons" }, all, replace), confirmHost, list);
  if (report) root.append(report);
  return root;
}
