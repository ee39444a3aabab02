/**
 * "Werkmap controleren": reads every sheet through the Excel API (in batches, with progress),
 * lists the hard-coded tax numbers the audit finds, jumps to a cell, and replaces the cells the
 * user picks by the suggested NL formula, after showing before and after, in one write batch.
 */
import { sheetFromGrid } from "../audit/grid";
import { findingRunKey, Run, runAddress, runsDown } from "../audit/runs";
import { auditSheets, Finding } from "../audit/scan";
import { askInPane } from "./confirm";
import { el } from "./dom";
import { excelReason, FormulaChange, goToCell, readSheets, replaceFormulas, SheetContent } from "./excel";
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
}

export function newAuditState(): AuditState {
  return { entries: null, picked: new Set(), status: "" };
}

const keyOf = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address}`;
/** An entry is known by its first cell. */
const entryKey = (e: Entry) => keyOf(e.items[0]);
/** Cells whose findings are the same number for the same parameter, in the same column. */
const cellRunKey = (c: CellFindings) => c.findings.map(findingRunKey).join("\u0001");
const cellCount = (entries: readonly Entry[]) => entries.reduce((n, e) => n + e.items.length, 0);

function group(findings: readonly Finding[], contents: readonly SheetContent[]): CellFindings[] {
  const raw = new Map<string, string>();
  for (const sc of contents) {
    sc.formulas.forEach((line, r) =>
      line.forEach((f, c) => {
        const row = sc.rowIndex + r + 1;
        const col = sc.columnIndex + c + 1;
        if (f !== "" && f !== null && f !== undefined) raw.set(`${sc.name}!${row}:${col}`, String(f));
      }),
    );
  }
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) byCell.set(keyOf(f), [...(byCell.get(keyOf(f)) ?? []), f]);
  return [...byCell.values()].map((list) => {
    const first = list[0];
    return {
      sheet: first.sheet,
      address: first.address,
      row: first.row,
      col: first.col,
      findings: list,
      before: raw.get(`${first.sheet}!${first.row}:${first.col}`) ?? first.current,
      after: first.suggestion,
    };
  });
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

function describeFinding(f: Finding, t: Strings): string {
  const years = f.years.length > 3 ? `${f.years[0]}–${f.years[f.years.length - 1]}` : f.years.join(", ");
  const stale = f.stale ? `; ${t.auditStale(String(f.year))}` : "";
  return `${t.auditNumber(f.written)} = ${f.parameter} (${years}), ${t.auditConfidence[f.confidence]}${stale}`;
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
      const sheets = contents.map((c) => sheetFromGrid(c.name, c.rowIndex, c.columnIndex, c.formulas, c.values));
      state.entries = runsDown(group(auditSheets(sheets), contents), cellRunKey);
      state.picked = new Set();
      state.status = state.entries.length ? t.auditFound(cellCount(state.entries)) : t.auditNone;
    } catch (error) {
      state.status = t.excelRefused(excelReason(error));
    }
    rerender();
  });
  root.append(el("div", { class: "buttons" }, run), progress);
  if (!state.entries?.length) return root;

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
    const changes: FormulaChange[] = picked.flatMap((e) =>
      e.items.map((c) => ({ sheet: c.sheet, address: c.address, before: c.before, after: c.after })),
    );
    try {
      const { written, skipped, refused } = await replaceFormulas(changes);
      const done = new Set(written.map(keyOf));
      // What is left of each entry: its cells not written (skipped, or not picked), still in runs.
      const left = (state.entries ?? []).flatMap((e) => e.items).filter((c) => !done.has(keyOf(c)));
      state.entries = runsDown(left, cellRunKey);
      state.picked = new Set();
      const refusal = refused ? t.excelRefused(excelReason(refused)) : "";
      state.status =
        written.length || skipped.length
          ? `${t.auditReplaced(written.length, skipped.map(keyOf))}${refusal ? ` ${refusal}` : ""}`
          : refusal;
    } catch (error) {
      state.status = t.excelRefused(excelReason(error));
    }
    rerender();
  });
  root.append(el("div", { class: "buttons" }, all, replace), confirmHost, list);
  return root;
}
