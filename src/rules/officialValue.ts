/**
 * The official value of a named parameter for a year, for =NL.PARAMETER: so that templates stop
 * hard-coding 2.470 or 12,7 %.
 */
import { InvalidInputError } from "./errors";
import { Money } from "./money";
import { ALL_PARAMETERS, findParameter, valueFor } from "./parameters";
import { Source, Unit, YEARS_2022_2026 } from "./parameters/parameter";

export interface OfficialValue {
  readonly name: string;
  readonly value: Money;
  readonly unit: Unit;
  readonly source: Source;
}

export function officialValue(year: number, name: string): OfficialValue {
  const p = findParameter(name);
  if (!p) {
    const names = ALL_PARAMETERS.map((x) => x.name).join(", ");
    throw new InvalidInputError("naam", `Argument 'naam': onbekende parameter "${name}". Geldige namen: ${names}.`);
  }
  const resolved = valueFor(p, year);
  return { name: p.name, value: resolved.value, unit: p.unit, source: resolved.source };
}

/** All years for which at least one parameter has a value. */
export function allCoveredYears(): number[] {
  const years = new Set<number>();
  // Tax years from the first the product supports; older values (the desinvesteringsbijtelling's
  // look-back to the year of investment, art. 3.51) are no supported tax years of their own.
  const first = YEARS_2022_2026[0];
  for (const p of ALL_PARAMETERS) for (const y of Object.keys(p.values)) if (Number(y) >= first) years.add(Number(y));
  return [...years].sort((a, b) => a - b);
}
