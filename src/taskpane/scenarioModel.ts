/**
 * A scenario as the user types it and its conversion to the facts the rules core takes.
 *
 * Numbers are stored in one notation, the Dutch one the pane writes ("40.000", "1,5"), whatever
 * language the pane shows: a workbook's scenarios read the same in either language. A text that
 * cannot be read (yet) is kept exactly as typed, in `drafts`, and leaves the scenario incomplete;
 * what the user sees in a field is always read in the pane's language.
 */
import Decimal from "decimal.js";
import type { ScenarioFacts } from "../rules/scenario";
import { formatNumber, readNumber } from "./format";
import type { Lang, Strings } from "./i18n";

/** Texts as typed that could not be read, by field. */
export type Drafts = { [field: string]: string | undefined };

export interface InvestmentInput {
  bedrag: string;
  inGebruik: boolean;
  betaald: string;
  drafts?: Drafts;
}

export interface ScenarioInput {
  id: string;
  naam: string;
  jaar: string;
  winst: string;
  urenOnderneming: string;
  urenOverigWerk: string;
  starter: boolean;
  aow: boolean;
  aoUitkering: boolean;
  kerenZelfstandigenaftrek: string;
  kerenAoStartersaftrek: string;
  urenPartner: string;
  overigInkomen: string;
  overigArbeidsinkomen: string;
  combinatiekorting: boolean;
  alleenstaand: boolean;
  investeringen: InvestmentInput[];
  omzet: string;
  omzetVorigJaar: string;
  btwKosten: string;
  kor: boolean;
  particulierZelfdePrijs: boolean;
  drafts?: Drafts;
}

export type TextField =
  | "winst"
  | "urenOnderneming"
  | "urenOverigWerk"
  | "kerenZelfstandigenaftrek"
  | "kerenAoStartersaftrek"
  | "urenPartner"
  | "overigInkomen"
  | "overigArbeidsinkomen"
  | "omzet"
  | "omzetVorigJaar"
  | "btwKosten";

export type FlagField =
  "starter" | "aow" | "aoUitkering" | "combinatiekorting" | "alleenstaand" | "kor" | "particulierZelfdePrijs";

/** What a number field holds: an amount (of any sign, or 0 or more), hours, or a number of years. */
export type NumberKind = "amount" | "positiveAmount" | "hours" | "years";

export interface NumberField<K extends string = TextField> {
  readonly key: K;
  readonly kind: NumberKind;
  /** Empty is not 0: the scenario has no result until it is filled in. */
  readonly required?: boolean;
}

export const TEXT_FIELDS: readonly NumberField[] = [
  { key: "winst", kind: "amount", required: true },
  { key: "urenOnderneming", kind: "hours", required: true },
  { key: "urenOverigWerk", kind: "hours" },
  { key: "urenPartner", kind: "hours" },
  { key: "kerenZelfstandigenaftrek", kind: "years" },
  { key: "kerenAoStartersaftrek", kind: "years" },
  { key: "overigInkomen", kind: "amount" },
  { key: "overigArbeidsinkomen", kind: "positiveAmount" },
];
export const FLAG_FIELDS: readonly FlagField[] = ["starter", "aow", "aoUitkering", "combinatiekorting", "alleenstaand"];
/** The btw part of the form, in its own group. */
export const KOR_TEXT_FIELDS: readonly NumberField[] = [
  { key: "omzet", kind: "positiveAmount" },
  { key: "omzetVorigJaar", kind: "positiveAmount" },
  { key: "btwKosten", kind: "positiveAmount" },
];
export const KOR_FLAG_FIELDS: readonly FlagField[] = ["kor", "particulierZelfdePrijs"];
export const INVESTMENT_FIELDS = {
  bedrag: { key: "bedrag", kind: "positiveAmount" },
  betaald: { key: "betaald", kind: "positiveAmount" },
} as const satisfies Record<string, NumberField<"bedrag" | "betaald">>;

let counter = 0;
export function newId(): string {
  counter += 1;
  return `s${Date.now().toString(36)}${counter}`;
}

/** A new scenario: every number empty (no example figures that could pass for input). */
export function emptyScenario(naam: string, jaar = "2025"): ScenarioInput {
  return {
    id: newId(),
    naam,
    jaar,
    winst: "",
    urenOnderneming: "",
    urenOverigWerk: "",
    starter: false,
    aow: false,
    aoUitkering: false,
    kerenZelfstandigenaftrek: "",
    kerenAoStartersaftrek: "",
    urenPartner: "",
    overigInkomen: "",
    overigArbeidsinkomen: "",
    combinatiekorting: false,
    alleenstaand: false,
    investeringen: [],
    omzet: "",
    omzetVorigJaar: "",
    btwKosten: "",
    kor: false,
    particulierZelfdePrijs: false,
  };
}

const copyDrafts = (d: Drafts | undefined) => (d ? { drafts: { ...d } } : {});

export function duplicate(s: ScenarioInput, naam: string): ScenarioInput {
  return {
    ...s,
    id: newId(),
    naam,
    investeringen: s.investeringen.map((i) => ({ ...i, ...copyDrafts(i.drafts) })),
    ...copyDrafts(s.drafts),
  };
}

/** Why a field cannot be used. */
export type FieldProblem = "missing" | "syntax" | "ambiguous" | "negative" | "decimals" | "tooLarge" | "years";

export type FieldCheck =
  | { readonly status: "ok"; readonly value: Decimal }
  | { readonly status: "empty" }
  | { readonly status: "error"; readonly problem: FieldProblem; readonly readings?: readonly [Decimal, Decimal] };

/** Decimals a kind allows (cents for amounts) and its largest value. */
const LIMITS: Record<NumberKind, { readonly places: number; readonly max: Decimal; readonly negative: boolean }> = {
  amount: { places: 2, max: new Decimal("1e12"), negative: true },
  positiveAmount: { places: 2, max: new Decimal("1e12"), negative: false },
  // A (leap) year has 366 x 24 = 8.784 hours.
  hours: { places: 2, max: new Decimal(8784), negative: false },
  years: { places: 0, max: new Decimal(5), negative: false },
};

/** A typed text read as a number of its kind, in the pane's language. */
export function checkNumber(text: string, lang: Lang, kind: NumberKind, required = false): FieldCheck {
  const r = readNumber(text, lang);
  if (r.status === "empty") return required ? { status: "error", problem: "missing" } : { status: "empty" };
  if (r.status === "invalid") return { status: "error", problem: "syntax" };
  if (r.status === "ambiguous") return { status: "error", problem: "ambiguous", readings: r.readings };
  const { value } = r;
  const limit = LIMITS[kind];
  if (kind === "years" && (!value.isInteger() || value.isNegative() || value.gt(limit.max))) {
    return { status: "error", problem: "years" };
  }
  if (!limit.negative && value.isNegative() && !value.isZero()) return { status: "error", problem: "negative" };
  if (value.decimalPlaces() > limit.places) return { status: "error", problem: "decimals" };
  if (value.abs().gt(limit.max)) return { status: "error", problem: "tooLarge" };
  return { status: "ok", value };
}

/**
 * A number as the pane writes it in a field: 40.000, 40.000,50 (cents, when there are any),
 * 12,5 uur. Never rounded: every decimal it has is written.
 */
export function displayNumber(value: Decimal, lang: Lang, kind: NumberKind): string {
  const cents = kind === "amount" || kind === "positiveAmount";
  const places = cents && !value.isInteger() ? Math.max(2, value.decimalPlaces()) : value.decimalPlaces();
  return formatNumber(value, lang, places);
}

type Holder = { drafts?: Drafts };
const stored = (holder: Holder, key: string): string => {
  const v = (holder as Record<string, unknown>)[key];
  return typeof v === "string" ? v : "";
};

/** The text a field shows: a draft as typed, a stored number written in the pane's language. */
export function shownText(holder: Holder, field: NumberField<string>, lang: Lang): string {
  const draft = holder.drafts?.[field.key];
  if (draft !== undefined) return draft;
  const text = stored(holder, field.key);
  const c = checkNumber(text, "nl", field.kind);
  return c.status === "ok" ? displayNumber(c.value, lang, field.kind) : text;
}

/** Keeps what the user typed: as a stored number when it reads as one, otherwise as a draft. */
export function storeText(holder: Holder, field: NumberField<string>, text: string, lang: Lang): void {
  const c = checkNumber(text, lang, field.kind);
  const record = holder as Record<string, unknown>;
  const drafts = { ...holder.drafts };
  if (c.status === "ok" || c.status === "empty") {
    record[field.key] = c.status === "ok" ? displayNumber(c.value, "nl", field.kind) : "";
    delete drafts[field.key];
  } else {
    record[field.key] = "";
    drafts[field.key] = text;
  }
  if (Object.keys(drafts).length) holder.drafts = drafts;
  else delete holder.drafts;
}

/** What a field holds now, read in the pane's language. */
export function fieldCheck(holder: Holder, field: NumberField<string>, lang: Lang): FieldCheck {
  return checkNumber(shownText(holder, field, lang), lang, field.kind, field.required);
}

/** A field that keeps the scenario from a result: where it is, how to name it, and why. */
export interface FieldIssue {
  readonly id: string;
  readonly label: string;
  readonly missing: boolean;
}

/** Every field, in the order of the form, with the id of its input and its short name. */
export function numberFields(
  s: ScenarioInput,
  t: Strings,
): Array<{ holder: Holder; field: NumberField<string>; id: string; label: string }> {
  const main = TEXT_FIELDS.map((field) => ({
    holder: s,
    field,
    id: `f-${field.key}`,
    label: t.short[field.key as TextField],
  }));
  const investments = s.investeringen.flatMap((inv, i) => [
    { holder: inv, field: INVESTMENT_FIELDS.bedrag, id: `f-inv-${i + 1}-bedrag`, label: t.investmentShort(i + 1) },
    ...(inv.inGebruik
      ? []
      : [
          {
            holder: inv,
            field: INVESTMENT_FIELDS.betaald,
            id: `f-inv-${i + 1}-betaald`,
            label: t.investmentPaidShort(i + 1),
          },
        ]),
  ]);
  const kor = KOR_TEXT_FIELDS.map((field) => ({
    holder: s,
    field,
    id: `f-${field.key}`,
    label: t.short[field.key as TextField],
  }));
  return [...main, ...investments, ...kor];
}

/** The fields that keep the scenario from a result: wrong ones and required ones still empty. */
export function scenarioIssues(s: ScenarioInput, lang: Lang, t: Strings): FieldIssue[] {
  return numberFields(s, t).flatMap(({ holder, field, id, label }) => {
    const c = fieldCheck(holder, field, lang);
    return c.status === "error" ? [{ id, label, missing: c.problem === "missing" }] : [];
  });
}

/** The scenario with every number stored (drafts that read as a number in `lang` taken over). */
export function settled(s: ScenarioInput, lang: Lang, t: Strings): ScenarioInput {
  const copy = duplicate(s, s.naam);
  copy.id = s.id;
  for (const { holder, field } of numberFields(copy, t)) {
    if (holder.drafts?.[field.key] !== undefined) storeText(holder, field, holder.drafts[field.key]!, lang);
  }
  return copy;
}

const ZERO = new Decimal(0);

/** The facts of a complete scenario (see scenarioIssues); throws on a field that cannot be read. */
export function toFacts(s: ScenarioInput, lang: Lang = "nl"): ScenarioFacts {
  const value = (holder: Holder, field: NumberField<string>): Decimal => {
    const c = fieldCheck(holder, field, lang);
    if (c.status === "error") throw new Error(`${field.key}: ${c.problem}`);
    return c.status === "ok" ? c.value : ZERO;
  };
  const main = Object.fromEntries([...TEXT_FIELDS, ...KOR_TEXT_FIELDS].map((f) => [f.key, value(s, f)])) as Record<
    TextField,
    Decimal
  >;
  return {
    year: Number(s.jaar),
    ...main,
    starter: s.starter,
    aow: s.aow,
    aoUitkering: s.aoUitkering,
    combinatiekorting: s.combinatiekorting ?? false,
    alleenstaand: s.alleenstaand ?? false,
    kor: s.kor ?? false,
    particulierZelfdePrijs: s.particulierZelfdePrijs ?? false,
    investeringen: s.investeringen
      .filter((i) => fieldCheck(i, INVESTMENT_FIELDS.bedrag, lang).status === "ok")
      .map((i) => ({
        bedrag: value(i, INVESTMENT_FIELDS.bedrag),
        inGebruik: i.inGebruik,
        betaald: i.inGebruik ? ZERO : value(i, INVESTMENT_FIELDS.betaald),
      })),
  };
}

/** The total of the investments' amounts as the pane reads them. */
export function investmentTotal(s: ScenarioInput, lang: Lang): Decimal {
  return s.investeringen.reduce((sum, i) => {
    const c = fieldCheck(i, INVESTMENT_FIELDS.bedrag, lang);
    return c.status === "ok" ? sum.plus(c.value) : sum;
  }, ZERO);
}
