/**
 * The scenario form and its result: every field validated as it is typed (the message stands next
 * to the field), the whole chain with a one-line explanation and a link to the article per line,
 * and the KIA curve with the client's total marked.
 */
import { InvalidInputError, NotCoveredError } from "../rules/errors";
import { scenario, ScenarioResult } from "../rules/scenario";
import { officialValue } from "../rules/officialValue";
import { kiaCurve } from "./charts";
import { el } from "./dom";
import { formatEuro, formatEuroWhole, formatPercent, hyphenate, parseAmount } from "./format";
import type { Lang, Strings } from "./i18n";
import {
  FLAG_FIELDS,
  fieldMessage,
  investmentMessages,
  isValid,
  KOR_FLAG_FIELDS,
  KOR_TEXT_FIELDS,
  ScenarioInput,
  TEXT_FIELDS,
  toFacts,
} from "./scenarioModel";

export interface ScenarioViewContext {
  readonly t: Strings;
  readonly lang: Lang;
  readonly years: readonly number[];
  /** Called after every change of the scenario; `structural` when the form must be rebuilt. */
  changed(structural: boolean): void;
}

const TOTALS = new Set(["belastbareWinst", "totaalBox1", "totaalTeBetalen"]);

export function computeScenario(s: ScenarioInput): { result?: ScenarioResult; error?: string } {
  try {
    return { result: scenario(toFacts(s)) };
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof NotCoveredError) return { error: error.message };
    throw error;
  }
}

function textField(id: string, label: string, value: string, message: string, onInput: (v: string) => void) {
  const input = el("input", {
    id,
    type: "text",
    inputmode: "decimal",
    autocomplete: "off",
    "aria-invalid": message ? "true" : "false",
    "aria-describedby": `${id}-msg`,
  });
  input.value = value;
  const msg = el("div", { class: "message", id: `${id}-msg`, "aria-live": "polite" }, message);
  input.addEventListener("input", () => onInput(input.value));
  return { node: el("div", { class: "field" }, el("label", { for: id }, label), input, msg), input, msg };
}

function checkbox(id: string, label: string, checked: boolean, onChange: (v: boolean) => void): HTMLElement {
  const input = el("input", { type: "checkbox", id });
  input.checked = checked;
  input.addEventListener("change", () => onChange(input.checked));
  return el("div", { class: "check" }, input, el("label", { for: id }, label));
}

/** The answer in a few lines, kept in view (sticky) while the form below is edited. */
function officialThreshold(year: number): number {
  return officialValue(year, "kia_ondergrens").value.toNumber();
}

function renderSummary(summary: HTMLElement, result: ScenarioResult | undefined, ctx: ScenarioViewContext): void {
  const { t, lang } = ctx;
  summary.replaceChildren();
  if (!result) return;
  const value = (key: string) => result.lines.find((l) => l.key === key)?.value;
  const item = (id: string, label: string, amount: string, title?: string) =>
    el(
      "div",
      { class: "item", id, ...(title ? { title } : {}) },
      el("span", { class: "label" }, label),
      el("strong", {}, amount),
    );
  const bw = value("belastbareWinst");
  const totaal = value("totaalTeBetalen");
  summary.append(
    el("h2", { class: "visually-hidden" }, t.summary),
    item("sum-belastbareWinst", t.lines.belastbareWinst, bw ? formatEuro(bw, lang) : ""),
    item("sum-totaalTeBetalen", t.lines.totaalTeBetalen, totaal ? formatEuro(totaal, lang) : ""),
    ...(result.nettoKia.isZero() ? [] : [item("sum-nettoKia", t.summaryNetto, formatEuro(result.nettoKia, lang))]),
    item(
      "sum-marginaal",
      t.marginalRate,
      formatPercent(result.marginaalTarief, lang),
      t.marginalRateHelp(formatPercent(result.marginaalTarief, lang)),
    ),
  );
}

/** The sentence under the KIA curve: what € 100 more investment does, never a "€ 0,00" non-answer. */
function kiaNote(result: ScenarioResult, total: number, ctx: ScenarioViewContext): string {
  const { t, lang } = ctx;
  const drempel = formatEuroWhole(officialThreshold(Number(result.trace.year)), lang);
  const meer = result.meerInvesteren;
  if (!meer || total <= 0) return t.kiaNoInvestments(drempel);
  const kiaNu = result.lines.find((l) => l.key === "kia")?.value;
  if (meer.kia.isZero() && kiaNu?.isZero()) return t.kiaBelowThreshold(drempel);
  return t.kiaMore(formatEuro(meer.stap, lang), formatEuro(meer.kia, lang), formatEuro(meer.netto, lang));
}

export function renderResult(
  target: HTMLElement,
  s: ScenarioInput,
  ctx: ScenarioViewContext,
  summary?: HTMLElement,
): void {
  const { t, lang } = ctx;
  target.replaceChildren();
  if (!isValid(s, t)) {
    if (summary) renderSummary(summary, undefined, ctx);
    target.append(el("p", { class: "error", role: "status" }, t.fixFields));
    return;
  }
  const { result, error } = computeScenario(s);
  if (summary) renderSummary(summary, result, ctx);
  if (!result) {
    target.append(el("p", { class: "error", role: "status" }, error ?? ""));
    return;
  }
  target.append(
    el(
      "p",
      { class: result.urencriterium ? "badge ok" : "badge" },
      result.urencriterium ? t.urencriteriumMet : t.urencriteriumNotMet,
    ),
  );
  if (s.kor && result.korMogelijk === false) {
    target.append(el("p", { class: "error", id: "kor-message", role: "status" }, t.korNotPossible));
  }
  const rows = result.lines.map((line) =>
    el(
      "tr",
      { class: TOTALS.has(line.key) ? "total" : "", "data-key": line.key },
      el(
        "th",
        { scope: "row" },
        el("span", { class: "label" }, hyphenate(t.lines[line.key])),
        el(
          "span",
          { class: "why" },
          `${t.explain[line.key]} `,
          el("a", { href: line.url, target: "_blank", rel: "noopener" }, t.lawLink),
        ),
      ),
      el("td", {}, formatEuro(line.value, lang)),
    ),
  );
  target.append(
    el(
      "table",
      { class: "chain", id: "result-table" },
      el("caption", {}, `${t.result} ${s.jaar}`),
      el("tbody", {}, ...rows),
    ),
  );

  const total = s.investeringen.reduce((sum, i) => sum + (parseAmount(i.bedrag) ?? 0), 0);
  try {
    const kiaLine = result.lines.find((l) => l.key === "kia");
    const curve = kiaCurve(
      Number(s.jaar),
      total,
      t.kiaChartDesc(Number(s.jaar)),
      t.kiaMarker(formatEuro(total, lang), formatEuro(kiaLine?.value.toNumber() ?? 0, lang)),
      lang,
    );
    target.append(
      el(
        "figure",
        { class: "chart" },
        el("figcaption", {}, `${t.kiaChart}: ${t.kiaMarker(formatEuro(total, lang), formatEuro(curve.atTotal, lang))}`),
        curve.element,
        el("p", { class: "note", id: "kia-marginal" }, kiaNote(result, total, ctx)),
      ),
    );
  } catch (e) {
    if (!(e instanceof NotCoveredError)) throw e; // no KIA table for this year: no curve
  }
}

export function renderScenarioForm(
  s: ScenarioInput,
  ctx: ScenarioViewContext,
  result: HTMLElement,
  summary?: HTMLElement,
): HTMLElement {
  const { t } = ctx;
  const update = () => {
    renderResult(result, s, ctx, summary);
    ctx.changed(false);
  };
  const jaar = el("select", { id: "f-jaar" });
  for (const y of ctx.years) jaar.append(el("option", { value: String(y) }, String(y)));
  jaar.value = s.jaar;
  jaar.addEventListener("change", () => {
    s.jaar = jaar.value;
    update();
  });

  const form = el("form", { class: "scenario-form", "aria-label": t.scenario, novalidate: true });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.append(el("div", { class: "field" }, el("label", { for: "f-jaar" }, t.fields.jaar), jaar));
  const fields = (host: HTMLElement, texts: typeof TEXT_FIELDS, flags: typeof FLAG_FIELDS) => {
    for (const [key, kind] of texts) {
      const f = textField(`f-${key}`, t.fields[key], s[key] ?? "", fieldMessage(kind, s[key] ?? "", t), (v) => {
        s[key] = v;
        const message = fieldMessage(kind, v, t);
        f.msg.textContent = message;
        f.input.setAttribute("aria-invalid", message ? "true" : "false");
        update();
      });
      host.append(f.node);
    }
    for (const key of flags) {
      host.append(
        checkbox(`f-${key}`, t.fields[key], s[key] ?? false, (v) => {
          s[key] = v;
          update();
        }),
      );
    }
  };
  fields(form, TEXT_FIELDS, FLAG_FIELDS);

  const list = el("fieldset", { class: "investments" }, el("legend", {}, t.investments));
  s.investeringen.forEach((inv, index) => {
    const n = index + 1;
    const messages = investmentMessages(inv, t);
    const bedrag = textField(`f-inv-${n}-bedrag`, t.investmentAmount(n), inv.bedrag, messages.bedrag, (v) => {
      inv.bedrag = v;
      bedrag.msg.textContent = investmentMessages(inv, t).bedrag;
      update();
    });
    const betaald = textField(`f-inv-${n}-betaald`, t.investmentPaid(n), inv.betaald, messages.betaald, (v) => {
      inv.betaald = v;
      betaald.msg.textContent = investmentMessages(inv, t).betaald;
      update();
    });
    betaald.node.hidden = inv.inGebruik;
    const inUse = checkbox(`f-inv-${n}-gebruik`, t.investmentInUse(n), inv.inGebruik, (v) => {
      inv.inGebruik = v;
      betaald.node.hidden = v;
      update();
    });
    const remove = el("button", { type: "button", class: "secondary", id: `f-inv-${n}-weg` }, t.removeInvestment(n));
    remove.addEventListener("click", () => {
      s.investeringen.splice(index, 1);
      ctx.changed(true);
    });
    list.append(el("div", { class: "investment" }, bedrag.node, inUse, betaald.node, remove));
  });
  const add = el("button", { type: "button", class: "secondary", id: "f-inv-add" }, t.addInvestment);
  add.addEventListener("click", () => {
    s.investeringen.push({ bedrag: "", inGebruik: true, betaald: "" });
    ctx.changed(true);
    document.getElementById(`f-inv-${s.investeringen.length}-bedrag`)?.focus();
  });
  list.append(add);
  form.append(list);
  const kor = el("fieldset", { class: "kor" }, el("legend", {}, t.kor));
  fields(kor, KOR_TEXT_FIELDS, KOR_FLAG_FIELDS);
  form.append(kor);
  return form;
}
