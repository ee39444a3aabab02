/**
 * The task pane: a quick calculation of the chain winst -> belastbare winst, the formulas with
 * examples and the years covered. Everything is computed by the rules core, locally.
 */
import Decimal from "decimal.js";
import examples from "../../help/examples.json";
import { belastbareWinst } from "../rules/chain";
import { describeYears, InvalidInputError, NotCoveredError } from "../rules/errors";
import { ALL_PARAMETERS, coveredYears } from "../rules/parameters";
import { ENGINE_VERSION, PARAMETERS_CHECKED_ON } from "../rules/version";
import { formatEuro, parseAmount } from "./format";
import { browserStorage, Storage, workbookStorage } from "./storage";

interface PaneState {
  jaar: string;
  winst: string;
  urencriterium: boolean;
  starter: boolean;
  aow: boolean;
}

const DEFAULT_STATE: PaneState = { jaar: "2025", winst: "40.000", urencriterium: true, starter: false, aow: false };

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Years for which every rule of the chain has its numbers. */
function chainYears(): number[] {
  const needed = ALL_PARAMETERS.filter((p) => !p.name.startsWith("kia_"));
  const sets = needed.map((p) => new Set(coveredYears(p)));
  return coveredYears(needed[0]).filter((y) => sets.every((s) => s.has(y)));
}

function field(id: string, label: string, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
  input.id = id;
  return el(
    "div",
    { class: "field" },
    el("label", { for: id }, label),
    input,
    el("div", { class: "message", id: `${id}-msg`, role: "alert" }),
  );
}

function checkbox(id: string, label: string, checked: boolean): HTMLElement {
  const input = el("input", { type: "checkbox", id });
  input.checked = checked;
  return el("div", { class: "check" }, input, el("label", { for: id }, label));
}

export function mount(root: HTMLElement, options: { inExcel: boolean }): void {
  const storage: Storage = options.inExcel ? workbookStorage() : browserStorage();
  const state: PaneState = { ...DEFAULT_STATE, ...(storage.load() as Partial<PaneState> | null) };

  const jaar = el("select");
  for (const y of chainYears()) jaar.append(el("option", { value: String(y) }, String(y)));
  jaar.value = state.jaar;
  const winst = el("input", { type: "text", inputmode: "decimal", autocomplete: "off" });
  winst.value = state.winst;
  const result = el("div", { class: "result", "aria-live": "polite" });

  const form = el(
    "form",
    { class: "calc", "aria-label": "Snel rekenen" },
    field("jaar", "Jaar", jaar),
    field("winst", "Winst vóór ondernemersaftrek (€)", winst),
    checkbox("urencriterium", "Urencriterium gehaald (1.225 uur)", state.urencriterium),
    checkbox("starter", "Recht op startersaftrek", state.starter),
    checkbox("aow", "AOW-leeftijd bereikt op 1 januari", state.aow),
  );

  const checked = (id: string): boolean => (form.querySelector(`#${id}`) as HTMLInputElement).checked;
  const winstMessage = form.querySelector("#winst-msg") as HTMLElement;

  const recalc = (): void => {
    const next: PaneState = {
      jaar: jaar.value,
      winst: winst.value,
      urencriterium: checked("urencriterium"),
      starter: checked("starter"),
      aow: checked("aow"),
    };
    void storage.save({ ...next }).catch(() => undefined);
    const amount = parseAmount(next.winst);
    result.replaceChildren();
    winstMessage.textContent = amount === null ? "Vul een bedrag in, bijvoorbeeld 40.000 of -2.500,50." : "";
    winst.setAttribute("aria-invalid", String(amount === null));
    if (amount === null) return;
    try {
      const chain = belastbareWinst({
        year: Number(next.jaar),
        winst: new Decimal(amount),
        urencriterium: next.urencriterium,
        startersaftrek: next.starter,
        aow: next.aow,
      });
      const rows = chain.lines
        .filter((line) => line.key !== "overigeOndernemersaftrek")
        .map((line) =>
          el(
            "tr",
            { class: line.key === "belastbareWinst" ? "total" : "" },
            el("th", { scope: "row" }, line.label),
            el("td", {}, formatEuro(line.value)),
          ),
        );
      const table = el("table", {}, el("caption", {}, `Belastbare winst ${next.jaar}`), el("tbody", {}, ...rows));
      result.append(table);
      if (!chain.nietGerealiseerdeZelfstandigenaftrek.isZero()) {
        result.append(
          el(
            "p",
            { class: "note" },
            `Niet-gerealiseerde zelfstandigenaftrek: ${formatEuro(chain.nietGerealiseerdeZelfstandigenaftrek)} (9 jaar te verrekenen).`,
          ),
        );
      }
    } catch (error) {
      const known = error instanceof InvalidInputError || error instanceof NotCoveredError;
      result.append(
        el("p", { class: "error", role: "alert" }, known ? (error as Error).message : "Deze berekening lukte niet."),
      );
    }
  };
  form.addEventListener("input", recalc);
  form.addEventListener("change", recalc);
  form.addEventListener("submit", (event) => event.preventDefault());

  const formulas = el(
    "ul",
    { class: "formulas" },
    ...Object.entries(examples).map(([id, docs]) =>
      el(
        "li",
        {},
        el("a", { href: `help/${id.toLowerCase()}.html`, target: "_blank", rel: "noopener" }, `NL.${id}`),
        el("code", {}, docs.voorbeelden[0].formule),
      ),
    ),
  );

  const kiaYears = ALL_PARAMETERS.find((p) => p.name === "kia_ondergrens");
  root.replaceChildren(
    el(
      "header",
      {},
      el("img", { src: "assets/icon-32.png", alt: "", width: "24", height: "24" }),
      el("h1", {}, "NL Aftrek"),
    ),
    el(
      "p",
      { class: options.inExcel ? "status" : "status browser" },
      options.inExcel
        ? "Verbonden met Excel. Uw invoer wordt in de werkmap bewaard."
        : "Geopend in een browser: u kunt hier rekenen, maar er is geen werkmap. De NL-formules werken in Excel.",
    ),
    el("section", {}, el("h2", {}, "Snel rekenen"), form, result),
    el("section", {}, el("h2", {}, "Formules"), formulas),
    el(
      "section",
      { class: "about" },
      el("h2", {}, "Over"),
      el(
        "p",
        {},
        `Jaren: ondernemersaftrek en MKB-winstvrijstelling ${describeYears(chainYears())}; KIA ${describeYears(kiaYears ? coveredYears(kiaYears) : [])}.`,
      ),
      el(
        "p",
        {},
        `Rekenkern ${ENGINE_VERSION}, bedragen gecontroleerd op ${PARAMETERS_CHECKED_ON}. Alles wordt lokaal berekend.`,
      ),
    ),
  );
  recalc();
}
