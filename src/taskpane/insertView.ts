/**
 * Insert a scenario into the workbook as a live block, never overwriting a non-empty cell without
 * an explicit confirmation that lists what would be lost; and export a sheet as values.
 */
import { scenarioBlock } from "./block";
import { askInPane } from "./confirm";
import { el } from "./dom";
import {
  copyActiveSheetAsValues,
  excelReason,
  NonEmptyCell,
  writeBlockAtSelection,
  writeBlockOnNewSheet,
} from "./excel";
import type { Lang, Strings } from "./i18n";
import { computeScenario } from "./outcome";
import { ScenarioInput, settled } from "./scenarioModel";

/** Asks before any non-empty cell is overwritten, listing what would be lost. */
function askToOverwrite(host: HTMLElement, cells: NonEmptyCell[], t: Strings): Promise<boolean> {
  const shown = cells.slice(0, 12);
  return askInPane(host, {
    id: "confirm",
    title: t.confirmOverwrite(cells.length),
    body: el(
      "ul",
      { id: "confirm-list" },
      ...shown.map((c) => el("li", {}, el("code", {}, c.address), ` ${c.content}`)),
      cells.length > shown.length ? el("li", {}, `… +${cells.length - shown.length}`) : null,
    ),
    yes: t.confirmYes,
    no: t.confirmNo,
  });
}

export function renderInsert(scenario: ScenarioInput, t: Strings, lang: Lang, inExcel: boolean): HTMLElement {
  const root = el("section", { "aria-labelledby": "insert-title" }, el("h2", { id: "insert-title" }, t.insertTitle));
  if (!inExcel) {
    root.append(el("p", { class: "status browser" }, t.insertBrowser));
    return root;
  }
  // Only a scenario with a result goes into the workbook: never a block built from an empty
  // winst or a number that could not be read. The block gets every number as the pane stores it.
  const complete = computeScenario(scenario, lang, t).kind === "result";
  const s = settled(scenario, lang, t);
  const status = el("p", { id: "insert-status", role: "status" });
  const confirmHost = el("div");
  const blockAt = (row: number, col: number) => scenarioBlock(s, t, row, col);
  const run = async (action: () => Promise<string>) => {
    status.textContent = "";
    status.className = "";
    try {
      status.textContent = await action();
    } catch (error) {
      status.className = "error";
      status.textContent = t.excelRefused(excelReason(error));
    }
  };
  const atSelection = el(
    "button",
    {
      type: "button",
      id: "insert-selection",
      disabled: !complete,
      "aria-describedby": complete ? undefined : "insert-incomplete",
    },
    t.insertAtSelection,
  );
  atSelection.addEventListener("click", () =>
    run(async () => {
      const outcome = await writeBlockAtSelection(blockAt, (cells) => askToOverwrite(confirmHost, cells, t));
      return outcome.status === "written" ? t.inserted(outcome.address) : t.cancelled;
    }),
  );
  const newSheet = el(
    "button",
    {
      type: "button",
      id: "insert-sheet",
      class: "secondary",
      disabled: !complete,
      "aria-describedby": complete ? undefined : "insert-incomplete",
    },
    t.insertNewSheet,
  );
  newSheet.addEventListener("click", () =>
    run(async () => {
      const outcome = await writeBlockOnNewSheet(blockAt, s.naam || "NL Aftrek");
      return outcome.status === "written" ? t.inserted(outcome.address) : t.cancelled;
    }),
  );
  const exportButton = el("button", { type: "button", id: "export-values", class: "secondary" }, t.exportButton);
  exportButton.addEventListener("click", () => run(async () => t.exported(await copyActiveSheetAsValues())));
  root.append(
    el("p", { class: "note" }, t.insertHelp),
    ...(complete ? [] : [el("p", { class: "status browser", id: "insert-incomplete" }, t.insertIncomplete)]),
    el("div", { class: "buttons" }, atSelection, newSheet),
    confirmHost,
    el("h3", {}, t.exportTitle),
    el("p", { class: "note" }, t.exportHelp),
    exportButton,
    status,
  );
  return root;
}
