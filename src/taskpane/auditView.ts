/**
 * "Werkmap controleren": reads every sheet through the Excel API (in batches, with progress),
 * lists the hard-coded tax numbers the audit finds, jumps to a cell, and replaces the cells the
 * user picks by the suggested NL formula, after showing before and after, in one write batch.
 */
import { sheetFromGrid } from "../audit/grid";
import { auditSheets, Finding } from "../audit/scan";
import { askInPane } from "./confirm";
import { el } from "./dom";
import { excelReason, FormulaChange, goToCell, readSheets, replaceFormulas, SheetContent } from "./excel";
import type { Strings } from "./i18n";

/** One cell with its findings (a formula can hold several tax numbers; they share one suggestion). */
interface CellFindings {
  readonly sheet: string;
  readonly address: string;
  readonly findings: readonly Finding[];
  /** The formula as Excel gave it when the sheets were read. */
  readonly before: string;
  readonly after: string;
}

/** What the view remembers between renders of the pane. */
export interface AuditState {
  cells: CellFindings[] | null;
  picked: Set<string>;
  status: string;
}

export function newAuditState(): AuditState {
  return { cells: null, picked: new Set(), status: "" };
}

const keyOf = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address}`;

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
      findings: list,
      before: raw.get(`${first.sheet}!${first.row}:${first.col}`) ?? first.current,
      after: first.suggestion,
    };
  });
}

/** Asks in the pane to write the chosen replacements, listing each before and after. */
function confirmReplace(host: HTMLElement, changes: readonly FormulaChange[], t: Strings): Promise<boolean> {
  return askInPane(host, {
    id: "audit-confirm",
    title: t.auditConfirm(changes.length),
    body: el(
      "ul",
      {},
      ...changes.map((c) =>
        el(
          "li",
          {},
          el("strong", {}, `${c.sheet}!${c.address}`),
          el("div", {}, `${t.auditBefore}: `, el("code", {}, c.before)),
          el("div", {}, `${t.auditAfter}: `, el("code", {}, c.after)),
        ),
      ),
    ),
    yes: t.auditConfirmYes,
    no: t.confirmNo,
  });
}

function describeFinding(f: Finding, t: Strings): string {
  const years = f.years.length > 3 ? `${f.years[0]}–${f.years[f.years.length - 1]}` : f.years.join(", ");
  const stale = f.stale ? `; ${t.auditStale(String(f.year))}` : "";
  return `${f.written} = ${f.parameter} (${years}), ${t.auditConfidence[f.confidence]}${stale}`;
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
      state.cells = group(auditSheets(sheets), contents);
      state.picked = new Set();
      state.status = state.cells.length ? t.auditFound(state.cells.length) : t.auditNone;
    } catch (error) {
      state.status = t.excelRefused(excelReason(error));
    }
    rerender();
  });
  root.append(el("div", { class: "buttons" }, run), progress);
  if (!state.cells?.length) return root;

  const list = el("ul", { class: "findings", id: "audit-list" });
  state.cells.forEach((cell, i) => {
    const box = el("input", { type: "checkbox", id: `audit-pick-${i + 1}` });
    box.checked = state.picked.has(keyOf(cell));
    box.addEventListener("change", () => {
      if (box.checked) state.picked.add(keyOf(cell));
      else state.picked.delete(keyOf(cell));
    });
    const go = el(
      "button",
      { type: "button", class: "link", id: `audit-go-${i + 1}` },
      `${cell.sheet}!${cell.address}`,
    );
    go.addEventListener("click", () => void goToCell(cell.sheet, cell.address).catch(() => undefined));
    list.append(
      el(
        "li",
        { "data-cell": keyOf(cell) },
        el("div", { class: "check" }, box, el("label", { for: `audit-pick-${i + 1}` }, t.auditPick), go),
        ...cell.findings.map((f) =>
          el("div", { class: f.confidence === "hoog" ? "finding" : "finding low" }, describeFinding(f, t)),
        ),
        el("div", { class: "note" }, `${t.auditBefore}: `, el("code", {}, cell.before)),
        el("div", { class: "note" }, `${t.auditAfter}: `, el("code", {}, cell.after)),
      ),
    );
  });
  const all = el("button", { type: "button", class: "secondary", id: "audit-all" }, t.auditAll);
  all.addEventListener("click", () => {
    for (const c of state.cells ?? []) state.picked.add(keyOf(c));
    rerender();
  });
  const replace = el("button", { type: "button", id: "audit-replace" }, t.auditReplace);
  replace.addEventListener("click", async () => {
    const changes = (state.cells ?? [])
      .filter((c) => state.picked.has(keyOf(c)))
      .map((c) => ({ sheet: c.sheet, address: c.address, before: c.before, after: c.after }));
    if (!changes.length) {
      progress.textContent = t.auditPickFirst;
      return;
    }
    if (!(await confirmReplace(confirmHost, changes, t))) {
      progress.textContent = t.cancelled;
      return;
    }
    try {
      const { written, skipped } = await replaceFormulas(changes);
      const done = new Set(written.map(keyOf));
      state.cells = (state.cells ?? []).filter((c) => !done.has(keyOf(c)));
      state.picked = new Set();
      state.status = t.auditReplaced(written.length, skipped.map(keyOf));
    } catch (error) {
      state.status = t.excelRefused(excelReason(error));
    }
    rerender();
  });
  root.append(el("div", { class: "buttons" }, all, replace), confirmHost, list);
  return root;
}
