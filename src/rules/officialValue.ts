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

/** Edit distance between two names (insertions, deletions and substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/** The parameter a mistyped name most likely meant, when one is close enough. */
function closestName(name: string): string | null {
  const wanted = name.trim().toLowerCase();
  let best: { name: string; d: number } | null = null;
  for (const p of ALL_PARAMETERS) {
    const d = distance(wanted, p.name);
    if (!best || d < best.d) best = { name: p.name, d };
  }
  // Close enough: at most two edits, or at most one edit for every four letters of a longer name.
  return best && (best.d <= 2 || 4 * best.d <= wanted.length) ? best.name : null;
}

export function officialValue(year: number, name: string): OfficialValue {
  const p = findParameter(name);
  if (!p) {
    // Short enough for Excel to show whole (Excel for Mac cuts a message at about 255 characters):
    // the full list of names is on the help page.
    const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    const close = closestName(name);
    throw new InvalidInputError(
      "naam",
      `Argument 'naam': onbekende parameter "${shown}".${close ? ` Bedoelt u "${close}"?` : ""} Alle namen staan op de helppagina van NL.PARAMETER.`,
    );
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
