import { describeYears, NotCoveredError } from "../errors";
import { money, Money } from "../money";

/** Where a value comes from: the law text at that year's 1 January, or a Belastingdienst page. */
export interface Source {
  readonly url: string;
  /** Human-readable citation, e.g. "art. 3.41 lid 2 Wet IB 2001". */
  readonly article: string;
  /** Why this source, where it needs saying (e.g. a value fixed by a later law). */
  readonly note?: string;
}

/** One year's value. Amounts are strings so that they go into `Decimal` exactly. */
export interface DatedValue {
  readonly value: string;
  readonly source: Source;
}

export type Unit = "EUR" | "procent" | "uren" | "aantal" | "jaren" | "ja/nee";

export interface Parameter {
  /** Stable name, used by =NL.PARAMETER(jaar; naam). Never rename after release. */
  readonly name: string;
  /** Dutch description shown to users. */
  readonly label: string;
  readonly unit: Unit;
  readonly values: Readonly<Record<number, DatedValue>>;
}

/** Each parameter's values parsed so far, by year (see resolvedValue), kept on the parameter itself. */
const RESOLVED = Symbol("resolved");

interface WithResolved {
  [RESOLVED]?: Map<number, ResolvedValue>;
}

export function parameter(p: Parameter): Parameter {
  Object.defineProperty(p, RESOLVED, { value: new Map<number, ResolvedValue>(), enumerable: false });
  return p;
}

/** A value read in a law (by its BWB id) as in force on 1 January of `year`. */
function inLaw(bwb: string, short: string) {
  return (value: string, year: number, article: string, lid?: string, note?: string): DatedValue => ({
    value,
    source: {
      url: `https://wetten.overheid.nl/${bwb}/${year}-01-01#Artikel${article}`,
      article: `art. ${article}${lid ? ` lid ${lid}` : ""} ${short}`,
      ...(note ? { note } : {}),
    },
  });
}

/** Wet inkomstenbelasting 2001. */
export const wetIb = inLaw("BWBR0011353", "Wet IB 2001");
/** Wet financiering sociale verzekeringen (premie volksverzekeringen). */
export const wfsv = inLaw("BWBR0017745", "Wfsv");
/** Wet op de omzetbelasting 1968. */
export const wetOb = inLaw("BWBR0002629", "Wet OB 1968");

/**
 * A value the law leaves to a yearly regulation or a practice the Belastingdienst states: the
 * Belastingdienst page that publishes it, the article it rests on, and where needed the regulation.
 */
export function belastingdienst(value: string, url: string, article: string, note?: string): DatedValue {
  return { value, source: { url, article, ...(note ? { note } : {}) } };
}

/**
 * A value the law gives as the sum of others, in each year in which all of them have one: worked
 * out from those parts, so that no number is written twice. Its source is `source(year)`, with a
 * note that names the parts and their values.
 */
export function sumOf(
  p: Omit<Parameter, "values">,
  parts: readonly Parameter[],
  source: (value: string, year: number, note: string) => DatedValue,
): Parameter {
  const values: Record<number, DatedValue> = {};
  for (const year of coveredYears(parts[0])) {
    if (!parts.every((part) => Object.prototype.hasOwnProperty.call(part.values, year))) continue;
    const terms = parts.map((part) => part.values[year].value);
    const total = terms.reduce((a, b) => a.plus(b), money("0")).toString();
    // In Dutch, as the task pane shows it: 8,17% + 17,90% ...
    const shown = (part: Parameter, i: number) =>
      `${part.name} (${terms[i].replace(".", ",")}${part.unit === "procent" ? "%" : ""})`;
    const note = `De som van ${parts.map(shown).join(" + ")}.`;
    values[year] = source(total, year, note);
  }
  return parameter({ ...p, values });
}

/** The years every rule covers completely. */
export const YEARS_2022_2026: readonly number[] = [2022, 2023, 2024, 2025, 2026];

/** The same value in each year, each citing the law text of its own year. */
export function everyYear(
  law: (value: string, year: number, article: string) => DatedValue,
  value: string,
  article: string,
  years: readonly number[] = YEARS_2022_2026,
): Record<number, DatedValue> {
  return Object.fromEntries(years.map((year) => [year, law(value, year, article)]));
}

export function coveredYears(p: Parameter): number[] {
  return Object.keys(p.values)
    .map(Number)
    .sort((a, b) => a - b);
}

export interface ResolvedValue {
  readonly parameter: Parameter;
  readonly year: number;
  readonly value: Money;
  readonly source: Source;
}

/**
 * Parsed once per parameter and year: the parameter files hold strings, the rules want Decimals.
 * Looked up on every rule evaluation, so by the year in a small map on the parameter itself (one
 * made elsewhere than by `parameter`, as in a test, gets one here).
 */
const resolvedCache = new WeakMap<Parameter, Map<number, ResolvedValue>>();

/** The value for `year`, or undefined when the parameter has none for that year. */
export function resolvedValue(p: Parameter, year: number): ResolvedValue | undefined {
  let byYear = (p as WithResolved)[RESOLVED] ?? resolvedCache.get(p);
  if (!byYear) resolvedCache.set(p, (byYear = new Map()));
  let resolved = byYear.get(year);
  if (!resolved) {
    const dated = Object.prototype.hasOwnProperty.call(p.values, year) ? p.values[year] : undefined;
    if (!dated) return undefined;
    resolved = { parameter: p, year, value: money(dated.value), source: dated.source };
    byYear.set(year, resolved);
  }
  return resolved;
}

/** The value for `year`, or a NotCoveredError that names the year and the years that are covered. */
export function valueFor(p: Parameter, year: number): ResolvedValue {
  const resolved = resolvedValue(p, year);
  if (!resolved) {
    throw new NotCoveredError(
      `Geen gegevens voor jaar ${year} (${p.label}). Beschikbare jaren: ${describeYears(coveredYears(p))}.`,
    );
  }
  return resolved;
}
