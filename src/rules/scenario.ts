/**
 * One client's year from the facts a bookkeeper knows (hours, investments, earlier use of the
 * deductions) to the tax: the task pane's scenario. It decides which rules apply and hands the
 * amounts to the chain (keten.ts); every amount still comes from its own rule.
 */
import Decimal from "decimal.js";
import { keten, KetenKey } from "./keten";
import { kiaNietInGebruik } from "./kiaNietInGebruik";
import { Money, ZERO } from "./money";
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
}

export type ScenarioKey =
  "kia" | "kiaLater" | "winstNaKia" | Exclude<KetenKey, "winst" | "overigeOndernemersaftrek"> | "aoStartersaftrek";

export interface ScenarioLine {
  readonly key: ScenarioKey;
  readonly value: Money;
  /** The law text of this line for the scenario's year. */
  readonly url: string;
}

export interface ScenarioResult {
  readonly urencriterium: boolean;
  readonly lines: readonly ScenarioLine[];
  readonly trace: Trace;
}

const ARTICLE: Record<ScenarioKey, string> = {
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
};

export function articleUrl(key: ScenarioKey, year: number): string {
  return `https://wetten.overheid.nl/BWBR0011353/${year}-01-01#Artikel${ARTICLE[key]}`;
}

export function scenario(facts: ScenarioFacts): ScenarioResult {
  const { year } = facts;
  const t = new TraceBuilder("scenario", "Scenario", "Wet IB 2001", year);
  const starter = facts.starter ?? false;
  const aow = facts.aow ?? false;
  const uc = t.part(
    urencriterium({ uren: facts.urenOnderneming, urenOverigWerk: facts.urenOverigWerk, starter, year }),
  );

  const investeringen = facts.investeringen ?? [];
  const kia = investeringen.length
    ? kiaNietInGebruik({
        year,
        bedrijfsmiddelen: investeringen.map((b) => ({
          bedrag: b.bedrag,
          betaaldNietInGebruik: b.inGebruik ? undefined : (b.betaald ?? ZERO),
        })),
      })
    : null;
  const kiaNu = kia ? t.part(kia) : ZERO;
  const winst = facts.winst.minus(kiaNu);

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
  const chain = keten({
    year,
    winst,
    urencriterium: uc,
    startersaftrek: !recht.isZero(),
    aow,
    urenPartner: facts.urenPartner,
    overigeOndernemersaftrek: ao,
    overigInkomen: facts.overigInkomen,
  });
  t.part(chain);

  const line = (key: ScenarioKey, value: Money): ScenarioLine => ({ key, value, url: articleUrl(key, year) });
  const lines: ScenarioLine[] = [line("kia", kiaNu)];
  if (kia && !kia.later.isZero()) lines.push(line("kiaLater", kia.later));
  lines.push(line("winstNaKia", winst));
  for (const l of chain.lines) {
    // The scenario has no S&O or stakingswinst facts: those lines would always be 0.
    if (l.key === "winst" || l.key === "soAftrek" || l.key === "stakingsaftrek") continue;
    if (l.key === "overigeOndernemersaftrek") lines.push(line("aoStartersaftrek", l.value));
    else lines.push(line(l.key, l.value));
  }
  for (const l of lines) t.step(l.key, l.value);
  const { trace } = t.done(chain.value);
  return { urencriterium: uc, lines, trace };
}
