/**
 * The whole chain for one ondernemer and one year, as the task pane and the =NL.OVERZICHT spill
 * show it: winst -> each ondernemersaftrek -> MKB-winstvrijstelling -> belastbare winst ->
 * box 1 tax -> tariefsaanpassing (art. 3.2, 3.74, 3.79a, 2.10 Wet IB 2001).
 *
 * Every line is rounded to cents as it is determined, so the lines add up exactly.
 */
import Decimal from "decimal.js";
import { box1 } from "./box1";
import { meewerkaftrek } from "./meewerkaftrek";
import { mkbWinstvrijstelling } from "./mkbWinstvrijstelling";
import { Money, roundCents, ZERO } from "./money";
import { soAftrek } from "./soAftrek";
import { stakingsaftrek } from "./stakingsaftrek";
import { startersaftrek } from "./startersaftrek";
import { tariefsaanpassing } from "./tariefsaanpassing";
import { resultWith, RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { zelfstandigenaftrek } from "./zelfstandigenaftrek";

export interface KetenInput {
  readonly year: number;
  /** Winst from all businesses (KIA deducted, desinvesteringsbijtelling added), stakingswinst included. */
  readonly winst: Decimal;
  readonly urencriterium: boolean;
  readonly startersaftrek?: boolean;
  readonly aow?: boolean;
  readonly urenPartner?: Decimal;
  readonly soUren?: Decimal;
  readonly stakingswinst?: Decimal;
  /** Any other ondernemersaftrek (AO-startersaftrek, verrekening niet-gerealiseerde zelfstandigenaftrek). */
  readonly overigeOndernemersaftrek?: Decimal;
  /** Other box 1 income (wages, for instance) and other deductions, already netted. */
  readonly overigInkomen?: Decimal;
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
  | "totaalBox1";

export interface KetenLine {
  readonly key: KetenKey;
  readonly label: string;
  readonly value: Money;
}

export interface KetenResult extends RuleResult<Money> {
  readonly lines: readonly KetenLine[];
}

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
};

export function keten(input: KetenInput): KetenResult {
  const t = new TraceBuilder("keten", "Van winst tot belasting", "art. 3.2 Wet IB 2001", input.year);
  const { year, winst, urencriterium } = input;
  const overige = input.overigeOndernemersaftrek ?? ZERO;
  requireNonNegative(overige, "overige_ondernemersaftrek");
  const starter = input.startersaftrek ?? false;
  const aow = input.aow ?? false;

  const za = t.part(zelfstandigenaftrek({ year, urencriterium, winst, startersaftrek: starter, aow }));
  const sa = t.part(startersaftrek({ year, urencriterium, starter, aow }));
  const so = input.soUren ? t.part(soAftrek({ year, urencriterium, soUren: input.soUren, starter })) : ZERO;
  const meewerk = input.urenPartner
    ? t.part(
        meewerkaftrek({
          year,
          winst,
          urenPartner: input.urenPartner,
          urencriterium,
          stakingswinst: input.stakingswinst,
        }),
      )
    : ZERO;
  const staking = input.stakingswinst ? t.part(stakingsaftrek({ year, stakingswinst: input.stakingswinst })) : ZERO;
  const ondernemersaftrek = [za, sa, so, meewerk, staking, overige].reduce((s: Money, v) => s.plus(v), ZERO);
  const mkb = t.part(mkbWinstvrijstelling({ year, winst, ondernemersaftrek }));
  const belastbareWinst = roundCents(winst.minus(ondernemersaftrek).minus(mkb));
  const inkomen = roundCents(belastbareWinst.plus(input.overigInkomen ?? ZERO));
  const belasting = t.part(box1({ year, inkomen, aow }));
  const ta = t.part(tariefsaanpassing({ year, inkomen, aftrekposten: [ondernemersaftrek, mkb] }));
  const totaal = belasting.plus(ta);

  const values: Record<KetenKey, Decimal> = {
    winst,
    zelfstandigenaftrek: za,
    startersaftrek: sa,
    soAftrek: so,
    meewerkaftrek: meewerk,
    stakingsaftrek: staking,
    overigeOndernemersaftrek: overige,
    ondernemersaftrek,
    mkbWinstvrijstelling: mkb,
    belastbareWinst,
    inkomenBox1: inkomen,
    box1: belasting,
    tariefsaanpassing: ta,
    totaalBox1: totaal,
  };
  const lines = (Object.keys(KETEN_LABELS) as KetenKey[]).map((key) => ({
    key,
    label: KETEN_LABELS[key],
    value: roundCents(values[key]),
  }));
  for (const line of lines) t.step(line.label, line.value);
  return resultWith(t.done(roundCents(totaal)), { lines });
}
