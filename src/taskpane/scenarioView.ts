/**
 * A scenario's result: the whole chain with a one-line explanation and a link to the article per
 * line (lines at € 0,00 folded away until asked for), the marginal rate in words, and the KIA
 * curve with the client's total marked.
 */
import { NotCoveredError } from "../rules/errors";
import { officialValue } from "../rules/officialValue";
import type { ScenarioResult } from "../rules/scenario";
import { atPaneWidth, kiaCurve } from "./charts";
import { el } from "./dom";
import { formatEuro, formatEuroWhole, formatPercent, hyphenate } from "./format";
import type { Lang, Strings } from "./i18n";
import { lineValue, Outcome } from "./outcome";
import { investmentTotal, ScenarioInput } from "./scenarioModel";

export interface ScenarioViewContext {
  readonly t: Strings;
  readonly lang: Lang;
  readonly years: readonly number[];
  /** Whether the lines at € 0,00 are shown (the user's choice, kept while the pane is open). */
  readonly showZeroLines: boolean;
  toggleZeroLines(): void;
  /** Called after every change of the scenario; `structural` when the form must be rebuilt. */
  changed(structural: boolean, focus?: string): void;
}

/** Lines that are always shown, also at € 0,00: the results a bookkeeper looks for. */
const TOTALS = new Set(["belastbareWinst", "totaalBox1", "totaalTeBetalen"]);

/** The sentence under the KIA curve: what € 100 more investment does, never a "€ 0,00" non-answer. */
function kiaNote(result: ScenarioResult, total: number, ctx: ScenarioViewContext): string {
  const { t, lang } = ctx;
  const drempel = formatEuroWhole(officialValue(Number(result.trace.year), "kia_ondergrens").value.toNumber(), lang);
  const meer = result.meerInvesteren;
  if (!meer || total <= 0) return t.kiaNoInvestments(drempel);
  if (meer.kia.isZero() && lineValue(result, "kia")?.isZero()) return t.kiaBelowThreshold(drempel);
  return t.kiaMore(formatEuro(meer.stap, lang), formatEuro(meer.kia, lang), formatEuro(meer.netto, lang));
}

function chainTable(result: ScenarioResult, s: ScenarioInput, ctx: ScenarioViewContext): HTMLElement[] {
  const { t, lang } = ctx;
  const folded = result.lines.filter((l) => l.value.isZero() && !TOTALS.has(l.key));
  const rows = result.lines.map((line) => {
    const label = t.lines[line.key];
    return el(
      "tr",
      {
        class: TOTALS.has(line.key) ? "total" : "",
        "data-key": line.key,
        hidden: folded.includes(line) && !ctx.showZeroLines,
      },
      el(
        "th",
        { scope: "row" },
        el("span", { class: "label" }, hyphenate(label)),
        el(
          "span",
          { class: "why" },
          `${t.explain[line.key]} `,
          // The link's name says which line it belongs to: "wettekst: Zelfstandigenaftrek".
          el(
            "a",
            { href: line.url, target: "_blank", rel: "noopener", "aria-label": `${t.lawLink}: ${label}` },
            t.lawLink,
          ),
        ),
      ),
      el("td", {}, el("span", { class: "amount" }, formatEuro(line.value, lang))),
    );
  });
  const parts: HTMLElement[] = [
    el(
      "table",
      { class: "chain", id: "result-table" },
      el("caption", {}, `${t.result} ${s.jaar}`),
      el("tbody", {}, ...rows),
    ),
  ];
  if (folded.length) {
    const toggle = el(
      "button",
      { type: "button", class: "link", id: "zero-lines", "aria-expanded": ctx.showZeroLines ? "true" : "false" },
      ctx.showZeroLines ? t.hideZeroLines : t.showAllLines(folded.length),
    );
    toggle.addEventListener("click", () => ctx.toggleZeroLines());
    parts.push(toggle);
  }
  return parts;
}

export function renderResult(target: HTMLElement, outcome: Outcome, s: ScenarioInput, ctx: ScenarioViewContext): void {
  const { t, lang } = ctx;
  if (outcome.kind !== "result") {
    const waiting = outcome.kind === "incomplete" && outcome.issues.every((i) => i.missing);
    target.replaceChildren(
      el(
        "p",
        { class: waiting ? "note" : "error", id: "result-status" },
        outcome.kind === "refused" ? outcome.message : waiting ? t.waitingForInput : t.fixFields,
      ),
    );
    return;
  }
  const { result } = outcome;
  const rate = formatPercent(result.marginaalTarief, lang);
  target.replaceChildren(
    ...chainTable(result, s, ctx),
    el("p", { class: "note", id: "marginal-note" }, t.marginalRateHelp(rate)),
  );

  const total = investmentTotal(s, lang).toNumber();
  try {
    const kiaNow = formatEuro(lineValue(result, "kia")?.toNumber() ?? 0, lang);
    const curve = kiaCurve(
      Number(s.jaar),
      total,
      t.kiaChartDesc(Number(s.jaar)),
      t.kiaMarker(formatEuro(total, lang), kiaNow),
      lang,
    );
    const figure = el(
      "figure",
      { class: "chart" },
      el("figcaption", {}, `${t.kiaChart}: ${t.kiaMarker(formatEuro(total, lang), formatEuro(curve.atTotal, lang))}`),
    );
    atPaneWidth(figure, curve.draw);
    figure.append(el("p", { class: "note", id: "kia-marginal" }, kiaNote(result, total, ctx)));
    target.append(figure);
  } catch (e) {
    if (!(e instanceof NotCoveredError)) throw e; // no KIA table for this year: no curve
  }
}
