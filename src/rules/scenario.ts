/**
 * One client's year from the facts a bookkeeper knows (hours, investments, earlier use of the
 * deductions) to the tax: the task pane's scenario. It decides which rules apply and hands the
 * amounts to the chain (keten.ts); every amount still comes from its own rule.
 */
import Decimal from "decimal.js";
import { keten, KetenInput, KetenKey } from "./keten";
import { kiaNietInGebruik } from "./kiaNietInGebruik";
import { korResultaat, korToegestaan } from "./kor";
import { Money, money, ZERO } from "./money";
import { marginaalTarief, nettoEffect } from "./nettoEffect";
import { startersaftrek } from "./startersaftrek";
import { startersaftrekArbeidsongeschiktheid } from "./startersaftrekArbeidsongeschiktheid";
import { Trace, TraceBuilder } from "./trace";
import { urencriterium } from "./urencriterium";

export interface ScenarioInvestering {
  readonly bedrag: Decimal;
  readonly inGebruik: boolean;
  /** Paid so far, for an asset not yet in use at 31 December. */
  readonly betaald?: Decimal;
}

export interface ScenarioFacts {
  readonly year: number;
  /** Winst before investeringsaftrek. */
  readonly winst: Decimal;
  readonly urenOnderneming: Decimal;
  readonly urenOverigWerk?: Decimal;
  /** No ondernemer in 1 or more of the 5 preceding years. */
  readonly starter?: boolean;
  readonly aow?: boolean;
  /** Entitled to an arbeidsongeschiktheidsuitkering (for the AO-startersaftrek). */
  readonly aoUitkering?: boolean;
  readonly kerenZelfstandigenaftrek?: Decimal;
  readonly kerenAoStartersaftrek?: Decimal;
  readonly urenPartner?: Decimal;
  readonly investeringen?: readonly ScenarioInvestering[];
  readonly overigInkomen?: Decimal;
  /** The part of `overigInkomen` that is arbeidsinkomen (loon). */
  readonly overigArbeidsinkomen?: Decimal;
  /** A child under 12 and no partner or the lower arbeidsinkomen (combinatiekorting). */
  readonly combinatiekorting?: boolean;
  /** At the AOW-leeftijd, AOW for a single person (alleenstaande ouderenkorting). */
  readonly alleenstaand?: boolean;
  /** The kleineondernemersregeling: apply it this year (when the turnover allows it). */
  readonly kor?: boolean;
  /** Turnover excl. btw this year and last year (for the KOR). */
  readonly omzet?: Decimal;
  readonly omzetVorigJaar?: Decimal;
  /** Btw paid on costs and investments this year (no longer reclaimable under the KOR). */
  readonly btwKosten?: Decimal;
  /** Private clients keep paying the same price incl. btw under the KOR. */
  readonly particulierZelfdePrijs?: boolean;
}

export type ScenarioKey =
  | "korEffect"
  | "kia"
  | "kiaLater"
  | "winstNaKia"
  | Exclude<KetenKey, "winst" | "overigeOndernemersaftrek">
  | "aoStartersaftrek";

export interface ScenarioLine {
  readonly key: ScenarioKey;
  readonly value: Money;
  /** The law text of this line for the scenario's year. */
  readonly url: string;
}

export interface ScenarioResult {
  readonly urencriterium: boolean;
  /** What this year's KIA saves in total to pay (tax, premie, heffingskortingen and Zvw together). */
  readonly nettoKia: Money;
  /** What € 1 more winst costs in total, as a fraction. */
  readonly marginaalTarief: Money;
  /** With € 100 more on the largest investment: how much more KIA and how much less to pay. */
  readonly meerInvesteren: { readonly stap: Money; readonly kia: Money; readonly netto: Money } | null;
  /** Whether the turnover allows the KOR (null when no turnover was given). */
  readonly korMogelijk: boolean | null;
  readonly lines: readonly ScenarioLine[];
  readonly trace: Trace;
}

const ARTICLE: Record<ScenarioKey, string> = {
  korEffect: "25",
  kia: "3.41",
  kiaLater: "3.44",
  winstNaKia: "3.40",
  zelfstandigenaftrek: "3.76",
  startersaftrek: "3.76",
  soAftrek: "3.77",
  meewerkaftrek: "3.78",
  aoStartersaftrek: "3.78a",
  stakingsaftrek: "3.79",
  ondernemersaftrek: "3.74",
  mkbWinstvrijstelling: "3.79a",
  belastbareWinst: "3.2",
  inkomenBox1: "2.3",
  box1: "2.10",
  tariefsaanpassing: "2.10",
  totaalBox1: "2.10",
  algemeneHeffingskorting: "8.10",
  arbeidskorting: "8.11",
  combinatiekorting: "8.14a",
  ouderenkorting: "8.17",
  alleenstaandeOuderenkorting: "8.18",
  heffingskortingen: "8.8",
  belastingNaKortingen: "8.8",
  zvwBijdrage: "43",
  totaalTeBetalen: "9.1",
};

/** The law of each line: Wet OB 1968, the Zorgverzekeringswet, otherwise the Wet IB 2001. */
const LAW: Partial<Record<ScenarioKey, string>> = { korEffect: "BWBR0002629", zvwBijdrage: "BWBR0018450" };

export function articleUrl(key: ScenarioKey, year: number): string {
  const law = LAW[key] ?? "BWBR0011353";
  return `https://wetten.overheid.nl/${law}/${year}-01-01#Artikel${ARTICLE[key]}`;
}

/**
 * What the KOR does to the winst: without it btw is neutral; with it no btw is charged (private
 * clients paying the same price leave the btw as income) and none is reclaimed on costs.
 */
function korEffect(t: TraceBuilder, facts: ScenarioFacts): { mogelijk: boolean | null; effect: Money } {
  const omzet = facts.omzet ?? ZERO;
  if (omzet.isZero() && !facts.kor) return { mogelijk: null, effect: ZERO };
  const mogelijk = t.part(korToegestaan({ year: facts.year, omzet, omzetVorigJaar: facts.omzetVorigJaar }));
  if (!facts.kor || !mogelijk) return { mogelijk, effect: ZERO };
  const base = { year: facts.year, omzet, kosten: ZERO, btwKosten: facts.btwKosten ?? ZERO };
  const zonder = korResultaat({ ...base, kor: false }).value;
  const met = t.part(korResultaat({ ...base, kor: true, particulierZelfdePrijs: facts.particulierZelfdePrijs }));
  return { mogelijk, effect: met.minus(zonder) };
}

const STAP = money("100");

/** The largest investment € 100 higher: the KIA it adds and what that saves in the whole chain. */
function meer(
  investeringen: readonly ScenarioInvestering[],
  kiaNu: Money,
  kiaVoor: (list: readonly ScenarioInvestering[]) => Money,
  chainInput: KetenInput,
): { stap: Money; kia: Money; netto: Money } {
  let largest = 0;
  investeringen.forEach((b, i) => {
    if (b.bedrag.gt(investeringen[largest].bedrag)) largest = i;
  });
  const meerLijst = investeringen.map((b, i) => (i === largest ? { ...b, bedrag: b.bedrag.plus(STAP) } : b));
  const extraKia = kiaVoor(meerLijst).minus(kiaNu);
  const netto = nettoEffect({ ...chainInput, aftrekpost: extraKia }).value;
  return { stap: STAP, kia: extraKia, netto };
}

export function scenario(facts: ScenarioFacts): ScenarioResult {
  const { year } = facts;
  const t = new TraceBuilder("scenario", "Scenario", "Wet IB 2001", year);
  const starter = facts.starter ?? false;
  const aow = facts.aow ?? false;
  const uc = t.part(
    urencriterium({ uren: facts.urenOnderneming, urenOverigWerk: facts.urenOverigWerk, starter, year }),
  );

  const kor = korEffect(t, facts);
  const investeringen = facts.investeringen ?? [];
  const kiaVoor = (list: readonly ScenarioInvestering[]) =>
    kiaNietInGebruik({
      year,
      bedrijfsmiddelen: list.map((b) => ({
        bedrag: b.bedrag,
        betaaldNietInGebruik: b.inGebruik ? undefined : (b.betaald ?? ZERO),
      })),
    });
  const kia = investeringen.length ? kiaVoor(investeringen) : null;
  const kiaNu = kia ? t.part(kia) : ZERO;
  const winst = facts.winst.plus(kor.effect).minus(kiaNu);

  const recht = t.part(
    startersaftrek({ year, urencriterium: uc, starter, kerenZelfstandigenaftrek: facts.kerenZelfstandigenaftrek, aow }),
  );
  const ao = t.part(
    startersaftrekArbeidsongeschiktheid({
      year,
      winst,
      uren: facts.urenOnderneming,
      aoUitkering: facts.aoUitkering ?? false,
      starter,
      kerenEerder: facts.kerenAoStartersaftrek,
      aow,
    }),
  );
  const chainInput: KetenInput = {
    year,
    winst,
    urencriterium: uc,
    startersaftrek: !recht.isZero(),
    aow,
    urenPartner: facts.urenPartner,
    overigeOndernemersaftrek: ao,
    overigInkomen: facts.overigInkomen,
    overigArbeidsinkomen: facts.overigArbeidsinkomen,
    combinatiekorting: facts.combinatiekorting,
    alleenstaand: facts.alleenstaand,
  };
  const chain = keten(chainInput);
  t.part(chain);
  // The same chain before the KIA (the AO-startersaftrek kept as it is: it follows the winst only
  // through its cap, and the KIA is what is measured here).
  const nettoKia = nettoEffect({ ...chainInput, winst: winst.plus(kiaNu), aftrekpost: kiaNu }).value;
  const marginaal = marginaalTarief(chainInput);
  const meerInvesteren = investeringen.length
    ? meer(investeringen, kiaNu, (list) => kiaVoor(list).value, chainInput)
    : null;

  const line = (key: ScenarioKey, value: Money): ScenarioLine => ({ key, value, url: articleUrl(key, year) });
  const lines: ScenarioLine[] = [];
  if (kor.mogelijk !== null) lines.push(line("korEffect", kor.effect));
  lines.push(line("kia", kiaNu));
  if (kia && !kia.later.isZero()) lines.push(line("kiaLater", kia.later));
  lines.push(line("winstNaKia", winst));
  for (const l of chain.lines) {
    // The scenario has no S&O or stakingswinst facts: those lines would always be 0; the
    // combinatiekorting and the ouderenkortingen only where they can apply.
    if (l.key === "winst" || l.key === "soAftrek" || l.key === "stakingsaftrek") continue;
    if (l.key === "combinatiekorting" && !facts.combinatiekorting) continue;
    if (l.key === "ouderenkorting" && !aow) continue;
    if (l.key === "alleenstaandeOuderenkorting" && !(aow && facts.alleenstaand)) continue;
    if (l.key === "overigeOndernemersaftrek") lines.push(line("aoStartersaftrek", l.value));
    else lines.push(line(l.key, l.value));
  }
  for (const l of lines) t.step(l.key, l.value);
  const { trace } = t.done(chain.value);
  return {
    urencriterium: uc,
    nettoKia,
    marginaalTarief: marginaal,
    meerInvesteren,
    korMogelijk: kor.mogelijk,
    lines,
    trace,
  };
}
