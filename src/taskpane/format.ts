/**
 * Numbers in the task pane, written and read in the pane's language: € 1.234,56 in Dutch,
 * €1,234.56 in English. Reading is strict: a typed number that two readers could read two ways
 * ("60,000" in Dutch: 60 or 60.000) is not guessed at but reported with both readings.
 */
import Decimal from "decimal.js";
import type { Lang } from "./i18n";

const LOCALE: Record<Lang, string> = { nl: "nl-NL", en: "en-GB" };

const formatters: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }),
};
const signed: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", signDisplay: "exceptZero" }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", signDisplay: "exceptZero" }),
};
const whole: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
};
const percent: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }),
};

const plain = (text: string) => text.replace(/\u00a0/g, " ");
const toNumber = (value: { toNumber(): number } | number) => (typeof value === "number" ? value : value.toNumber());

/** Whole euros, for chart axes: € 22.000 in Dutch, €22,000 in English. */
export function formatEuroWhole(value: number, lang: Lang = "nl"): string {
  return plain(whole[lang].format(value));
}

/** A fraction as a percentage: 0,495 is "49,5%" in Dutch. */
export function formatPercent(value: { toNumber(): number } | number, lang: Lang = "nl"): string {
  return plain(percent[lang].format(toNumber(value)));
}

export function formatEuro(value: { toNumber(): number } | number, lang: Lang = "nl"): string {
  return plain(formatters[lang].format(toNumber(value)));
}

/** A difference, with its sign also when it is positive: "€ +3.180,00", "€ -2.470,00". */
export function formatEuroDifference(value: { toNumber(): number } | number, lang: Lang = "nl"): string {
  return plain(signed[lang].format(toNumber(value)));
}

/** A date of the form 2026-11-22 as the language writes it: "22 november 2026". */
export function formatDate(iso: string, lang: Lang = "nl"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** The separators of a language: Dutch writes 1.234,5, English 1,234.5. */
const SEPARATORS: Record<Lang, { readonly decimal: string; readonly group: string }> = {
  nl: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
};

/** What a typed number says: nothing, one number, two possible numbers, or no number at all. */
export type NumberReading =
  | { readonly status: "empty" }
  | { readonly status: "ok"; readonly value: Decimal }
  | { readonly status: "ambiguous"; readonly readings: readonly [Decimal, Decimal] }
  | { readonly status: "invalid" };

const EMPTY: NumberReading = { status: "empty" };
const INVALID: NumberReading = { status: "invalid" };
const ok = (value: Decimal): NumberReading => ({ status: "ok", value });

/** Digit groups as a reader expects them: 1 to 3 digits (no leading 0), then groups of exactly 3. */
const wellGrouped = (runs: readonly string[]) =>
  /^[1-9]\d{0,2}$/.test(runs[0]) && runs.slice(1).every((r) => /^\d{3}$/.test(r));

/**
 * The digits and separators of a number ("60.000", "1,5", "1 234,50") read in a language.
 * The language's own way wins where it is well formed ("60.000" in Dutch is sixty thousand); the
 * other language's way is accepted where it is the only reading ("12.50" in Dutch is 12,50; "1,234.56"
 * is 1.234,56). Two readings are reported, never chosen between:
 * - a decimal separator followed by exactly three digits ("60,000" in Dutch: 60 or 60.000);
 * - a group separator followed by more than three digits ("6.0000" in Dutch: 6 or 60.000, a
 *   mistyped group).
 */
function readDigits(body: string, lang: Lang): NumberReading {
  const runs = body.split(/[., ]/);
  const seps: string[] = body.match(/[., ]/g) ?? [];
  if (runs.some((r) => r === "")) return INVALID;
  if (seps.length === 0) return ok(new Decimal(body));
  const { decimal } = SEPARATORS[lang];
  /** The number with `point` as its decimal separator (null: none) and every other separator grouping. */
  const as = (point: string | null): Decimal | null => {
    if (point === " ") return null;
    if (point !== null && seps.indexOf(point) !== seps.length - 1) return null;
    const groups = point === null ? seps : seps.slice(0, -1);
    const integer = point === null ? runs : runs.slice(0, -1);
    if (new Set(groups).size > 1 || (groups.length > 0 && !wellGrouped(integer))) return null;
    return new Decimal(integer.join("") + (point === null ? "" : `.${runs[runs.length - 1]}`));
  };
  if (seps.length === 1) {
    const sep = seps[0];
    const grouped = as(null);
    if (sep === " ") return grouped ? ok(grouped) : INVALID;
    const pointed = as(sep)!;
    if (sep === decimal) return grouped ? { status: "ambiguous", readings: [pointed, grouped] } : ok(pointed);
    if (grouped) return ok(grouped);
    const fraction = runs[1];
    if (fraction.length > 3 && /^[1-9]/.test(runs[0])) {
      return { status: "ambiguous", readings: [pointed, new Decimal(runs.join(""))] };
    }
    return ok(pointed);
  }
  // Several separators: all of them group, or the last one (occurring once) is the decimal point.
  const reading = as(null) ?? as(seps[seps.length - 1]);
  return reading ? ok(reading) : INVALID;
}

const negate = (r: NumberReading): NumberReading =>
  r.status === "ok"
    ? ok(r.value.negated())
    : r.status === "ambiguous"
      ? { status: "ambiguous", readings: [r.readings[0].negated(), r.readings[1].negated()] }
      : r;

/**
 * A typed number in the pane's language: "40.000", "-2.500,50", "€ 60.000,-", "1 400". A euro sign
 * or "EUR" and ",-" for whole euros may be typed; spaces may group digits.
 */
export function readNumber(text: string, lang: Lang): NumberReading {
  const t = text.replace(/[\u00a0\u202f\u2009]/g, " ").trim();
  if (t === "") return EMPTY;
  // No amount the pane takes is this long; a pasted text is refused before it is looked at.
  if (t.length > 40) return INVALID;
  const m =
    /^([-+\u2212]?)\s*(?:€|eur)?\s*([-+\u2212]?)\s*(\d[\d., ]*?)\s*(?:[.,]\s*[-\u2013]{1,2})?\s*(?:€|eur)?$/i.exec(t);
  if (!m || (m[1] && m[2])) return INVALID;
  const wholeEuros = /[.,]\s*[-\u2013]{1,2}\s*(?:€|eur)?$/i.test(t);
  const reading = readDigits(m[3], lang);
  if (wholeEuros && reading.status === "ok" && !reading.value.isInteger()) return INVALID;
  return /[-\u2212]/.test(m[1] + m[2]) ? negate(reading) : reading;
}

/** Digits with the language's group separator: "1.234.567" in Dutch. */
function grouped(integer: string, lang: Lang): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[lang].group);
}

/** A number as the pane writes it into a field: grouped, with `places` decimals. Exact (decimal.js). */
export function formatNumber(value: Decimal, lang: Lang, places: number): string {
  const fixed = value.abs().toFixed(places);
  const [integer, fraction] = fixed.split(".");
  const sign = value.isNegative() && !value.isZero() ? "-" : "";
  return `${sign}${grouped(integer, lang)}${fraction ? SEPARATORS[lang].decimal + fraction : ""}`;
}

/**
 * A stored amount read back as a number (Dutch notation, as the pane stores every number), or
 * null when it is empty or not one number.
 */
export function parseAmount(text: string, lang: Lang = "nl"): number | null {
  const r = readNumber(text, lang);
  return r.status === "ok" ? r.value.toNumber() : null;
}

/** The parts Dutch tax words are compounded of: a line may break there, with a hyphen. */
const JOINTS =
  /(?<=\p{L}{3})(aftrek|korting|investerings|afhankelijke|ongeschiktheid|aanpassing|vrijstelling|bijdrage|inkomen|winst)/gu;

/**
 * A label for a narrow column: soft hyphens at the joints of compound words, so that
 * "Kleinschaligheidsinvesteringsaftrek" breaks as "Kleinschaligheids-/investerings-/aftrek" and never
 * in the middle of a part. Only for display: cells written into a workbook get the plain text.
 */
export function hyphenate(text: string): string {
  return text.replace(JOINTS, "\u00ad$1");
}
