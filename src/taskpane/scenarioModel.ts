/**
 * A scenario as the user types it (strings, so nothing typed is lost) and its conversion to the
 * facts the rules core takes. Validation says per field what is wrong, in the user's language.
 */
import Decimal from "decimal.js";
import type { ScenarioFacts } from "../rules/scenario";
import { parseAmount } from "./format";
import type { Strings } from "./i18n";

export interface InvestmentInput {
  bedrag: string;
  inGebruik: boolean;
  betaald: string;
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

type Kind = "amount" | "hours" | "count";
export const TEXT_FIELDS: ReadonlyArray<[TextField, Kind]> = [
  ["winst", "amount"],
  ["urenOnderneming", "hours"],
  ["urenOverigWerk", "hours"],
  ["urenPartner", "hours"],
  ["kerenZelfstandigenaftrek", "count"],
  ["kerenAoStartersaftrek", "count"],
  ["overigInkomen", "amount"],
  ["overigArbeidsinkomen", "hours"],
];
export const FLAG_FIELDS: readonly FlagField[] = ["starter", "aow", "aoUitkering", "combinatiekorting", "alleenstaand"];
/** The btw part of the form, in its own group. */
export const KOR_TEXT_FIELDS: ReadonlyArray<[TextField, Kind]> = [
  ["omzet", "hours"],
  ["omzetVorigJaar", "hours"],
  ["btwKosten", "hours"],
];
export const KOR_FLAG_FIELDS: readonly FlagField[] = ["kor", "particulierZelfdePrijs"];

let counter = 0;
export function newId(): string {
  counter += 1;
  return `s${Date.now().toString(36)}${counter}`;
}

export function emptyScenario(naam: string, jaar = "2025"): ScenarioInput {
  return {
    id: newId(),
    naam,
    jaar,
    winst: "40.000",
    urenOnderneming: "1.400",
    urenOverigWerk: "0",
    starter: false,
    aow: false,
    aoUitkering: false,
    kerenZelfstandigenaftrek: "0",
    kerenAoStartersaftrek: "0",
    urenPartner: "0",
    overigInkomen: "0",
    overigArbeidsinkomen: "0",
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

export function duplicate(s: ScenarioInput, naam: string): ScenarioInput {
  return { ...s, id: newId(), naam, investeringen: s.investeringen.map((i) => ({ ...i })) };
}

/** The message for one text field, or "" when it is fine. Empty means 0. */
export function fieldMessage(kind: Kind, text: string, t: Strings): string {
  if (text.trim() === "") return "";
  const n = parseAmount(text);
  if (kind === "amount") return n === null ? t.messages.amount : "";
  if (kind === "hours") return n === null || n < 0 ? t.messages.hours : "";
  return n === null || n < 0 || n > 5 || !Number.isInteger(n) ? t.messages.count : "";
}

export function investmentMessages(inv: InvestmentInput, t: Strings): { bedrag: string; betaald: string } {
  const bedrag = parseAmount(inv.bedrag);
  const betaald = parseAmount(inv.betaald);
  return {
    bedrag: inv.bedrag.trim() !== "" && (bedrag === null || bedrag < 0) ? t.messages.positive : "",
    betaald: !inv.inGebruik && inv.betaald.trim() !== "" && (betaald === null || betaald < 0) ? t.messages.paid : "",
  };
}

export function isValid(s: ScenarioInput, t: Strings): boolean {
  return (
    [...TEXT_FIELDS, ...KOR_TEXT_FIELDS].every(([key, kind]) => fieldMessage(kind, s[key] ?? "", t) === "") &&
    s.investeringen.every((i) => {
      const m = investmentMessages(i, t);
      return m.bedrag === "" && m.betaald === "";
    })
  );
}

const dec = (text: string): Decimal => new Decimal(parseAmount(text) ?? 0);

export function toFacts(s: ScenarioInput): ScenarioFacts {
  return {
    year: Number(s.jaar),
    winst: dec(s.winst),
    urenOnderneming: dec(s.urenOnderneming),
    urenOverigWerk: dec(s.urenOverigWerk),
    starter: s.starter,
    aow: s.aow,
    aoUitkering: s.aoUitkering,
    kerenZelfstandigenaftrek: dec(s.kerenZelfstandigenaftrek),
    kerenAoStartersaftrek: dec(s.kerenAoStartersaftrek),
    urenPartner: dec(s.urenPartner),
    overigInkomen: dec(s.overigInkomen),
    overigArbeidsinkomen: dec(s.overigArbeidsinkomen ?? ""),
    combinatiekorting: s.combinatiekorting ?? false,
    alleenstaand: s.alleenstaand ?? false,
    omzet: dec(s.omzet ?? ""),
    omzetVorigJaar: dec(s.omzetVorigJaar ?? ""),
    btwKosten: dec(s.btwKosten ?? ""),
    kor: s.kor ?? false,
    particulierZelfdePrijs: s.particulierZelfdePrijs ?? false,
    investeringen: s.investeringen
      .filter((i) => i.bedrag.trim() !== "")
      .map((i) => ({ bedrag: dec(i.bedrag), inGebruik: i.inGebruik, betaald: dec(i.betaald) })),
  };
}
