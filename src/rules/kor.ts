/**
 * Kleineondernemersregeling (art. 25 Wet OB 1968) and its money effect.
 *
 * Since 2025 the turnover of the year and of the year before must both stay within the limit; the
 * EU-KOR (from 2025) looks at the turnover in the whole EU. Joining the KOR means charging no btw
 * and reclaiming none; btw reclaimed on assets still in their herziening period is repaid once for
 * the remaining years (art. 15).
 */
import Decimal from "decimal.js";
import { InvalidInputError, NotCoveredError } from "./errors";
import { max, Money, percentOf, roundCents, ZERO } from "./money";
import {
  btwAlgemeenTarief,
  euKorOmzetgrens,
  herzieningJarenOnroerend,
  herzieningJarenRoerend,
  korOmzetgrens,
  korToetsVorigJaar,
} from "./parameters/kor";
import { RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { nl } from "./dutch";

/** The article the KOR amounts stand in that year (art. 25, from 2025 art. 25a), from the parameter's own source. */
function korArticle(year: number): string {
  return korOmzetgrens.values[year]?.source.article ?? "art. 25 Wet OB 1968";
}

export interface KorInput {
  readonly year: number;
  readonly omzet: Decimal;
  readonly omzetVorigJaar?: Decimal;
}

export function korToegestaan(input: KorInput): RuleResult<boolean> {
  const t = new TraceBuilder("kor", "Kleineondernemersregeling", korArticle(input.year), input.year);
  const vorig = input.omzetVorigJaar ?? ZERO;
  requireNonNegative(input.omzet, "omzet");
  requireNonNegative(vorig, "omzet_vorig_jaar");
  const grens = t.param(korOmzetgrens);
  const beideJaren = t.param(korToetsVorigJaar).eq(1);
  const ditJaar = input.omzet.lte(grens);
  t.step(() => nl`Omzet ${input.omzet} niet meer dan ${grens}`, ditJaar);
  let value = ditJaar;
  if (beideJaren) {
    const vorigJaar = vorig.lte(grens);
    t.step(() => nl`Omzet vorig jaar ${vorig} niet meer dan ${grens}`, vorigJaar);
    value = ditJaar && vorigJaar;
  }
  t.step("KOR mogelijk", value);
  return t.done(value);
}

export function euKorToegestaan(input: KorInput): RuleResult<boolean> {
  const t = new TraceBuilder("euKor", "EU-kleineondernemersregeling", korArticle(input.year), input.year);
  if (!euKorOmzetgrens.values[input.year] && input.year < 2025) {
    throw new NotCoveredError(nl`De EU-KOR bestaat vanaf 2025; jaar ${input.year} valt daarbuiten.`);
  }
  const vorig = input.omzetVorigJaar ?? ZERO;
  requireNonNegative(input.omzet, "eu_omzet");
  requireNonNegative(vorig, "eu_omzet_vorig_jaar");
  const grens = t.param(euKorOmzetgrens);
  const value = input.omzet.lte(grens) && vorig.lte(grens);
  t.step(() => nl`EU-omzet ${input.omzet} en vorig jaar ${vorig} niet meer dan ${grens}`, value);
  return t.done(value);
}

export interface KorResultaatInput {
  readonly year: number;
  /** Turnover excluding btw, at the prices charged without the KOR. */
  readonly omzet: Decimal;
  /** Costs excluding btw. */
  readonly kosten: Decimal;
  /** Btw paid on those costs (reclaimable without the KOR). */
  readonly btwKosten: Decimal;
  readonly kor: boolean;
  /** Private clients keep paying the same price including btw (the btw becomes income). */
  readonly particulierZelfdePrijs?: boolean;
  /** The btw rate on the turnover as a fraction (0,21); the general rate when absent. */
  readonly btwTarief?: Decimal;
}

/** The year's result (income minus costs) with or without the KOR. */
export function korResultaat(input: KorResultaatInput): RuleResult<Money> {
  const t = new TraceBuilder("korResultaat", "Resultaat met en zonder KOR", korArticle(input.year), input.year);
  const named: Array<[Decimal, string]> = [
    [input.omzet, "omzet"],
    [input.kosten, "kosten"],
    [input.btwKosten, "btw_kosten"],
  ];
  named.forEach(([v, n]) => requireNonNegative(v, n));
  if (input.btwTarief && (input.btwTarief.isNegative() || input.btwTarief.gt(1))) {
    throw new InvalidInputError(
      "btw_tarief",
      "Argument 'btw_tarief' moet tussen 0% en 100% liggen, bijvoorbeeld 21% of 0,21.",
    );
  }
  if (!input.kor) {
    const value = roundCents(input.omzet.minus(input.kosten));
    t.step("Zonder KOR: btw wordt afgedragen en teruggevraagd; resultaat is omzet min kosten", value);
    return t.done(value);
  }
  let opbrengst = new Money(input.omzet);
  if (input.particulierZelfdePrijs) {
    const tarief = input.btwTarief ? input.btwTarief.times(100) : t.param(btwAlgemeenTarief);
    opbrengst = opbrengst.plus(percentOf(tarief, input.omzet));
    t.step(
      () => nl`Particuliere klanten betalen dezelfde prijs incl. ${tarief}% btw: geen btw meer af te dragen`,
      opbrengst,
    );
  } else {
    t.step("Prijzen excl. btw blijven gelijk", opbrengst);
  }
  const kosten = input.kosten.plus(input.btwKosten);
  t.step("Kosten incl. btw (niet meer terug te vragen)", kosten);
  const value = roundCents(opbrengst.minus(kosten));
  t.step("Resultaat met KOR", value);
  return t.done(value);
}

export interface KorHerzieningInput {
  /** First year in the KOR. */
  readonly year: number;
  readonly btwAfgetrokken: Decimal;
  readonly jaarIngebruikname: number;
  readonly onroerend?: boolean;
}

/** Btw to repay once on joining the KOR for an asset still in its herziening period. */
export function korHerziening(input: KorHerzieningInput): RuleResult<Money> {
  const t = new TraceBuilder("korHerziening", "Herziening bij deelname aan de KOR", "art. 15 Wet OB 1968", input.year);
  requireNonNegative(input.btwAfgetrokken, "btw_afgetrokken");
  if (input.jaarIngebruikname > input.year) {
    throw new InvalidInputError(
      "jaar_ingebruikname",
      nl`Argument 'jaar_ingebruikname' (${input.jaarIngebruikname}) ligt na ${input.year}.`,
    );
  }
  const periode = t.param(input.onroerend ? herzieningJarenOnroerend : herzieningJarenRoerend);
  const laatste = periode.plus(input.jaarIngebruikname - 1);
  const resterend = max(laatste.minus(input.year - 1), ZERO);
  t.step(
    () => nl`Herzieningsperiode ${input.jaarIngebruikname}–${laatste}: resterende jaren vanaf ${input.year}`,
    resterend,
  );
  const value = roundCents(input.btwAfgetrokken.times(resterend).dividedBy(periode));
  t.step("Terug te betalen btw", value);
  return t.done(value);
}

export interface KorEindeInput {
  readonly year: number;
  /** The year's supplies (excl. btw) in date order; a credit note is negative. */
  readonly leveringen: readonly Decimal[];
  /** Last year's turnover: from 2025 a turnover above the limit rules the KOR out for this year. */
  readonly omzetVorigJaar?: Decimal;
}

/**
 * From which supply the KOR ends: the supply with which the turnover of the year goes over the
 * omzetgrens is taxed, and so is every supply after it (art. 25 lid 8 up to 2024; art. 25a lid 9
 * from 2025, which also rules the KOR out for the next year). From 2025 a turnover above the limit
 * last year means no KOR from the first supply. 0: the KOR holds the whole year.
 */
export function korEinde(input: KorEindeInput): RuleResult<number> {
  const t = new TraceBuilder("korEinde", "Einde van de KOR in het jaar", korArticle(input.year), input.year);
  const grens = t.param(korOmzetgrens);
  const vorig = input.omzetVorigJaar ?? ZERO;
  requireNonNegative(vorig, "omzet_vorig_jaar");
  if (t.param(korToetsVorigJaar).eq(1) && vorig.gt(grens)) {
    t.step(() => nl`Omzet vorig jaar ${vorig} meer dan ${grens}: geen KOR dit jaar`, true);
    return t.done(input.leveringen.length ? 1 : 0);
  }
  let omzet: Decimal = ZERO;
  for (let i = 0; i < input.leveringen.length; i++) {
    omzet = omzet.plus(input.leveringen[i]);
    if (omzet.gt(grens)) {
      t.step(() => nl`Na levering ${i + 1} is de omzet ${omzet}: meer dan ${grens}`, true);
      return t.done(i + 1);
    }
  }
  t.step(() => nl`Omzet van het jaar ${omzet} niet meer dan ${grens}`, false);
  return t.done(0);
}
