/**
 * The task pane: scenarios (Dutch first, English available), comparison, explanation of the
 * selected cell, insertion into the workbook and the check for hard-coded tax numbers. What the user enters is saved as it changes: in
 * the workbook inside Excel, in the browser otherwise.
 */
import { allCoveredYears } from "../rules/officialValue";
import { newAuditState, renderAudit } from "./auditView";
import { renderCompare } from "./compareView";
import { el } from "./dom";
import { activeCell, excelReason, onPaneVisibility, onSelectionChanged, recordedCall } from "./excel";
import { explainCell, Explanation, renderExplain } from "./explainView";
import { renderFrame, Tab, TABS } from "./frame";
import { Lang, STRINGS } from "./i18n";
import { renderInsert } from "./insertView";
import { menuButton } from "./menu";
import { refresh, renderScenarioForm } from "./scenarioForm";
import { duplicate, emptyScenario, ScenarioInput } from "./scenarioModel";
import { ScenarioViewContext } from "./scenarioView";
import { readSaved, SavedPane } from "./savedState";
import { browserStorage, preferences, Storage, workbookStorage } from "./storage";
import { applyFluentTheme } from "./theme";

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

/** A deleted scenario, kept until the next action so that the deletion can be undone. */
interface Removed {
  readonly scenario: ScenarioInput;
  readonly index: number;
  readonly compareIds: string[];
}

export function mount(root: HTMLElement, options: { inExcel: boolean }): void {
  applyFluentTheme();
  const storage: Storage = options.inExcel ? workbookStorage() : browserStorage();
  const raw = storage.load();
  const saved = readSaved(raw);
  // The language, the open tab and a closed message are the user's, kept on this computer:
  // switching them must not change the workbook (Excel would ask to save it on close).
  const prefs = preferences();
  const state = initialState(saved, prefs.get());
  // What could not be read is copied aside before the first save writes over it.
  let saving = saved.unreadable.length ? storage.backup(raw).catch(() => undefined) : Promise.resolve();
  let unreadable = saved.unreadable;
  const years = allCoveredYears();
  let explanation: Explanation | undefined;
  const audit = newAuditState();
  let removed: Removed | null = null;
  let showZeroLines = false;
  let fitTabs = () => undefined as void;
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
  const saveView = () => prefs.set({ lang: state.lang, tab: state.tab });
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

  /**
   * Comparing starts with two scenarios: when fewer are chosen as the tab opens, the active one and
   * another (after Dupliceren: the scenario and its copy). Within the tab the user's choice stands.
   */
  const preselectComparison = () => {
    state.compareIds = state.compareIds.filter((id) => state.scenarios.some((s) => s.id === id));
    if (state.compareIds.length >= 2 || state.scenarios.length < 2) return;
    const other = state.scenarios.find((s) => s.id !== state.activeId && !state.compareIds.includes(s.id));
    state.compareIds = [...new Set([state.activeId, ...state.compareIds, ...(other ? [other.id] : [])])];
  };

  function scenarioBar(t: (typeof STRINGS)[Lang]): HTMLElement {
    const select = el("select", { id: "scenario-select" });
    for (const s of state.scenarios) select.append(el("option", { value: s.id }, s.naam));
    select.value = state.activeId;
    select.addEventListener("change", () => {
      state.activeId = select.value;
      removed = null;
      save();
      render();
    });
    const act = (action: () => string) => () => {
      removed = null;
      const focus = action();
      save();
      render(focus);
    };
    const actions = menuButton({
      id: "scenario-actions",
      label: t.scenarioActions,
      content: "⋯",
      items: [
        {
          id: "scenario-new",
          label: t.newScenario,
          select: act(() => {
            const s = emptyScenario(t.defaultName(state.scenarios.length + 1), active().jaar);
            state.scenarios.push(s);
            state.activeId = s.id;
            return "scenario-name";
          }),
        },
        {
          id: "scenario-duplicate",
          label: t.duplicate,
          select: act(() => {
            const source = active();
            const s = duplicate(source, t.copyOf(source.naam));
            state.scenarios.push(s);
            state.activeId = s.id;
            // Compare starts with the scenario and its copy.
            if (state.compareIds.length < 2) state.compareIds = [source.id, s.id];
            return "scenario-name";
          }),
        },
        {
          id: "scenario-remove",
          label: t.remove,
          disabled: state.scenarios.length < 2,
          select: act(() => {
            const index = state.scenarios.findIndex((s) => s.id === state.activeId);
            removed = { scenario: state.scenarios[index], index, compareIds: [...state.compareIds] };
            state.scenarios.splice(index, 1);
            state.compareIds = state.compareIds.filter((id) => id !== removed!.scenario.id);
            // The scenario that takes its place becomes the active one; the focus goes to its choice.
            state.activeId = state.scenarios[Math.min(index, state.scenarios.length - 1)].id;
            return "scenario-select";
          }),
        },
      ],
    });
    const bar = el(
      "div",
      { class: "scenario-bar" },
      el("label", { for: "scenario-select" }, t.scenario),
      select,
      actions.node,
    );
    if (!removed) return bar;
    const undo = el("button", { type: "button", class: "link", id: "scenario-undo" }, t.undo);
    undo.addEventListener("click", () => {
      const r = removed!;
      state.scenarios.splice(r.index, 0, r.scenario);
      state.activeId = r.scenario.id;
      state.compareIds = r.compareIds;
      removed = null;
      save();
      render("scenario-select");
    });
    return el(
      "div",
      {},
      bar,
      el("p", { class: "undo", id: "undo", role: "status" }, `${t.removed(removed.scenario.naam)} `, undo),
    );
  }

  function scenarioTab(t: (typeof STRINGS)[Lang]): HTMLElement {
    const s = active();
    const result = el("div", { id: "result" });
    const summary = el("div", {
      id: "summary",
      class: "summary",
      "aria-live": "polite",
      role: "region",
      "aria-label": t.summary,
    });
    const ctx: ScenarioViewContext = {
      t,
      lang: state.lang,
      years,
      showZeroLines,
      toggleZeroLines: () => {
        showZeroLines = !showZeroLines;
        render("zero-lines");
      },
      changed: (structural, focus) => {
        save();
        if (structural) render(focus);
      },
    };
    const form = renderScenarioForm(s, ctx, result, summary, (name) => {
      const option = [...document.querySelectorAll<HTMLOptionElement>("#scenario-select option")].find(
        (o) => o.value === s.id,
      );
      if (option) option.textContent = name;
    });
    refresh(s, ctx, result, summary);
    return el("section", { "aria-label": t.scenario }, scenarioBar(t), summary, form, result);
  }

  function tabPanel(t: (typeof STRINGS)[Lang]): HTMLElement {
    if (state.tab === "compare") {
      return renderCompare(
        state.scenarios,
        state.compareIds,
        t,
        state.lang,
        (ids) => {
          state.compareIds = ids;
          save();
          render();
        },
        () => render(),
      );
    }
    if (state.tab === "explain") return renderExplain(t, { inExcel: options.inExcel, explanation });
    if (state.tab === "insert") return renderInsert(active(), t, state.lang, options.inExcel);
    if (state.tab === "check") return renderAudit(audit, t, options.inExcel, render);
    return scenarioTab(t);
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

  /** Renders the pane; the focus goes to `focus`, or stays on the element it was on. */
  function render(focus?: string): void {
    const t = STRINGS[state.lang];
    const focused = focus ?? document.activeElement?.id;
    document.documentElement.lang = state.lang;
    const frame = renderFrame({
      t,
      lang: state.lang,
      tab: state.tab,
      inExcel: options.inExcel,
      bannerClosed: prefs.get().bannerClosed,
      selectTab: (tab, focusTab) => {
        state.tab = tab;
        if (tab === "compare") preselectComparison();
        removed = null;
        saveView();
        render(focusTab ? `tab-${tab}` : undefined);
        if (explainShown()) void refreshExplain();
      },
      setLang: (lang) => {
        state.lang = lang;
        saveView();
        render("settings");
      },
      closeBanner: () => {
        prefs.set({ bannerClosed: true });
        render("tab-" + state.tab);
      },
    });
    root.replaceChildren(
      ...frame.top,
      ...(unreadable.length ? [unreadableNotice(t)] : []),
      el("main", { id: "panel", role: "tabpanel", "aria-labelledby": `tab-${state.tab}` }, tabPanel(t)),
      frame.footer,
    );
    fitTabs = frame.fit;
    fitTabs();
    keepClearOfSummary();
    if (focused) document.getElementById(focused)?.focus();
  }

  /**
   * The sticky summary must not cover what the keyboard or a link moves to: the page scrolls such
   * things into view below it (scroll-padding-top follows the summary's height).
   */
  const summaryObserver =
    typeof ResizeObserver === "undefined"
      ? null
      : new ResizeObserver(([entry]) => setScrollPadding(entry.target as HTMLElement));
  function setScrollPadding(summary: HTMLElement | null): void {
    const height = summary?.isConnected ? Math.ceil(summary.getBoundingClientRect().height) : 0;
    document.documentElement.style.setProperty("--summary-height", `${height}px`);
  }
  function keepClearOfSummary(): void {
    summaryObserver?.disconnect();
    const summary = document.getElementById("summary");
    setScrollPadding(summary);
    if (summary) summaryObserver?.observe(summary);
  }

  window.addEventListener("resize", () => fitTabs());
  if (state.tab === "compare") preselectComparison();
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
