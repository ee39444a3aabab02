/**
 * The chain from winst to belastbare winst uit onderneming (art. 3.2, 3.74, 3.79a Wet IB 2001):
 * winst − ondernemersaftrek − MKB-winstvrijstelling over what remains.
 *
 * Every amount in the chain is a line of the aangifte and is rounded to cents as it is determined,
 * so the lines always add up: belastbare winst = winst − ondernemersaftrek − MKB-winstvrijstelling.
 */
import Decimal from "decimal.js";
import { Money, roundCents, ZERO } from "./money";
import { mkbWinstvrijstelling } from "./mkbWinstvrijstelling";
import { startersaftrek } from "./startersaftrek";
import { resultWith, RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { zelfstandigenaftrek } from "./zelfstandigenaftrek";

export interface BelastbareWinstInput {
  readonly year: number;
  /** Winst from all businesses before ondernemersaftrek (KIA already deducted). */
  readonly winst: Decimal;
  readonly urencriterium: boolean;
  /** The ondernemer meets the conditions of the startersaftrek (art. 3.76 lid 3). */
  readonly startersaftrek?: boolean;
  readonly aow?: boolean;
  /** S&O-, meewerk-, stakingsaftrek and the like, already computed. */
  readonly overigeOndernemersaftrek?: Decimal;
}

export interface ChainLine {
  readonly key: string;
  readonly label: string;
  readonly value: Money;
}

export interface BelastbareWinstResult extends RuleResult<Money> {
  readonly lines: readonly ChainLine[];
  readonly nietGerealiseerdeZelfstandigenaftrek: Money;
}

export function belastbareWinst(input: BelastbareWinstInput): BelastbareWinstResult {
  const t = new TraceBuilder("belastbareWinst", "Belastbare winst uit onderneming", "art. 3.2 Wet IB 2001", input.year);
  const overige = input.overigeOndernemersaftrek ?? ZERO;
  requireNonNegative(overige, "overige_ondernemersaftrek");
  const isStarter = input.startersaftrek ?? false;
  const aow = input.aow ?? false;

  const za = zelfstandigenaftrek({
    year: input.year,
    urencriterium: input.urencriterium,
    winst: input.winst,
    startersaftrek: isStarter,
    aow,
  });
  const zaValue = t.part(za);
  const saValue = t.part(
    startersaftrek({ year: input.year, urencriterium: input.urencriterium, starter: isStarter, aow }),
  );
  const ondernemersaftrek = zaValue.plus(saValue).plus(overige);
  const mkbValue = t.part(mkbWinstvrijstelling({ year: input.year, winst: input.winst, ondernemersaftrek }));
  const value = roundCents(input.winst.minus(ondernemersaftrek).minus(mkbValue));

  const lines: ChainLine[] = [
    { key: "winst", label: "Winst", value: input.winst },
    { key: "zelfstandigenaftrek", label: "Zelfstandigenaftrek", value: zaValue },
    { key: "startersaftrek", label: "Startersaftrek", value: saValue },
    { key: "overigeOndernemersaftrek", label: "Overige ondernemersaftrek", value: overige },
    { key: "ondernemersaftrek", label: "Ondernemersaftrek", value: ondernemersaftrek },
    { key: "mkbWinstvrijstelling", label: "MKB-winstvrijstelling", value: mkbValue },
    { key: "belastbareWinst", label: "Belastbare winst uit onderneming", value },
  ];
  for (const line of lines) t.step(line.label, line.value);
  return resultWith(t.done(value), { lines, nietGerealiseerdeZelfstandigenaftrek: za.nietGerealiseerd });
}
