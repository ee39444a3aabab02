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
  /** The words a label needs for a constant (a test in a formula says more than a number beside a label). */
  readonly constantKeywords: readonly string[];
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
  box1: [
    "schijf",
    "tarief",
    "box 1",
    "box1",
    "inkomstenbelasting",
    "volksverzekering",
    "aow",
    "wlz",
    "anw",
    "tariefsaanpassing",
  ],
  kor: ["kor", "kleineondernemer", "omzetgrens", "herziening"],
  heffingskortingen: ["heffingskorting", "arbeidskorting", "combinatiekorting", "ouderenkorting", "korting"],
  zvw: ["zvw", "zorgverzekering", "inkomensafhankelijke bijdrage"],
};

/**
 * Per rule, where a constant needs a more specific label than a formula: "Uren" beside 1.225 may be
 * the hours of a contract; a formula testing hours against 1.225 is the urencriterium.
 */
const CONSTANT_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  urencriterium: ["urencriterium", "minimaal aantal uren", "minimum aantal uren"],
};

/** A keyword as a pattern: at the start of a word; a short one (kor, kia) as a whole word ("korting" is no KOR). */
function keywordPattern(keyword: string): RegExp {
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^\\p{L}\\d])${escaped}${keyword.length <= 3 ? "(?![\\p{L}\\d])" : ""}`, "u");
}

const patterns = new Map<string, RegExp>();

/** Whether a label (lower case) names the rule of an entry, for a formula's number or for a constant. */
export function mentions(label: string, entry: CatalogueEntry, constant = false): boolean {
  return (constant ? entry.constantKeywords : entry.keywords).some((k) => {
    let p = patterns.get(k);
    if (!p) patterns.set(k, (p = keywordPattern(k)));
    return p.test(label);
  });
}

const labelWords = new WeakMap<CatalogueEntry, readonly string[]>();

/**
 * How many words of the parameter's own description (of five letters or more) a label has: where
 * one number is two parameters' (37,07% was both box 1 rates in 2022), "eerste schijf" in the label
 * tells which.
 */
export function labelOverlap(label: string, entry: CatalogueEntry): number {
  let words = labelWords.get(entry);
  if (!words) {
    words = [...new Set(entry.parameter.label.toLowerCase().split(/[^\p{L}]+/u))].filter((w) => w.length >= 5);
    labelWords.set(entry, words);
  }
  return words.filter((w) => label.includes(w)).length;
}

/** How many significant digits a number has (2470: 3, 0.127: 3, 0.14: 2, 20000: 1). */
function significantDigits(value: number): number {
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
          constantKeywords: CONSTANT_KEYWORDS[group] ?? KEYWORDS[group] ?? [],
        });
      }
    }
  }
  built = entries;
  return entries;
}

const NONE: readonly CatalogueEntry[] = [];

/**
 * The percentages a number written as a whole percentage matches (35,75 for 35,75%): the entries
 * of its hundredth that are percentages.
 */
export function percentEntriesFor(whole: number): readonly CatalogueEntry[] {
  if (!Number.isFinite(whole) || whole === 0) return NONE;
  return entriesFor(Number((whole / 100).toPrecision(12))).filter((e) => e.parameter.unit === "procent");
}

/** The parameter's value in `year`, as the audit counts it (a percentage as a fraction); null when the rules have none. */
export function officialValue(entry: CatalogueEntry, year: number): number | null {
  const values = entry.parameter.values;
  if (!Object.prototype.hasOwnProperty.call(values, year)) return null;
  return valueAsWritten(entry.parameter, values[year].value);
}

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
