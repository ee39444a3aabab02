/**
 * The scenario form: every number read as it is typed (see fields.ts), the result and the summary
 * updated on every change, investments added and removed with the focus kept where it makes sense.
 */
import { el } from "./dom";
import { checkbox, numberField } from "./fields";
import { computeScenario } from "./outcome";
import {
  FLAG_FIELDS,
  INVESTMENT_FIELDS,
  KOR_FLAG_FIELDS,
  KOR_TEXT_FIELDS,
  NumberField,
  ScenarioInput,
  TEXT_FIELDS,
  TextField,
} from "./scenarioModel";
import { renderResult, ScenarioViewContext } from "./scenarioView";
import { renderSummary } from "./summary";

/** Recomputes the scenario and shows it in the result and the summary. */
export function refresh(s: ScenarioInput, ctx: ScenarioViewContext, result: HTMLElement, summary: HTMLElement): void {
  const outcome = computeScenario(s, ctx.lang, ctx.t);
  renderSummary(summary, outcome, s, ctx);
  renderResult(result, outcome, s, ctx);
}

export function renderScenarioForm(
  s: ScenarioInput,
  ctx: ScenarioViewContext,
  result: HTMLElement,
  summary: HTMLElement,
  onRename: (name: string) => void,
): HTMLElement {
  const { t, lang } = ctx;
  const update = () => {
    refresh(s, ctx, result, summary);
    ctx.changed(false);
  };
  const form = el("form", { class: "scenario-form", "aria-label": t.scenario, novalidate: true });
  form.addEventListener("submit", (e) => e.preventDefault());

  const name = el("input", { id: "scenario-name", type: "text", autocomplete: "off" });
  name.value = s.naam;
  name.addEventListener("input", () => {
    s.naam = name.value;
    onRename(name.value);
    ctx.changed(false);
  });
  const jaar = el("select", { id: "f-jaar" });
  for (const y of ctx.years) jaar.append(el("option", { value: String(y) }, String(y)));
  jaar.value = s.jaar;
  jaar.addEventListener("change", () => {
    s.jaar = jaar.value;
    update();
  });
  form.append(
    el("div", { class: "field" }, el("label", { for: "scenario-name" }, t.name), name),
    el("div", { class: "field" }, el("label", { for: "f-jaar" }, t.fields.jaar), jaar),
  );

  const placeholder = (key: string, required?: boolean) =>
    (t.placeholders as Record<string, string>)[key] ?? (required ? "" : t.placeholders.optional);
  const numbers = (host: HTMLElement, fields: readonly NumberField[]) => {
    for (const field of fields) {
      const f = numberField({
        id: `f-${field.key}`,
        label: t.fields[field.key as TextField],
        holder: s,
        field,
        placeholder: placeholder(field.key, field.required),
        lang,
        t,
        onInput: update,
      });
      host.append(f.node);
    }
  };
  const flags = (host: HTMLElement, keys: typeof FLAG_FIELDS) => {
    for (const key of keys) {
      host.append(
        checkbox(`f-${key}`, t.fields[key], s[key] ?? false, (v) => {
          s[key] = v;
          update();
        }),
      );
    }
  };
  numbers(form, TEXT_FIELDS);
  flags(form, FLAG_FIELDS);

  const list = el("fieldset", { class: "investments" }, el("legend", {}, t.investments));
  s.investeringen.forEach((inv, index) => {
    const n = index + 1;
    const field = (key: "bedrag" | "betaald", label: string, placeholder: string) =>
      numberField({
        id: `f-inv-${n}-${key}`,
        label,
        holder: inv,
        field: INVESTMENT_FIELDS[key],
        placeholder,
        lang,
        t,
        onInput: update,
      });
    const bedrag = field("bedrag", t.investmentAmount(n), t.placeholders.bedrag);
    const betaald = field("betaald", t.investmentPaid(n), t.placeholders.optional);
    // Only for an asset not yet in use: one field and one Tab stop less for every other one.
    betaald.node.hidden = inv.inGebruik;
    const inUse = checkbox(`f-inv-${n}-gebruik`, t.investmentInUse(n), inv.inGebruik, (v) => {
      inv.inGebruik = v;
      betaald.node.hidden = v;
      update();
    });
    const remove = el("button", { type: "button", class: "secondary", id: `f-inv-${n}-weg` }, t.removeInvestment(n));
    remove.addEventListener("click", () => {
      s.investeringen.splice(index, 1);
      // The focus goes to what now takes the removed one's place: the next investment, or "add".
      ctx.changed(true, index < s.investeringen.length ? `f-inv-${n}-bedrag` : "f-inv-add");
    });
    list.append(el("div", { class: "investment" }, bedrag.node, inUse, betaald.node, remove));
  });
  const add = el("button", { type: "button", class: "secondary", id: "f-inv-add" }, t.addInvestment);
  add.addEventListener("click", () => {
    s.investeringen.push({ bedrag: "", inGebruik: true, betaald: "" });
    ctx.changed(true, `f-inv-${s.investeringen.length}-bedrag`);
  });
  list.append(add);
  form.append(list);
  const kor = el("fieldset", { class: "kor" }, el("legend", {}, t.kor));
  numbers(kor, KOR_TEXT_FIELDS);
  flags(kor, KOR_FLAG_FIELDS);
  form.append(kor);
  return form;
}
