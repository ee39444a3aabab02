/**
 * KIA for an asset not yet in use at the end of the year (art. 3.44 Wet IB 2001): when its part of
 * the investeringsaftrek exceeds what was paid for it, this year's aftrek is the amount paid; the
 * rest follows as payments are made, at the latest in the year the asset is taken into use.
 */
import Decimal from "decimal.js";
import { InvalidInputError } from "./errors";
import { kia } from "./kia";
import { min, Money, roundCents, sum, ZERO } from "./money";
import { kiaMinimumBedrijfsmiddel } from "./parameters/kia";
import { resultWith, RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { nl } from "./dutch";

export interface Bedrijfsmiddel {
  readonly bedrag: Decimal;
  /** Not in use at 31 December: the amount paid for it. `undefined`: in use. */
  readonly betaaldNietInGebruik?: Decimal;
}

export interface KiaNietInGebruikInput {
  readonly year: number;
  readonly bedrijfsmiddelen: readonly Bedrijfsmiddel[];
  readonly aandeel?: Decimal;
}

export interface KiaNietInGebruikResult extends RuleResult<Money> {
  /** The part that follows in later years. */
  readonly later: Money;
}

export function kiaNietInGebruik(input: KiaNietInGebruikInput): KiaNietInGebruikResult {
  const t = new TraceBuilder(
    "kiaNietInGebruik",
    "KIA bij niet in gebruik genomen bedrijfsmiddelen",
    "art. 3.44 Wet IB 2001",
    input.year,
  );
  input.bedrijfsmiddelen.forEach((b, i) => {
    requireNonNegative(b.bedrag, "investeringen");
    if (!b.betaaldNietInGebruik) return;
    requireNonNegative(b.betaaldNietInGebruik, "betaald");
    // Art. 3.44 lid 1: the aftrek is limited to what was paid; paying more than the asset costs is a slip.
    if (b.betaaldNietInGebruik.gt(b.bedrag)) {
      throw new InvalidInputError(
        "betaald",
        nl`Argument 'betaald' is bij bedrijfsmiddel ${i + 1} meer (${b.betaaldNietInGebruik}) dan het investeringsbedrag (${b.bedrag}); zijn de kolommen verwisseld?`,
      );
    }
  });
  const full = kia({
    year: input.year,
    investeringen: input.bedrijfsmiddelen.map((b) => b.bedrag),
    aandeel: input.aandeel,
  });
  const totaalKia = t.part(full);
  const minimum = t.param(kiaMinimumBedrijfsmiddel);
  const telt = input.bedrijfsmiddelen.filter((b) => b.bedrag.gte(minimum));
  const totaal = sum(telt.map((b) => b.bedrag));
  const aandeel = input.aandeel ?? new Money(1);

  let later: Money = ZERO;
  telt.forEach((b, i) => {
    if (b.betaaldNietInGebruik === undefined || totaal.isZero()) return;
    const deel = totaalKia.times(b.bedrag).dividedBy(totaal);
    const betaald = b.betaaldNietInGebruik.times(aandeel);
    const nu = min(deel, betaald);
    later = later.plus(deel.minus(nu));
    t.step(
      () => nl`Bedrijfsmiddel ${i + 1} niet in gebruik: aftrek ${roundCents(deel)}, betaald ${roundCents(betaald)}`,
      roundCents(nu),
    );
  });
  const laterRounded = roundCents(later);
  const value = roundCents(totaalKia.minus(later));
  t.step("KIA dit jaar", value);
  t.step("KIA in latere jaren", laterRounded);
  return resultWith(t.done(value), { later: laterRounded });
}
