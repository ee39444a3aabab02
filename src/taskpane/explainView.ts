/**
 * "Explain the selected cell": the trace of the NL formula in the active cell, as the custom
 * function recorded it: the steps, the amounts used with their source, the year and the version.
 */
import type { Trace } from "../rules/trace";
import { el } from "./dom";
import type { Strings } from "./i18n";

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
        ...trace.steps.map((s) => el("li", {}, el("span", {}, s.label), el("strong", {}, stepValue(s.value)))),
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

export function renderExplain(
  t: Strings,
  state: { inExcel: boolean; address?: string; trace?: Trace | null; error?: string },
): HTMLElement {
  const root = el("section", { "aria-labelledby": "explain-title" }, el("h2", { id: "explain-title" }, t.explainTitle));
  if (!state.inExcel) {
    root.append(el("p", { class: "status browser" }, t.explainBrowser));
    return root;
  }
  root.append(el("p", { class: "note" }, t.explainHelp));
  const out = el("div", { id: "explain-output", "aria-live": "polite" });
  if (state.error) out.append(el("p", { class: "error" }, state.error));
  else if (state.trace) out.append(el("p", { class: "note" }, state.address ?? ""), renderTrace(state.trace, t));
  else if (state.address) out.append(el("p", {}, t.explainNone(state.address)));
  root.append(out);
  return root;
}
