/**
 * Urencriterium (art. 3.6 Wet IB 2001): at least 1.225 hours on the business, and more time on the
 * business than on other work (employment, overige werkzaamheden) unless the ondernemer was no
 * ondernemer in one or more of the 5 preceding years. The verlaagd urencriterium of 800 hours
 * (art. 3.78a lid 3) has the same structure.
 */
import Decimal from "decimal.js";
import { ZERO } from "./money";
import { urencriteriumUren, verlaagdUrencriteriumUren } from "./parameters/urencriterium";
import { RuleResult, TraceBuilder } from "./trace";
import { requireNonNegative } from "./validate";
import { nl } from "./dutch";

export interface UrencriteriumInput {
  readonly uren: Decimal;
  readonly urenOverigWerk?: Decimal;
  readonly starter?: boolean;
  readonly verlaagd?: boolean;
  /** The year whose law applies; the newest covered year when absent (the hours have not changed). */
  readonly year?: number;
}

/** The newest year for which the urencriterium is in the parameter files. */
export const URENCRITERIUM_CURRENT_YEAR = Math.max(...Object.keys(urencriteriumUren.values).map(Number));

export function urencriterium(input: UrencriteriumInput): RuleResult<boolean> {
  const year = input.year ?? URENCRITERIUM_CURRENT_YEAR;
  const t = new TraceBuilder("urencriterium", "Urencriterium", "art. 3.6 Wet IB 2001", year);
  const overig = input.urenOverigWerk ?? ZERO;
  requireNonNegative(input.uren, "uren");
  requireNonNegative(overig, "uren_overig_werk");

  const minimum = t.param(input.verlaagd ? verlaagdUrencriteriumUren : urencriteriumUren);
  const genoegUren = input.uren.gte(minimum);
  t.step(() => nl`Ten minste ${minimum} uur aan de onderneming (${input.uren})`, genoegUren);

  let grotendeels = true;
  if (input.starter) {
    t.step("Starter: de eis van meer dan de helft van de arbeidstijd geldt niet", true);
  } else {
    grotendeels = input.uren.gt(overig);
    t.step(() => nl`Meer tijd aan de onderneming dan aan ander werk (${input.uren} tegen ${overig})`, grotendeels);
  }
  const value = genoegUren && grotendeels;
  t.step("Urencriterium", value);
  return t.done(value);
}
