/**
 * Startersaftrek bij arbeidsongeschiktheid (art. 3.78a Wet IB 2001).
 *
 * For a starter (no ondernemer in 1 or more of the 5 preceding years) who is entitled to an
 * arbeidsongeschiktheidsuitkering, does not meet the urencriterium of 1.225 hours but does meet the
 * verlaagd urencriterium of 800 hours, and had not reached the AOW-leeftijd at 1 January.
 * 12.000 / 8.000 / 4.000 by earlier uses in the 5 preceding years, 0 from the third; at most the winst.
 */
import Decimal from "decimal.js";
import { max, min, Money, roundCents, ZERO } from "./money";
import { aoStartersaftrekDerde, aoStartersaftrekEerste, aoStartersaftrekTweede } from "./parameters/aoStartersaftrek";
import { RuleResult, TraceBuilder } from "./trace";
import { urencriterium } from "./urencriterium";
import { requireWholeNumberBetween } from "./validate";
import { nl } from "./dutch";

export interface StartersaftrekArbeidsongeschiktheidInput {
  readonly year: number;
  readonly winst: Decimal;
  /** Hours spent on the business in the year. */
  readonly uren: Decimal;
  /** Entitled to an AO-uitkering in the year (WIA, WAO, WAZ, Wajong or comparable). */
  readonly aoUitkering: boolean;
  /** No ondernemer in 1 or more of the 5 preceding years. */
  readonly starter: boolean;
  /** How often this aftrek was applied in the 5 preceding years (0–5). */
  readonly kerenEerder?: Decimal;
  readonly aow?: boolean;
}

export function startersaftrekArbeidsongeschiktheid(
  input: StartersaftrekArbeidsongeschiktheidInput,
): RuleResult<Money> {
  const t = new TraceBuilder(
    "startersaftrekArbeidsongeschiktheid",
    "Startersaftrek bij arbeidsongeschiktheid",
    "art. 3.78a Wet IB 2001",
    input.year,
  );
  const keren = input.kerenEerder ?? ZERO;
  requireWholeNumberBetween(keren, "keren_eerder", 0, 5);
  const amounts = [aoStartersaftrekEerste, aoStartersaftrekTweede, aoStartersaftrekDerde].map((p) => t.param(p));

  const gewoon = t.part(urencriterium({ uren: input.uren, starter: true, year: input.year }));
  const verlaagd = t.part(urencriterium({ uren: input.uren, starter: true, verlaagd: true, year: input.year }));
  const conditions: Array<[string, boolean]> = [
    ["Recht op een arbeidsongeschiktheidsuitkering", input.aoUitkering],
    ["Geen ondernemer in 1 of meer van de 5 voorafgaande jaren", input.starter],
    ["AOW-leeftijd niet bereikt op 1 januari", !(input.aow ?? false)],
    ["Verlaagd urencriterium (800 uur) gehaald", verlaagd],
    ["Gewoon urencriterium (1.225 uur) niet gehaald", !gewoon],
  ];
  for (const [label, ok] of conditions) t.step(label, ok);
  if (!conditions.every(([, ok]) => ok)) {
    t.step("Geen startersaftrek bij arbeidsongeschiktheid", ZERO);
    return t.done(ZERO);
  }
  const times = keren.toNumber();
  const bedrag = times < amounts.length ? amounts[times] : ZERO;
  t.step(() => nl`Eerder toegepast in de 5 voorafgaande jaren: ${times} keer`, bedrag);
  const value = roundCents(min(bedrag, max(input.winst, ZERO)));
  t.step("Ten hoogste de winst", value);
  return t.done(value);
}
