/**
 * The form's controls. A number field is read as it is typed, in the pane's language: a message
 * when it cannot be used (an ambiguous number with both readings), otherwise how it was read,
 * under the field; on leaving the field the number is written back as the pane writes it (60.000).
 */
import { el } from "./dom";
import type { Lang, Strings } from "./i18n";
import { checkNumber, displayNumber, FieldCheck, NumberField, NumberKind, shownText, storeText } from "./scenarioModel";

/** The message for a field that cannot be used, in the words of its kind (bedrag, uren, jaren). */
export function problemMessage(check: FieldCheck, kind: NumberKind, typed: string, lang: Lang, t: Strings): string {
  if (check.status !== "error") return "";
  const r = check.readings;
  const written = r?.map((v) => displayNumber(v, lang, kind));
  return t.fieldProblem(
    kind,
    check.problem,
    r &&
      written && {
        typed: typed.trim(),
        shown: [t.withUnit(kind, written[0]), t.withUnit(kind, written[1])],
        // Only what can be typed without the same doubt, as a number the field takes.
        plain: written.filter((w) => checkNumber(w, lang, kind).status === "ok"),
      },
  );
}

export interface NumberFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly holder: { drafts?: { [field: string]: string | undefined } };
  readonly field: NumberField<string>;
  readonly placeholder: string;
  readonly lang: Lang;
  readonly t: Strings;
  /** After every change of the stored value. */
  onInput(): void;
}

export function numberField(o: NumberFieldOptions): { node: HTMLElement; input: HTMLInputElement } {
  const { id, field, lang, t } = o;
  const input = el("input", {
    id,
    type: "text",
    inputmode: "decimal",
    autocomplete: "off",
    placeholder: o.placeholder,
    "aria-required": field.required ? "true" : undefined,
    "aria-describedby": `${id}-msg ${id}-read`,
  });
  input.value = shownText(o.holder, field, lang);
  const msg = el("div", { class: "message", id: `${id}-msg`, "aria-live": "polite" });
  const read = el("div", { class: "hint", id: `${id}-read` });
  /** A required field left empty is only pointed out once the user has been in it. */
  let touched = false;
  const show = () => {
    const text = input.value;
    const check = checkNumber(text, lang, field.kind, field.required);
    const quietlyEmpty = check.status === "error" && check.problem === "missing" && !touched;
    const message = quietlyEmpty ? "" : problemMessage(check, field.kind, text, lang, t);
    msg.textContent = message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    const written = check.status === "ok" ? displayNumber(check.value, lang, field.kind) : "";
    read.textContent = written && written !== text.trim() ? t.readAs(t.withUnit(field.kind, written)) : "";
    return { check, written };
  };
  input.addEventListener("input", () => {
    storeText(o.holder, field, input.value, lang);
    show();
    o.onInput();
  });
  input.addEventListener("blur", () => {
    touched = true;
    const { written } = show();
    if (written && written !== input.value) {
      input.value = written;
      show();
    }
  });
  show();
  return { node: el("div", { class: "field" }, el("label", { for: id }, o.label), input, msg, read), input };
}

export function checkbox(id: string, label: string, checked: boolean, onChange: (v: boolean) => void): HTMLElement {
  const input = el("input", { type: "checkbox", id });
  input.checked = checked;
  input.addEventListener("change", () => onChange(input.checked));
  return el("div", { class: "check" }, input, el("label", { for: id }, label));
}
