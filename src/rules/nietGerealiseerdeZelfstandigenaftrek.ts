/**
 * Niet-gerealiseerde zelfstandigenaftrek (art. 3.76 lid 5 and 7 Wet IB 2001).
 *
 * What the cap at the winst cut off is carried forward to the 9 following years, oldest first. In
 * such a year it raises the zelfstandigenaftrek by at most the winst minus that year's
 * zelfstandigenaftrek (and startersaftrek), and only when the zelfstandigenaftrek applies.
 */
import Decimal from "decimal.js";
import { InvalidInputError } from "./errors";
import { max, min, Money, roundCents, sum, ZERO } from "./money";
import { startersaftrek } from "./startersaftrek";
import { resultWith, RuleResult, TraceBuilder } from "./trace";
import { zelfstandigenaftrek } from "./zelfstandigenaftrek";
import { nl } from "./dutch";

/** Carried forward for this many years after the year it arose in (lid 7). */
const VOORTWENTELING_JAREN = 9;

export interface OpenBedrag {
  readonly jaar: number;
  readonly bedrag: Decimal;
}

export interface NgzInput {
  readonly year: number;
  readonly winst: Decimal;
  readonly urencriterium: boolean;
  /** Open amounts of earlier years. */
  readonly open: readonly OpenBedrag[];
  readonly startersaftrek?: boolean;
  readonly aow?: boolean;
}

export interface NgzResult extends RuleResult<Money> {
  /** What stays open after this year, per year of origin (this year's new amount included). */
  readonly restant: readonly OpenBedrag[];
  readonly totaalRestant: Money;
}

function checkOpen(open: readonly OpenBedrag[], year: number): void {
  for (const { jaar, bedrag } of open) {
    if (jaar >= year) {
      throw new InvalidInputError("open", nl`Argument 'open': het jaar ${jaar} moet vóór ${year} liggen.`);
    }
    if (bedrag.isNegative()) {
      throw new InvalidInputError("open", nl`Argument 'open' mag geen negatief bedrag bevatten (jaar ${jaar}).`);
    }
  }
}

export function nietGerealiseerdeZelfstandigenaftrek(input: NgzInput): NgzResult {
  const t = new TraceBuilder(
    "nietGerealiseerdeZelfstandigenaftrek",
    "Verrekening niet-gerealiseerde zelfstandigenaftrek",
    "art. 3.76 lid 7 Wet IB 2001",
    input.year,
  );
  checkOpen(input.open, input.year);
  const oudste = input.year - VOORTWENTELING_JAREN;
  const geldig = [...input.open].filter((o) => o.jaar >= oudste).sort((a, b) => a.jaar - b.jaar);
  const vervallen = input.open.filter((o) => o.jaar < oudste);
  if (vervallen.length) {
    t.step(nl`Vervallen (ouder dan ${VOORTWENTELING_JAREN} jaar)`, sum(vervallen.map((o) => o.bedrag)));
  }

  const za = zelfstandigenaftrek({ ...input, winst: input.winst });
  const zaValue = t.part(za);
  const saValue = t.part(
    startersaftrek({
      year: input.year,
      urencriterium: input.urencriterium,
      starter: input.startersaftrek ?? false,
      aow: input.aow,
    }),
  );
  let ruimte = input.urencriterium ? max(input.winst.minus(zaValue).minus(saValue), ZERO) : ZERO;
  t.step("Ruimte: winst min zelfstandigenaftrek en startersaftrek", ruimte);

  let verrekend: Money = ZERO;
  const restant: OpenBedrag[] = [];
  for (const o of geldig) {
    const gebruik = min(o.bedrag, ruimte);
    ruimte = ruimte.minus(gebruik);
    verrekend = verrekend.plus(gebruik);
    if (!gebruik.isZero()) t.step(() => nl`Verrekend uit ${o.jaar}`, gebruik);
    const over = new Money(o.bedrag).minus(gebruik);
    if (!over.isZero()) restant.push({ jaar: o.jaar, bedrag: over });
  }
  if (!za.nietGerealiseerd.isZero()) {
    restant.push({ jaar: input.year, bedrag: za.nietGerealiseerd });
    t.step(() => nl`Nieuw niet-gerealiseerd in ${input.year}`, za.nietGerealiseerd);
  }
  const totaalRestant = roundCents(sum(restant.map((o) => o.bedrag)));
  const value = roundCents(verrekend);
  t.step("Verrekend dit jaar", value);
  t.step("Blijft open", totaalRestant);
  return resultWith(t.done(value), { restant, totaalRestant });
}
