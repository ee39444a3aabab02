/**
 * Two to four scenarios side by side. The answer first: what each one costs or saves in total
 * compared with the first (the base); then the lines per scenario, the ones that differ from the
 * base highlighted with the difference and the ones equal everywhere folded away; then the totals
 * as grouped bars with a legend.
 */
import type { ScenarioKey, ScenarioResult } from "../rules/scenario";
import { atPaneWidth, barChart, legend } from "./charts";
import { el } from "./dom";
import { formatEuro, formatEuroDifference, hyphenate } from "./format";
import type { Lang, Strings } from "./i18n";
import { computeScenario, lineValue } from "./outcome";
import type { ScenarioInput } from "./scenarioModel";

const BAR_KEYS: ScenarioKey[] = ["ondernemersaftrek", "belastbareWinst", "totaalTeBetalen"];
/** Lines always shown, also when every scenario has the same amount. */
const TOTALS = new Set<ScenarioKey>(["belastbareWinst", "totaalTeBetalen"]);

/** Whether the lines equal in every scenario are shown (kept while the pane is open). */
let showEqual = false;

function answer(
  chosen: readonly ScenarioInput[],
  results: readonly (ScenarioResult | undefined)[],
  t: Strings,
  lang: Lang,
): HTMLElement {
  const base = results[0] && lineValue(results[0], "totaalTeBetalen");
  const lines = chosen.slice(1).map((s, i) => {
    const total = results[i + 1] && lineValue(results[i + 1]!, "totaalTeBetalen");
    if (!base || !total) return el("li", {}, t.compareIncomplete(!base ? chosen[0].naam : s.naam));
    const diff = total.minus(base);
    const direction = diff.isZero() ? 0 : diff.isNegative() ? -1 : 1;
    return el("li", {}, t.compareAnswer(s.naam, formatEuro(diff.abs(), lang), direction, chosen[0].naam));
  });
  return el("ul", { class: "answer", id: "compare-answer" }, ...lines);
}

function table(
  chosen: readonly ScenarioInput[],
  results: readonly (ScenarioResult | undefined)[],
  t: Strings,
  lang: Lang,
  changed: () => void,
): HTMLElement[] {
  const keys = (results.find((r) => r)?.lines ?? []).map((l) => l.key);
  const value = (i: number, key: ScenarioKey) => results[i] && lineValue(results[i]!, key);
  const equal = (key: ScenarioKey) =>
    results.every((r) => r) && chosen.every((_, i) => value(i, key)?.eq(value(0, key)!) ?? false);
  const folded = keys.filter((k) => equal(k) && !TOTALS.has(k));
  const head = el("tr", {}, el("td", {}), ...chosen.map((s) => el("th", { scope: "col" }, s.naam)));
  const body = keys.map((key) =>
    el(
      "tr",
      { "data-key": key, class: TOTALS.has(key) ? "total" : "", hidden: folded.includes(key) && !showEqual },
      el("th", { scope: "row" }, hyphenate(t.lines[key])),
      ...chosen.map((_, i) => {
        const v = value(i, key);
        const base = value(0, key);
        if (!v) return el("td", {}, t.noValue);
        const differs = i > 0 && base !== undefined && !v.eq(base);
        return el(
          "td",
          { class: differs ? "diff" : "" },
          el("span", { class: "amount" }, formatEuro(v, lang)),
          differs
            ? el(
                "span",
                { class: "delta" },
                el("span", { class: "visually-hidden" }, `${t.difference} `),
                el("span", { class: "amount" }, formatEuroDifference(v.minus(base!), lang)),
              )
            : "",
        );
      }),
    ),
  );
  const parts: HTMLElement[] = [
    el(
      "div",
      { class: "scroll" },
      el("table", { class: "compare", id: "compare-table" }, el("thead", {}, head), el("tbody", {}, ...body)),
    ),
  ];
  if (folded.length) {
    const toggle = el(
      "button",
      { type: "button", class: "link", id: "equal-lines", "aria-expanded": showEqual ? "true" : "false" },
      showEqual ? t.hideEqualRows : t.showEqualRows(folded.length),
    );
    toggle.addEventListener("click", () => {
      showEqual = !showEqual;
      changed();
    });
    parts.push(toggle);
  }
  return parts;
}

export function renderCompare(
  scenarios: readonly ScenarioInput[],
  selected: readonly string[],
  t: Strings,
  lang: Lang,
  choose: (ids: string[]) => void,
  rerender: () => void,
): HTMLElement {
  const root = el("section", { "aria-labelledby": "compare-title" }, el("h2", { id: "compare-title" }, t.compareTitle));
  const chosen = selected.map((id) => scenarios.find((s) => s.id === id)).filter((s): s is ScenarioInput => !!s);
  const results = chosen.map((s) => {
    const outcome = computeScenario(s, lang, t);
    return outcome.kind === "result" ? outcome.result : undefined;
  });
  if (chosen.length >= 2) root.append(answer(chosen, results, t, lang));

  const picks = el("fieldset", { class: "picks" }, el("legend", {}, t.comparePick));
  const hint = el("p", { class: "note", id: "compare-hint", role: "status" });
  scenarios.forEach((s) => {
    const input = el("input", { type: "checkbox", id: `cmp-${s.id}` });
    input.checked = chosen.includes(s);
    input.addEventListener("change", () => {
      if (input.checked && chosen.length >= 4) {
        input.checked = false;
        hint.textContent = t.compareMax;
        return;
      }
      const ids = chosen.map((c) => c.id);
      choose(input.checked ? [...ids, s.id] : ids.filter((id) => id !== s.id));
    });
    picks.append(el("div", { class: "check" }, input, el("label", { for: `cmp-${s.id}` }, s.naam)));
  });
  root.append(picks, hint, el("p", { class: "note" }, t.compareHelp));
  if (chosen.length < 2) {
    hint.textContent = scenarios.length < 2 ? t.compareOnlyOne : t.compareNeedTwo;
    return root;
  }
  root.append(...table(chosen, results, t, lang, rerender));
  const figure = el("figure", { class: "chart" }, el("figcaption", {}, t.barChart));
  atPaneWidth(
    figure,
    barChart(
      BAR_KEYS.map((k) => t.lines[k]),
      chosen.map((s, i) => ({
        name: s.naam,
        values: BAR_KEYS.map((k) => (results[i] && lineValue(results[i]!, k)?.toNumber()) ?? 0),
      })),
      t.barChart,
      lang,
    ),
  );
  figure.append(
    legend(
      chosen.map((s) => s.naam),
      t.legend,
    ),
  );
  root.append(figure);
  return root;
}
