/**
 * The task pane: scenarios (Dutch first, English available), comparison, explanation of the
 * selected cell, insertion into the workbook and the check for hard-coded tax numbers. What the user enters is saved as it changes: in
 * the workbook inside Excel, in the browser otherwise.
 */
import { allCoveredYears } from "../rules/officialValue";
import { ENGINE_VERSION, PARAMETERS_CHECKED_ON } from "../rules/version";
import { newAuditState, renderAudit } from "./auditView";
import { renderCompare } from "./compareView";
import { el } from "./dom";
import { activeCell, excelReason, onPaneVisibility, onSelectionChanged, recordedCall } from "./excel";
import { explainCell, Explanation, renderExplain } from "./explainView";
import { Lang, STRINGS } from "./i18n";
import { renderInsert } from "./insertView";
import { duplicate, emptyScenario, ScenarioInput } from "./scenarioModel";
import { renderResult, renderScenarioForm } from "./scenarioView";
import { readSaved, SavedPane } from "./savedState";
import { browserStorage, Storage, viewPreferences, workbookStorage } from "./storage";
import { applyFluentTheme } from "./theme";

type Tab = "scenario" | "compare" | "explain" | "insert" | "check";
const TABS: Tab[] = ["scenario", "compare", "explain", "insert", "check"];

interface PaneState {
  lang: Lang;
  tab: Tab;
  scenarios: ScenarioInput[];
  activeId: string;
  compareIds: string[];
}

function initialState(saved: SavedPane, view: { lang?: Lang; tab?: string }): PaneState {
  const scenarios = saved.scenarios.length ? saved.scenarios : [emptyScenario("Scenario 1")];
  const tab = view.tab ?? saved.tab;
  return {
    lang: view.lang ?? saved.lang,
    tab: TABS.includes(tab as Tab) ? (tab as Tab) : "scenario",
    scenarios,
    activeId: saved.activeId ?? scenarios[0].id,
    compareIds: saved.compareIds,
  };
}

export function mount(root: HTMLElement, options: { inExcel: boolean }): void {
  applyFluentTheme();
  const storage: Storage = options.inExcel ? workbookStorage() : browserStorage();
  const raw = storage.load();
  const saved = readSaved(raw);
  // The language and the open tab are the user's, kept on this computer: switching them must not
  // change the workbook (Excel would ask to save it on close).
  const view = viewPreferences();
  const state = initialState(saved, view.load());
  // What could not be read is copied aside before the first save writes over it.
  let saving = saved.unreadable.length ? storage.backup(raw).catch(() => undefined) : Promise.resolve();
  let unreadable = saved.unreadable;
  const years = allCoveredYears();
  let explanation: Explanation | undefined;
  const audit = newAuditState();
  // What the workbook holds: the scenarios, written only when they changed.
  let lastSaved = JSON.stringify({
    scenarios: state.scenarios,
    activeId: state.activeId,
    compareIds: state.compareIds,
  });
  const save = () => {
    const { scenarios, activeId, compareIds } = state;
    const text = JSON.stringify({ scenarios, activeId, compareIds });
    if (text === lastSaved) return;
    lastSaved = text;
    const snapshot = JSON.parse(text) as Record<string, unknown>;
    saving = saving.then(() => storage.save(snapshot)).catch(() => undefined);
  };
  const saveView = () => view.save({ lang: state.lang, tab: state.tab });
  const active = () => state.scenarios.find((s) => s.id === state.activeId) ?? state.scenarios[0];

  // A quiet background: the selection is read only for the Explain tab while the pane is shown.
  // With a shared runtime the page keeps running while the pane is closed, and its handlers fire.
  let paneVisible = true;
  let explainStale = true;
  const explainShown = () => options.inExcel && paneVisible && state.tab === "explain";
  const refreshExplain = async () => {
    explainStale = false;
    const t = STRINGS[state.lang];
    try {
      const cell = await activeCell();
      explanation = explainCell(cell, recordedCall(cell.address), t);
    } catch (error) {
      explanation = { kind: "failed", text: t.excelRefused(excelReason(error)) };
    }
    if (state.tab === "explain") render();
  };

  function scenarioBar(t: (typeof STRINGS)[Lang]): HTMLElement {
    const select = el("select", { id: "scenario-select" });
    for (const s of state.scenarios) select.append(el("option", { value: s.id }, s.naam));
    select.value = state.activeId;
    select.addEventListener("change", () => {
      state.activeId = select.value;
      save();
      render();
    });
    const name = el("input", { id: "scenario-name", type: "text", autocomplete: "off" });
    name.value = active().naam;
    name.addEventListener("input", () => {
      active().naam = name.value;
      select.selectedOptions[0].textContent = name.value;
      save();
    });
    const button = (id: string, label: string, action: () => void, disabled = false) => {
      const b = el("button", { type: "button", id, class: "secondary", disabled });
      b.textContent = label;
      b.addEventListener("click", () => {
        action();
        save();
        render();
      });
      return b;
    };
    return el(
      "div",
      { class: "scenario-bar" },
      el("div", { class: "field" }, el("label", { for: "scenario-select" }, t.chooseScenario), select),
      el("div", { class: "field" }, el("label", { for: "scenario-name" }, t.name), name),
      el(
        "div",
        { class: "buttons" },
        button("scenario-new", t.newScenario, () => {
          const s = emptyScenario(t.defaultName(state.scenarios.length + 1), active().jaar);
          state.scenarios.push(s);
          state.activeId = s.id;
        }),
        button("scenario-duplicate", t.duplicate, () => {
          const s = duplicate(active(), t.copyOf(active().naam));
          state.scenarios.push(s);
          state.activeId = s.id;
        }),
        button(
          "scenario-remove",
          t.remove,
          () => {
            state.scenarios = state.scenarios.filter((s) => s.id !== state.activeId);
            state.compareIds = state.compareIds.filter((id) => id !== state.activeId);
            state.activeId = state.scenarios[0].id;
          },
          state.scenarios.length < 2,
        ),
      ),
    );
  }

  function tabPanel(t: (typeof STRINGS)[Lang]): HTMLElement {
    if (state.tab === "compare") {
      return renderCompare(state.scenarios, state.compareIds, t, state.lang, () => {
        save();
        render();
      });
    }
    if (state.tab === "explain") return renderExplain(t, { inExcel: options.inExcel, explanation });
    if (state.tab === "insert") return renderInsert(active(), t, options.inExcel);
    if (state.tab === "check") return renderAudit(audit, t, options.inExcel, render);
    const result = el("div", { id: "result", "aria-live": "polite" });
    const ctx = {
      t,
      lang: state.lang,
      years,
      changed: (structural: boolean) => {
        save();
        if (structural) render();
      },
    };
    const summary = el("div", {
      id: "summary",
      class: "summary",
      "aria-live": "polite",
      role: "region",
      "aria-label": t.summary,
    });
    const form = renderScenarioForm(active(), ctx, result, summary);
    renderResult(result, active(), ctx, summary);
    return el("section", { "aria-label": t.scenario }, scenarioBar(t), summary, form, result);
  }

  function unreadableNotice(t: (typeof STRINGS)[Lang]): HTMLElement {
    const close = el("button", { type: "button", id: "unreadable-close", class: "link" }, t.close);
    close.addEventListener("click", () => {
      unreadable = [];
      render();
    });
    return el(
      "div",
      { class: "warning", id: "unreadable", role: "alert" },
      el("p", {}, t.unreadable(unreadable)),
      close,
    );
  }

  function render(): void {
    const t = STRINGS[state.lang];
    const focused = document.activeElement?.id;
    document.documentElement.lang = state.lang;
    const lang = el(
      "button",
      { type: "button", id: "lang", class: "link", "aria-label": t.switchLangLabel },
      t.switchLang,
    );
    lang.addEventListener("click", () => {
      state.lang = state.lang === "nl" ? "en" : "nl";
      saveView();
      render();
    });
    const tabs = el("div", { role: "tablist", "aria-label": t.title, class: "tabs" });
    TABS.forEach((tab, i) => {
      const b = el("button", {
        type: "button",
        role: "tab",
        id: `tab-${tab}`,
        "aria-selected": state.tab === tab ? "true" : "false",
        "aria-controls": "panel",
        tabindex: state.tab === tab ? "0" : "-1",
      });
      b.textContent = t.tabs[tab];
      b.addEventListener("click", () => {
        state.tab = tab;
        saveView();
        render();
        if (explainShown()) void refreshExplain();
      });
      b.addEventListener("keydown", (e) => {
        const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
        if (!step) return;
        state.tab = TABS[(i + step + TABS.length) % TABS.length];
        saveView();
        render();
        document.getElementById(`tab-${state.tab}`)?.focus();
        if (explainShown()) void refreshExplain();
      });
      tabs.append(b);
    });
    root.replaceChildren(
      el(
        "header",
        {},
        el("img", { src: "assets/icon-32.png", alt: "", width: "24", height: "24" }),
        el("h1", {}, t.title),
        lang,
      ),
      el(
        "p",
        { class: options.inExcel ? "status" : "status browser", id: "host-status" },
        options.inExcel ? t.inExcel : t.inBrowser,
      ),
      ...(unreadable.length ? [unreadableNotice(t)] : []),
      tabs,
      el("main", { id: "panel", role: "tabpanel", "aria-labelledby": `tab-${state.tab}` }, tabPanel(t)),
      el("footer", {}, el("p", { class: "note" }, t.about(ENGINE_VERSION, PARAMETERS_CHECKED_ON))),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  render();
  if (options.inExcel) {
    paneVisible = onPaneVisibility((visible) => {
      paneVisible = visible;
      if (explainShown() && explainStale) void refreshExplain();
    });
    void onSelectionChanged(() => {
      if (explainShown()) void refreshExplain();
      else explainStale = true;
    }).catch(() => undefined);
    if (explainShown()) void refreshExplain();
  }
}
