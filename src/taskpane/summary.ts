/**
 * The answer in a few lines, kept in view (sticky) while the form below is edited. It never
 * disappears: without a result it shows "—" and links to the fields to fill in or correct; with a
 * result it also says why the result is where it is (urencriterium, KIA threshold, KOR).
 */
import { el } from "./dom";
import { formatEuro, formatPercent } from "./format";
import type { Lang, Strings } from "./i18n";
import { lineValue, Outcome, reasons } from "./outcome";
import type { FieldIssue, ScenarioInput } from "./scenarioModel";

/** Moves to a field named in the summary: into view below the summary, and focused. */
function goToField(id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: "center" });
}

function issueLinks(id: string, label: string, issues: readonly FieldIssue[], className: string): HTMLElement {
  const p = el("p", { id, class: className }, `${label} `);
  issues.forEach((issue, i) => {
    const a = el("a", { href: `#${issue.id}` }, issue.label);
    a.addEventListener("click", (e) => {
      e.preventDefault();
      goToField(issue.id);
    });
    p.append(...(i ? [", "] : []), a);
  });
  return p;
}

export function renderSummary(
  summary: HTMLElement,
  outcome: Outcome,
  s: ScenarioInput,
  ctx: { readonly t: Strings; readonly lang: Lang },
): void {
  const { t, lang } = ctx;
  const result = outcome.kind === "result" ? outcome.result : undefined;
  const amount = (v: { toNumber(): number } | undefined) => (v ? formatEuro(v, lang) : t.noValue);
  const item = (id: string, label: string, value: string, describedBy?: string) =>
    el(
      "div",
      { class: "item", id, ...(describedBy ? { "aria-describedby": describedBy } : {}) },
      el("span", { class: "label" }, label),
      el("strong", { class: "amount" }, value),
    );
  const items = el(
    "div",
    { class: "items" },
    item("sum-belastbareWinst", t.summaryBelastbareWinst, amount(result && lineValue(result, "belastbareWinst"))),
    item("sum-totaalTeBetalen", t.lines.totaalTeBetalen, amount(result && lineValue(result, "totaalTeBetalen"))),
    ...(result && !result.nettoKia.isZero()
      ? [item("sum-nettoKia", t.summaryNetto, formatEuro(result.nettoKia, lang))]
      : []),
    item(
      "sum-marginaal",
      t.marginalRate,
      result ? formatPercent(result.marginaalTarief, lang) : t.noValue,
      result ? "marginal-note" : undefined,
    ),
  );
  const parts: HTMLElement[] = [el("h2", { class: "visually-hidden" }, t.summary), items];
  if (result) {
    const why = reasons(s, result, lang, t);
    if (why.length) {
      parts.push(el("ul", { class: "reasons", id: "sum-reasons" }, ...why.map((r) => el("li", { id: r.id }, r.text))));
    }
  } else if (outcome.kind === "incomplete") {
    const invalid = outcome.issues.filter((i) => !i.missing);
    const missing = outcome.issues.filter((i) => i.missing);
    if (invalid.length)
      parts.push(issueLinks("sum-invalid", t.issuesInvalid(invalid.length), invalid, "issues invalid"));
    if (missing.length) parts.push(issueLinks("sum-missing", t.issuesMissing, missing, "issues missing"));
  } else if (outcome.kind === "refused") {
    parts.push(el("p", { class: "issues invalid", id: "sum-refused" }, outcome.message));
  }
  summary.replaceChildren(...parts);
}
