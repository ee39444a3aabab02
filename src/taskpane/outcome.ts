/**
 * What a scenario gives: its result from the rules core, the rules core's refusal, or the fields
 * that keep it from a result (never a result computed from a field that could not be read).
 */
import { InvalidInputError, NotCoveredError } from "../rules/errors";
import { officialValue } from "../rules/officialValue";
import { scenario, ScenarioKey, ScenarioResult } from "../rules/scenario";
import type { Trace } from "../rules/trace";
import { formatEuroWhole } from "./format";
import type { Lang, Strings } from "./i18n";
import { FieldIssue, investmentTotal, ScenarioInput, scenarioIssues, toFacts } from "./scenarioModel";

export type Outcome =
  | { readonly kind: "incomplete"; readonly issues: readonly FieldIssue[] }
  | { readonly kind: "refused"; readonly message: string }
  | { readonly kind: "result"; readonly result: ScenarioResult };

export function computeScenario(s: ScenarioInput, lang: Lang, t: Strings): Outcome {
  const issues = scenarioIssues(s, lang, t);
  if (issues.length) return { kind: "incomplete", issues };
  try {
    return { kind: "result", result: scenario(toFacts(s, lang)) };
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof NotCoveredError) {
      return { kind: "refused", message: error.message };
    }
    throw error;
  }
}

export function lineValue(result: ScenarioResult, key: ScenarioKey) {
  return result.lines.find((l) => l.key === key)?.value;
}

function findTrace(trace: Trace, rule: string): Trace | undefined {
  if (trace.rule === rule) return trace;
  for (const part of trace.parts) {
    const found = findTrace(part, rule);
    if (found) return found;
  }
  return undefined;
}

/** A parameter of the year in whole euros ("€ 2.900"), or null when the year has none. */
function euros(year: number, name: string, lang: Lang): string | null {
  try {
    return formatEuroWhole(officialValue(year, name).value.toNumber(), lang);
  } catch (error) {
    if (error instanceof NotCoveredError) return null;
    throw error;
  }
}

export interface Reason {
  readonly id: string;
  readonly text: string;
}

/**
 * Why the result jumps where it does: the urencriterium not met, investments that give no KIA
 * (the rule's own first step gives the total of the assets that count), the KOR refused by the
 * turnover. Each is read from the rules' result, never decided here.
 */
export function reasons(s: ScenarioInput, result: ScenarioResult, lang: Lang, t: Strings): Reason[] {
  const year = Number(s.jaar);
  const list: Reason[] = [];
  if (!result.urencriterium) list.push({ id: "reason-uren", text: t.reasonUren });
  const kia = lineValue(result, "kia");
  const later = lineValue(result, "kiaLater");
  if (investmentTotal(s, lang).gt(0) && kia?.isZero() && !later) {
    const counted = Number(findTrace(result.trace, "kia")?.steps[0]?.value ?? "0");
    const ondergrens = officialValue(year, "kia_ondergrens").value.toNumber();
    const text =
      counted === 0
        ? t.reasonKiaSmall(euros(year, "kia_minimum_bedrijfsmiddel", lang) ?? "")
        : counted <= ondergrens
          ? t.reasonKiaBelow(euros(year, "kia_ondergrens", lang) ?? "")
          : t.reasonKiaAbove(euros(year, "kia_bovengrens", lang) ?? "");
    list.push({ id: "reason-kia", text });
  }
  if (s.kor && result.korMogelijk === false) {
    const limit = euros(year, "kor_omzetgrens", lang) ?? "";
    let lastYearToo = false;
    try {
      lastYearToo = officialValue(year, "kor_toets_vorig_jaar").value.eq(1);
    } catch (error) {
      if (!(error instanceof NotCoveredError)) throw error;
    }
    list.push({ id: "kor-message", text: t.korNotPossible(limit, lastYearToo) });
  }
  return list;
}
