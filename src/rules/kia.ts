/**
 * Kleinschaligheidsinvesteringsaftrek (art. 3.41, 3.45 Wet IB 2001).
 *
 * The table is applied to the total of the qualifying investments of the year. An asset below the
 * per-asset minimum does not count at all (art. 3.45 lid 2). In a samenwerkingsverband the table is
 * applied to the whole and the result multiplied by the partner's share (art. 3.41 lid 3).
 */
import Decimal from "decimal.js";
import { InvalidInputError } from "./errors";
import { Money, ONE, percentOf, roundCents, sum, ZERO } from "./money";
import {
  kiaAfbouwPercentage,
  kiaBovengrens,
  kiaEindePercentage,
  kiaEindeVast,
  kiaMinimumBedrijfsmiddel,
  kiaOndergrens,
  kiaPercentage,
  kiaVastBedrag,
} from "./parameters/kia";
import { RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { nl } from "./dutch";

export interface KiaInput {
  readonly year: number;
  /** One amount per bedrijfsmiddel, excl. deductible btw. */
  readonly investeringen: readonly Decimal[];
  /** Share in a samenwerkingsverband, 0 < aandeel <= 1; 1 when absent. */
  readonly aandeel?: Decimal;
}

/** The table of art. 3.41 lid 2 over a total, unrounded. Rows are "meer dan X, niet meer dan Y". */
export function kiaOverInvesteringsbedrag(t: TraceBuilder, total: Decimal): Money {
  const ondergrens = t.param(kiaOndergrens);
  const eindePercentage = t.param(kiaEindePercentage);
  const eindeVast = t.param(kiaEindeVast);
  const bovengrens = t.param(kiaBovengrens);

  if (total.lte(ondergrens)) {
    t.step(() => nl`Investeringsbedrag niet meer dan ${ondergrens}: geen aftrek`, ZERO);
    return ZERO;
  }
  if (total.lte(eindePercentage)) {
    const percentage = t.param(kiaPercentage);
    const amount = percentOf(percentage, total);
    t.step(() => nl`${percentage}% van het investeringsbedrag`, amount);
    return amount;
  }
  const vastBedrag = t.param(kiaVastBedrag);
  if (total.lte(eindeVast)) {
    t.step("Vast bedrag (tweede schijf)", vastBedrag);
    return vastBedrag;
  }
  if (total.lte(bovengrens)) {
    const afbouw = t.param(kiaAfbouwPercentage);
    const amount = vastBedrag.minus(percentOf(afbouw, total.minus(eindeVast)));
    t.step(() => nl`${vastBedrag} verminderd met ${afbouw}% van het deel boven ${eindeVast}`, amount);
    return amount;
  }
  t.step(() => nl`Investeringsbedrag meer dan ${bovengrens}: geen aftrek`, ZERO);
  return ZERO;
}

export function kia(input: KiaInput): RuleResult<Money> {
  const t = new TraceBuilder("kia", "Kleinschaligheidsinvesteringsaftrek", "art. 3.41 Wet IB 2001", input.year);
  input.investeringen.forEach((amount) => requireNonNegative(amount, "investeringen"));
  const aandeel = input.aandeel ?? ONE;
  if (aandeel !== ONE && (aandeel.lte(0) || aandeel.gt(1))) {
    throw new InvalidInputError(
      "aandeel",
      nl`Argument 'aandeel' moet groter dan 0 en hoogstens 1 zijn (gekregen: ${aandeel}).`,
    );
  }

  const minimum = t.param(kiaMinimumBedrijfsmiddel);
  const qualifying = input.investeringen.filter((amount) => amount.gte(minimum));
  const total = sum(qualifying);
  t.step(
    () => nl`Bedrijfsmiddelen van ten minste ${minimum} (${qualifying.length} van ${input.investeringen.length})`,
    total,
  );

  const overTotal = kiaOverInvesteringsbedrag(t, total);
  const whole = aandeel === ONE || aandeel.eq(1);
  const share = whole ? overTotal : overTotal.times(aandeel);
  if (!whole) t.step(() => nl`Aandeel ${aandeel} in het samenwerkingsverband`, share);

  const value = roundCents(share);
  t.step("Kleinschaligheidsinvesteringsaftrek", value);
  return t.done(value);
}
