/**
 * What a deductible amount really saves: the whole chain (keten.ts) run without and with it, so
 * that the ondernemersaftrek, the MKB-winstvrijstelling, box 1 with its premie, the tariefsaanpassing,
 * every heffingskorting that shrinks or grows with the income, and the Zvw-bijdrage all move
 * together. The amount reduces the winst uit onderneming before ondernemersaftrek, as the KIA, a
 * cost or an extra afschrijving does.
 */
import Decimal from "decimal.js";
import { keten, KetenInput, KetenResult } from "./keten";
import { Money, money } from "./money";
import { resultWith, RuleResult, TraceBuilder } from "./trace";

export interface NettoEffectInput extends KetenInput {
  /** The deductible amount (negative: an amount added to the winst). */
  readonly aftrekpost: Decimal;
}

export interface NettoEffectResult extends RuleResult<Money> {
  readonly zonder: KetenResult;
  readonly met: KetenResult;
}

/** Total to pay without the aftrekpost minus total to pay with it: positive is a saving. */
export function nettoEffect(input: NettoEffectInput): NettoEffectResult {
  const t = new TraceBuilder("nettoEffect", "Netto-effect van een aftrekpost", "art. 3.2 Wet IB 2001", input.year);
  t.step("Aftrekpost", input.aftrekpost);
  const zonder = keten(input);
  const met = keten({ ...input, winst: input.winst.minus(input.aftrekpost) });
  t.part(zonder);
  t.part(met);
  const zonderTotaal = zonder.line("totaalTeBetalen");
  const metTotaal = met.line("totaalTeBetalen");
  t.step("Totaal te betalen zonder de aftrekpost", zonderTotaal);
  t.step("Totaal te betalen met de aftrekpost", metTotaal);
  const value = zonderTotaal.minus(metTotaal);
  t.step("Netto minder te betalen", value);
  return resultWith(t.done(value), { zonder, met });
}

const STAP = money("100");

/**
 * The marginal rate: what € 100 more winst costs in total, as a fraction (0.4 is 40%). Over € 100
 * so that the rounding of each line to cents does not show.
 */
export function marginaalTarief(input: KetenInput): Money {
  const extra = nettoEffect({ ...input, winst: input.winst.plus(STAP), aftrekpost: STAP });
  return extra.value.dividedBy(STAP);
}
