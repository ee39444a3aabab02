/**
 * "Explain the selected cell": the trace of the NL formula in the active cell, as the custom
 * function recorded it: the steps, the amounts used with their source, the year and the version.
 */
import type { Trace } from "../rules/trace";
import { el } from "./dom";
import { ActiveCell, nlFunctionsIn } from "./excel";
import { hyphenate } from "./format";
import type { Strings } from "./i18n";

/** What the pane says about the selected cell. */
export type Explanation =
  | { readonly kind: "trace"; readonly address: string; readonly formula: string; readonly trace: Trace }
  | {
      readonly kind: "nlError";
      readonly address: string;
      readonly formula: string;
      readonly code: string;
      readonly message: string;
    }
  | { readonly kind: "message"; readonly address: string; readonly text: string }
  | { readonly kind: "failed"; readonly text: string };

interface Explainable {
  readonly functionName: string;
  explain(): Trace | null;
}

/**
 * The explanation of what the cell holds now: only when its current formula calls the function
 * the log recorded for it (so a cell that changed is never explained by its old formula), and an
 * NL error as the NL message it is.
 */
export function explainCell(cell: ActiveCell, call: Explainable | undefined, t: Strings): Explanation {
  const functions = nlFunctionsIn(cell.formula);
  if (functions.length === 0) return { kind: "message", address: cell.address, text: t.explainNoFormula(cell.address) };
  if (!call || !functions.includes(call.functionName)) {
    return { kind: "message", address: cell.address, text: t.explainNotYet(cell.address) };
  }
  try {
    const trace = call.explain();
    if (!trace) return { kind: "message", address: cell.address, text: t.explainTooBig(cell.address) };
    return { kind: "trace", address: cell.address, formula: cell.formula, trace };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    const code = typeof e.code === "string" && e.code.startsWith("#") ? e.code : "#VALUE!";
    return { kind: "nlError", address: cell.address, formula: cell.formula, code, message: String(e.message ?? error) };
  }
}

function stepValue(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value).toLocaleString("nl-NL", { maximumFractionDigits: 4 }) : value;
}

export function renderTrace(trace: Trace, t: Strings, depth = 0): HTMLElement {
  const box = el("section", { class: depth ? "trace part" : "trace" });
  const Heading = depth ? "h4" : "h3";
  box.append(
    el(Heading, {}, trace.title),
    el("p", { class: "note" }, `${trace.article}${trace.year ? ` · ${t.explainYear} ${trace.year}` : ""}`),
  );
  if (trace.steps.length) {
    box.append(
      el(
        "ol",
        { class: "steps", "aria-label": t.explainSteps },
        ...trace.steps.map((s) =>
          el(
            "li",
            {},
            el("span", {}, hyphenate(s.label)),
            el("strong", {}, stepValue(s.value)),
            // A step that rests on a rule of practice rather than a parameter (the aanslag's rounding).
            ...(s.source
              ? [" ", el("a", { href: s.source.url, target: "_blank", rel: "noopener" }, s.source.article)]
              : []),
          ),
        ),
      ),
    );
  }
  if (trace.parameters.length) {
    box.append(
      el(
        "ul",
        { class: "params", "aria-label": t.explainParameters },
        ...trace.parameters.map((p) =>
          el(
            "li",
            {},
            `${p.label}: ${stepValue(p.value)} `,
            el("a", { href: p.source.url, target: "_blank", rel: "noopener" }, p.source.article),
          ),
        ),
      ),
    );
  }
  for (const part of trace.parts) box.append(renderTrace(part, t, depth + 1));
  if (!depth) box.append(el("p", { class: "note" }, t.explainVersion(trace.engineVersion, trace.parametersCheckedOn)));
  return box;
}

export function renderExplain(t: Strings, state: { inExcel: boolean; explanation?: Explanation }): HTMLElement {
  const root = el("section", { "aria-labelledby": "explain-title" }, el("h2", { id: "explain-title" }, t.explainTitle));
  if (!state.inExcel) {
    root.append(el("p", { class: "status browser" }, t.explainBrowser));
    return root;
  }
  root.append(el("p", { class: "note" }, t.explainHelp));
  const out = el("div", { id: "explain-output", "aria-live": "polite" });
  const x = state.explanation;
  if (x?.kind === "failed") out.append(el("p", { class: "error" }, x.text));
  else if (x?.kind === "message") out.append(el("p", {}, x.text));
  else if (x) {
    out.append(el("p", { class: "note" }, x.address, " ", el("code", { "aria-label": t.explainFormula }, x.formula)));
    if (x.kind === "trace") out.append(renderTrace(x.trace, t));
    else out.append(el("p", { class: "error", role: "alert" }, t.explainError(x.code, x.message)));
  }
  root.append(out);
  return root;
}
