/**
 * Two to four scenarios side by side: each line of the chain per scenario, amounts that differ from
 * the first scenario highlighted with the difference, and the chain as grouped bars.
 */
import type { ScenarioKey } from "../rules/scenario";
import { barChart } from "./charts";
import { el } from "./dom";
import { formatEuro, hyphenate } from "./format";
import type { Lang, Strings } from "./i18n";
import type { ScenarioInput } from "./scenarioModel";
import { computeScenario } from "./scenarioView";

const BAR_KEYS: ScenarioKey[] = ["ondernemersaftrek", "mkbWinstvrijstelling", "belastbareWinst", "totaalBox1"];

export function renderCompare(
  scenarios: readonly ScenarioInput[],
  selected: string[],
  t: Strings,
  lang: Lang,
  changed: () => void,
): HTMLElement {
  const root = el("section", { "aria-labelledby": "compare-title" }, el("h2", { id: "compare-title" }, t.compareTitle));
  root.append(el("p", { class: "note" }, t.compareHelp));
  const picks = el("fieldset", { class: "picks" }, el("legend", {}, t.chooseScenario));
  const message = el("p", { class: "error", role: "status" });
  scenarios.forEach((s) => {
    const input = el("input", { type: "checkbox", id: `cmp-${s.id}` });
    input.checked = selected.includes(s.id);
    input.addEventListener("change", () => {
      if (input.checked && selected.length >= 4) {
        input.checked = false;
        message.textContent = t.compareMax;
        return;
      }
      const at = selected.indexOf(s.id);
      if (input.checked && at < 0) selected.push(s.id);
      if (!input.checked && at >= 0) selected.splice(at, 1);
      changed();
    });
    picks.append(el("div", { class: "check" }, input, el("label", { for: `cmp-${s.id}` }, s.naam)));
  });
  root.append(picks, message);

  const chosen = selected.map((id) => scenarios.find((s) => s.id === id)).filter((s): s is ScenarioInput => !!s);
  if (chosen.length < 2) {
    message.textContent = t.compareNeedTwo;
    return root;
  }
  const results = chosen.map((s) => computeScenario(s).result);
  const keys = results[0]?.lines.map((l) => l.key) ?? [];
  const value = (i: number, key: ScenarioKey) => results[i]?.lines.find((l) => l.key === key)?.value;
  const head = el("tr", {}, el("th", { scope: "col" }, ""), ...chosen.map((s) => el("th", { scope: "col" }, s.naam)));
  const body = keys.map((key) =>
    el(
      "tr",
      { "data-key": key },
      el("th", { scope: "row" }, hyphenate(t.lines[key])),
      ...chosen.map((_, i) => {
        const v = value(i, key);
        const base = value(0, key);
        if (!v) return el("td", {}, "–");
        const differs = i > 0 && base !== undefined && !v.eq(base);
        return el(
          "td",
          { class: differs ? "diff" : "" },
          formatEuro(v, lang),
          differs ? el("span", { class: "delta" }, ` (${t.difference} ${formatEuro(v.minus(base!), lang)})`) : "",
        );
      }),
    ),
  );
  root.append(
    el(
      "div",
      { class: "scroll" },
      el("table", { class: "compare", id: "compare-table" }, el("thead", {}, head), el("tbody", {}, ...body)),
    ),
  );
  root.append(
    el(
      "figure",
      { class: "chart" },
      el("figcaption", {}, t.barChart),
      barChart(
        BAR_KEYS.map((k) => t.lines[k]),
        chosen.map((s, i) => ({ name: s.naam, values: BAR_KEYS.map((k) => value(i, k)?.toNumber() ?? 0) })),
        t.barChart,
      ),
    ),
  );
  return root;
}
