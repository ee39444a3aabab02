/**
 * What the audit looks for, derived from the rules' parameters: every value of every parameter in
 * every year, as the number a formula or a cell holds (a percentage as its fraction: 12,7% is
 * 0.127). No tax number is written here; a new parameter or year is found without a change.
 */
import { PARAMETER_GROUPS } from "../rules/parameters";
import type { Parameter } from "../rules/parameters";

export interface CatalogueEntry {
  readonly parameter: Parameter;
  /** The rule (parameter file) it belongs to. */
  readonly group: string;
  /** The value a formula or cell holds: an amount as is, a percentage as a fraction. */
  readonly value: number;
  /** The years in which this was the parameter's value. */
  readonly years: readonly number[];
  /** A number only a tax rule would write: three or more significant digits (2470, 0,127, 1.225). */
  readonly distinctive: boolean;
  /** Words that, in a label next to a cell, say the cell is about this rule. */
  readonly keywords: readonly string[];
}

/**
 * Values that are no sign of a hard-coded deduction: units that count years, times or yes/no, and
 * the general btw rate (an ordinary budget computes 21% VAT and is right to).
 */
const LEFT_OUT_UNITS = new Set(["jaren", "aantal", "ja/nee"]);
const LEFT_OUT = new Set(["btw_algemeen_tarief"]);

/** Per rule, the words a bookkeeper puts in a label for it. Words, not numbers. */
const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  kia: ["kia", "investeringsaftrek", "kleinschaligheid", "investering"],
  ondernemersaftrek: ["zelfstandigenaftrek", "startersaftrek", "zelfstandigen", "ondernemersaftrek"],
  mkbWinstvrijstelling: ["mkb", "winstvrijstelling"],
  urencriterium: ["urencriterium", "uren"],
  aoStartersaftrek: ["startersaftrek", "arbeidsongeschikt"],
  meewerkaftrek: ["meewerk", "partner"],
  soAftrek: ["s&o", "speur", "wbso"],
  stakingsaftrek: ["staking", "desinvestering"],
  box1: ["schijf", "tarief", "box 1", "box1", "inkomstenbelasting", "premie", "aow", "wlz", "anw", "tariefsaanpassing"],
  kor: ["kor", "kleineondernemer", "omzetgrens", "herziening"],
  heffingskortingen: ["heffingskorting", "arbeidskorting", "combinatiekorting", "ouderenkorting", "korting"],
  zvw: ["zvw", "zorgverzekering", "bijdrage"],
};

/** How many significant digits a number has (2470: 3, 0.127: 3, 0.14: 2, 20000: 1). */
export function significantDigits(value: number): number {
  const digits = Math.abs(value)
    .toPrecision(15)
    .replace(/e.*$/, "")
    .replace(".", "")
    .replace(/^0+/, "")
    .replace(/0+$/, "");
  return digits.length;
}

function valueAsWritten(p: Parameter, value: string): number {
  const n = Number(value);
  return p.unit === "procent" ? Number((n / 100).toPrecision(12)) : n;
}

let built: CatalogueEntry[] | null = null;
let byValue: Map<number, CatalogueEntry[]> | null = null;

export function catalogue(): readonly CatalogueEntry[] {
  if (built) return built;
  const entries: CatalogueEntry[] = [];
  for (const [group, parameters] of Object.entries(PARAMETER_GROUPS)) {
    for (const p of parameters) {
      if (LEFT_OUT_UNITS.has(p.unit) || LEFT_OUT.has(p.name)) continue;
      const byValue = new Map<number, number[]>();
      for (const [year, dated] of Object.entries(p.values)) {
        const v = valueAsWritten(p, dated.value);
        if (v === 0) continue;
        byValue.set(v, [...(byValue.get(v) ?? []), Number(year)]);
      }
      for (const [value, years] of byValue) {
        entries.push({
          parameter: p,
          group,
          value,
          years: years.sort((a, b) => a - b),
          distinctive: significantDigits(value) >= 3,
          keywords: KEYWORDS[group] ?? [],
        });
      }
    }
  }
  built = entries;
  return entries;
}

const NONE: readonly CatalogueEntry[] = [];

/**
 * The entries a number matches, in the order of the parameters (the main rule of a value first).
 * Looked up by value: the audit asks this for every number of every cell.
 */
export function entriesFor(value: number): readonly CatalogueEntry[] {
  if (!Number.isFinite(value) || value === 0) return NONE;
  if (!byValue) {
    byValue = new Map();
    for (const e of catalogue()) byValue.set(e.value, [...(byValue.get(e.value) ?? []), e]);
  }
  return byValue.get(Number(value.toPrecision(12))) ?? NONE;
}
