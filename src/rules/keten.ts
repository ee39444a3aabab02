/**
 * The one chain for one ondernemer and one year, as =NL.OVERZICHT, =NL.BELASTBAREWINST,
 * =NL.NETTOEFFECT and the task pane use it:
 *
 *   winst -> each ondernemersaftrek (art. 3.74) -> MKB-winstvrijstelling (art. 3.79a)
 *   -> belastbare winst (art. 3.2) -> box 1 tax and premie (art. 2.10) -> tariefsaanpassing
 *   (art. 2.10 lid 2) -> heffingskortingen (hoofdstuk 8), never more than that tax (art. 8.8)
 *   -> inkomensafhankelijke bijdrage Zvw (art. 43 Zvw) -> total to pay.
 *
 * Every line is rounded to cents as it is determined (each heffingskorting to whole euros, as the
 * aanslag gives it: heffingskortingAanslag.ts), so the lines add up exactly. The income
 * beside the winst (wages, other posts) comes in already netted as `overigInkomen`; box 2 and 3 are
 * not part of the chain, so the verzamelinkomen is the box 1 income.
 */
import Decimal from "decimal.js";
import { algemeneHeffingskorting } from "./algemeneHeffingskorting";
import { arbeidskorting } from "./arbeidskorting";
import { box1 } from "./box1";
import { combinatiekorting } from "./combinatiekorting";
import { meewerkaftrek } from "./meewerkaftrek";
import { mkbWinstvrijstelling } from "./mkbWinstvrijstelling";
import { max, min, Money, roundCents, sum, ZERO } from "./money";
import { alleenstaandeOuderenkorting, ouderenkorting } from "./ouderenkorting";
import { soAftrek } from "./soAftrek";
import { stakingsaftrek } from "./stakingsaftrek";
import { startersaftrek } from "./startersaftrek";
import { tariefsaanpassing } from "./tariefsaanpassing";
import { RuleResult, Trace, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { zelfstandigenaftrek } from "./zelfstandigenaftrek";
import { zvwBijdrage } from "./zvwBijdrage";

export interface KetenInput {
  readonly year: number;
  /** Winst from all businesses (KIA deducted, desinvesteringsbijtelling added), stakingswinst included. */
  readonly winst: Decimal;
  readonly urencriterium: boolean;
  /** The ondernemer meets the conditions of the startersaftrek (art. 3.76 lid 3). */
  readonly startersaftrek?: boolean;
  /** AOW-leeftijd reached at 1 January (half ondernemersaftrek, no AOW premie, ouderenkorting). */
  readonly aow?: boolean;
  /** Hours the partner worked in the business (meewerkaftrek, art. 3.78). */
  readonly urenPartner?: Decimal;
  /** What the partner was paid for that work: from the art. 3.16 lid 4 amount on, no meewerkaftrek. */
  readonly vergoedingPartner?: Decimal;
  /** Hours of speur- en ontwikkelingswerk (S&O-aftrek, art. 3.77). */
  readonly soUren?: Decimal;
  /** Not an ondernemer in one or more of the 5 preceding years (art. 3.77 lid 2). */
  readonly soStarter?: boolean;
  /** In how many of those 5 years an S&O-verklaring was issued (art. 3.77 lid 2). */
  readonly soJarenVerklaring?: Decimal;
  readonly stakingswinst?: Decimal;
  /** Stakingsaftrek enjoyed in earlier years (art. 3.79: a lifetime limit). */
  readonly stakingsaftrekEerder?: Decimal;
  /** Onteigenings- and overbrengingswinst in the winst: left out of the meewerkaftrek (art. 3.78 lid 3). */
  readonly onteigeningsOverbrengingswinst?: Decimal;
  /** Any other ondernemersaftrek (AO-startersaftrek, verrekening niet-gerealiseerde zelfstandigenaftrek). */
  readonly overigeOndernemersaftrek?: Decimal;
  /** Other box 1 income (wages, for instance) less other deductions, already netted. */
  readonly overigInkomen?: Decimal;
  /** The other grondslagverminderende posten inside `overigInkomen` (art. 2.10 lid 3: persoonsgebonden aftrek, aftrekbare kosten eigen woning, TBS-vrijstelling). */
  readonly overigePosten?: Decimal;
  /** The part of `overigInkomen` that is arbeidsinkomen (loon, resultaat uit werkzaamheden). */
  readonly overigArbeidsinkomen?: Decimal;
  /** The conditions of the inkomensafhankelijke combinatiekorting are met (art. 8.14a lid 1 b and c). */
  readonly combinatiekorting?: boolean;
  /** At the AOW-leeftijd, AOW for a single person (alleenstaande ouderenkorting, art. 8.18). */
  readonly alleenstaand?: boolean;
}

export type KetenKey =
  | "winst"
  | "zelfstandigenaftrek"
  | "startersaftrek"
  | "soAftrek"
  | "meewerkaftrek"
  | "stakingsaftrek"
  | "overigeOndernemersaftrek"
  | "ondernemersaftrek"
  | "mkbWinstvrijstelling"
  | "belastbareWinst"
  | "inkomenBox1"
  | "box1"
  | "tariefsaanpassing"
  | "totaalBox1"
  | "algemeneHeffingskorting"
  | "arbeidskorting"
  | "combinatiekorting"
  | "ouderenkorting"
  | "alleenstaandeOuderenkorting"
  | "heffingskortingen"
  | "belastingNaKortingen"
  | "zvwBijdrage"
  | "totaalTeBetalen";

export interface KetenLine {
  readonly key: KetenKey;
  readonly label: string;
  readonly value: Money;
}

export interface KetenResult extends RuleResult<Money> {
  readonly lines: readonly KetenLine[];
  /** One line's amount. */
  line(key: KetenKey): Money;
}

/** The lines in order, with their Dutch labels (the spill of =NL.OVERZICHT). */
export const KETEN_LABELS: Readonly<Record<KetenKey, string>> = {
  winst: "Winst uit onderneming",
  zelfstandigenaftrek: "Zelfstandigenaftrek",
  startersaftrek: "Startersaftrek",
  soAftrek: "S&O-aftrek",
  meewerkaftrek: "Meewerkaftrek",
  stakingsaftrek: "Stakingsaftrek",
  overigeOndernemersaftrek: "Overige ondernemersaftrek",
  ondernemersaftrek: "Ondernemersaftrek",
  mkbWinstvrijstelling: "MKB-winstvrijstelling",
  belastbareWinst: "Belastbare winst uit onderneming",
  inkomenBox1: "Belastbaar inkomen box 1",
  box1: "Inkomstenbelasting en premie box 1",
  tariefsaanpassing: "Tariefsaanpassing",
  totaalBox1: "Totaal box 1 (vóór heffingskortingen)",
  algemeneHeffingskorting: "Algemene heffingskorting",
  arbeidskorting: "Arbeidskorting",
  combinatiekorting: "Inkomensafhankelijke combinatiekorting",
  ouderenkorting: "Ouderenkorting",
  alleenstaandeOuderenkorting: "Alleenstaande ouderenkorting",
  heffingskortingen: "Heffingskortingen (ten hoogste de belasting)",
  belastingNaKortingen: "Belasting en premie na heffingskortingen",
  zvwBijdrage: "Inkomensafhankelijke bijdrage Zvw",
  totaalTeBetalen: "Totaal te betalen",
};

const KEYS = Object.keys(KETEN_LABELS) as KetenKey[];

interface Ondernemersaftrek {
  readonly zelfstandigenaftrek: Money;
  readonly startersaftrek: Money;
  readonly soAftrek: Money;
  readonly meewerkaftrek: Money;
  readonly stakingsaftrek: Money;
  readonly overigeOndernemersaftrek: Money;
  readonly ondernemersaftrek: Money;
}

/** Art. 3.74: the ondernemersaftrek, each part from its own rule. */
function ondernemersaftrekken(t: TraceBuilder, input: KetenInput): Ondernemersaftrek {
  const { year, winst, urencriterium } = input;
  const overige = input.overigeOndernemersaftrek ?? ZERO;
  requireNonNegative(overige, "overige_ondernemersaftrek");
  const starter = input.startersaftrek ?? false;
  const aow = input.aow ?? false;
  const za = t.part(zelfstandigenaftrek({ year, urencriterium, winst, startersaftrek: starter, aow }));
  const sa = t.part(startersaftrek({ year, urencriterium, starter, aow }));
  const so = input.soUren
    ? t.part(
        soAftrek({
          year,
          urencriterium,
          soUren: input.soUren,
          starter: input.soStarter ?? false,
          jarenSoVerklaring: input.soJarenVerklaring,
        }),
      )
    : ZERO;
  const meewerk = input.urenPartner
    ? t.part(
        meewerkaftrek({
          year,
          winst,
          urenPartner: input.urenPartner,
          urencriterium,
          stakingswinst: input.stakingswinst,
          onteigeningsOverbrengingswinst: input.onteigeningsOverbrengingswinst,
          vergoeding: input.vergoedingPartner,
        }),
      )
    : ZERO;
  const staking = input.stakingswinst
    ? t.part(stakingsaftrek({ year, stakingswinst: input.stakingswinst, eerderBenut: input.stakingsaftrekEerder }))
    : ZERO;
  const total = sum([za, sa, so, meewerk, staking, overige]);
  return {
    zelfstandigenaftrek: za,
    startersaftrek: sa,
    soAftrek: so,
    meewerkaftrek: meewerk,
    stakingsaftrek: staking,
    overigeOndernemersaftrek: overige,
    ondernemersaftrek: total,
  };
}

/**
 * Where the chain may stop. "belastbareWinst" stops after art. 3.2, so that a year whose box 1 is
 * not yet known (2027) still has its belastbare winst.
 */
export interface KetenOptions {
  readonly tot?: "belastbareWinst" | "totaalTeBetalen";
}

function linesOf(values: Partial<Record<KetenKey, Decimal>>): KetenLine[] {
  const lines: KetenLine[] = [];
  for (const key of KEYS) {
    const v = values[key];
    if (v !== undefined) lines.push({ key, label: KETEN_LABELS[key], value: roundCents(v) });
  }
  return lines;
}

/** The chain's lines, rounded when they are asked for (a formula asks for one line only). */
class Keten implements KetenResult {
  private rounded: KetenLine[] | null = null;

  constructor(
    readonly value: Money,
    readonly trace: Trace,
    private readonly values: Partial<Record<KetenKey, Decimal>>,
  ) {}

  get lines(): readonly KetenLine[] {
    return (this.rounded ??= linesOf(this.values));
  }

  line(key: KetenKey): Money {
    const v = this.values[key];
    if (!v) throw new Error(`keten: line ${key} was not computed`);
    return roundCents(v);
  }
}

function finish(t: TraceBuilder, values: Partial<Record<KetenKey, Decimal>>, last: KetenKey): KetenResult {
  const lastLine = values[last];
  if (!lastLine) throw new Error(`keten: line ${last} was not computed`);
  if (t.collecting) for (const line of linesOf(values)) t.step(line.label, line.value);
  const { value, trace } = t.done(roundCents(lastLine));
  return new Keten(value, trace, values);
}

export function keten(input: KetenInput, options: KetenOptions = {}): KetenResult {
  const t =
    options.tot === "belastbareWinst"
      ? new TraceBuilder("belastbareWinst", "Belastbare winst uit onderneming", "art. 3.2 Wet IB 2001", input.year)
      : new TraceBuilder("keten", "Van winst tot te betalen", "art. 3.2 Wet IB 2001", input.year);
  const { year, winst } = input;
  const aow = input.aow ?? false;
  const overigePosten = input.overigePosten ?? ZERO;
  requireNonNegative(overigePosten, "overige_posten");
  const overigArbeid = input.overigArbeidsinkomen ?? ZERO;
  requireNonNegative(overigArbeid, "overig_arbeidsinkomen");

  const oa = ondernemersaftrekken(t, input);
  const mkb = t.part(mkbWinstvrijstelling({ year, winst, ondernemersaftrek: oa.ondernemersaftrek }));
  const belastbareWinst = roundCents(winst.minus(oa.ondernemersaftrek).minus(mkb));
  if (options.tot === "belastbareWinst") {
    return finish(t, { winst, ...oa, mkbWinstvrijstelling: mkb, belastbareWinst }, "belastbareWinst");
  }
  const inkomen = roundCents(belastbareWinst.plus(input.overigInkomen ?? ZERO));
  const belasting = t.part(box1({ year, inkomen, aow }));
  const ta = t.part(tariefsaanpassing({ year, inkomen, aftrekposten: [oa.ondernemersaftrek, mkb, overigePosten] }));
  const totaalBox1 = belasting.plus(ta);

  // Hoofdstuk 8. Arbeidsinkomen: the winst before ondernemersaftrek without the stakingswinst
  // (not earned with present work, art. 8.1 lid 1 onderdeel e), plus the other arbeidsinkomen.
  const arbeidsinkomen = winst.minus(input.stakingswinst ?? ZERO).plus(overigArbeid);
  const ahk = t.part(algemeneHeffingskorting({ year, inkomen, aow }));
  const ak = t.part(arbeidskorting({ year, arbeidsinkomen, aow }));
  const iack = t.part(combinatiekorting({ year, arbeidsinkomen, voorwaarden: input.combinatiekorting ?? false, aow }));
  const ok = aow ? t.part(ouderenkorting({ year, verzamelinkomen: inkomen })) : ZERO;
  const aok = aow && input.alleenstaand ? t.part(alleenstaandeOuderenkorting(year)) : ZERO;
  const kortingen = sum([ahk, ak, iack, ok, aok]);
  const heffingskortingen = min(kortingen, max(totaalBox1, ZERO));
  const naKortingen = totaalBox1.minus(heffingskortingen);

  const zvw = t.part(zvwBijdrage({ year, bijdrageInkomen: belastbareWinst }));
  const totaal = naKortingen.plus(zvw);

  const values: Record<KetenKey, Decimal> = {
    winst,
    ...oa,
    mkbWinstvrijstelling: mkb,
    belastbareWinst,
    inkomenBox1: inkomen,
    box1: belasting,
    tariefsaanpassing: ta,
    totaalBox1,
    algemeneHeffingskorting: ahk,
    arbeidskorting: ak,
    combinatiekorting: iack,
    ouderenkorting: ok,
    alleenstaandeOuderenkorting: aok,
    heffingskortingen,
    belastingNaKortingen: naKortingen,
    zvwBijdrage: zvw,
    totaalTeBetalen: totaal,
  };
  return finish(t, values, "totaalTeBetalen");
}
